using System.Globalization;
using TerritoryBot.Conversation;
using Xunit.Abstractions;

namespace TerritoryBot.Tests.Conversation;

public sealed class IntentRouterAccuracyTests(ITestOutputHelper output)
{
    private sealed record Utterance(int Line, string Text, string Intent, IReadOnlyDictionary<string, string> Entities, string Role);

    private static List<Utterance> Load(string file = "router-utterances.tsv")
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Conversation", file);
        var rows = new List<Utterance>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#'))
            {
                continue;
            }

            var cols = lines[i].Split('\t');
            Assert.True(cols.Length == 4, $"line {i + 1}: expected 4 tab-separated columns");
            var entities = cols[2] == "-"
                ? new Dictionary<string, string>()
                : cols[2].Split(';').Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
            rows.Add(new Utterance(i + 1, cols[0], cols[1], entities, cols[3]));
        }

        return rows;
    }

    /// <summary>Differences between expected and found entities; only the listed kinds are checked.</summary>
    private static List<string> EntityMisses(IReadOnlyDictionary<string, string> expected, IntentEntities found)
    {
        var misses = new List<string>();
        foreach (var (kind, value) in expected)
        {
            var actual = kind switch
            {
                "account" => string.Join(',', found.AccountIds),
                "rep" => string.Join(',', found.RepIds),
                "count" => found.Count?.ToString(CultureInfo.InvariantCulture) ?? "",
                "percent" => found.Percent?.ToString(CultureInfo.InvariantCulture) ?? "",
                "proposal" => found.ProposalNumber?.ToString(CultureInfo.InvariantCulture) ?? "",
                "scenario" => found.Scenario ?? "",
                "reason" => found.Reason ?? "",
                "fairness" => found.FairnessFixes ? "yes" : "no",
                _ => throw new InvalidOperationException($"unknown entity kind {kind}"),
            };
            if (actual != value)
            {
                misses.Add($"{kind}: expected '{value}', got '{actual}'");
            }
        }

        return misses;
    }

    [Fact]
    public void TestSet_CoversEveryIntentRoleAndSize()
    {
        var rows = Load();
        Assert.True(rows.Count >= 150, $"only {rows.Count} utterances");
        foreach (var name in IntentNames.All)
        {
            Assert.True(rows.Count(r => r.Intent == name) >= 5, $"fewer than 5 phrasings for {name}");
        }

        Assert.All(rows, r => Assert.True(IntentNames.TryParse(r.Intent, out _), $"line {r.Line}: unknown intent {r.Intent}"));
        Assert.Equal(["manager", "ops", "rep"], rows.Select(r => r.Role).Distinct().Order());
    }

    [Fact]
    public void Route_SameTextAgainInAnotherOrder_SameMatch()
    {
        // Words are matched against the keywords through a cache shared by every turn: a text's match must not
        // depend on which texts were routed before it.
        var texts = Load().Concat(Load("router-utterances-holdout.tsv")).Select(r => r.Text).Distinct(StringComparer.Ordinal).ToList();
        var first = texts.ToDictionary(t => t, t => Describe(FixtureRouter.Route(t)), StringComparer.Ordinal);
        var shuffled = texts.OrderBy(t => t.GetHashCode(StringComparison.Ordinal)).Reverse().ToList();
        Assert.All(shuffled, t => Assert.Equal(first[t], Describe(FixtureRouter.Route(t))));

        static string Describe(IntentMatch m) => $"{m.Name} {m.Confidence} {System.Text.Json.JsonSerializer.Serialize(m.Entities)}";
    }

    [Theory]
    [InlineData("router-utterances.tsv")]
    [InlineData("router-utterances-holdout.tsv")]
    public void Route_TestSet_AtLeast90PercentIntentAndEntitiesRight(string file)
    {
        var rows = Load(file);
        var misses = new List<string>();
        var byRole = new Dictionary<string, (int Right, int All)>();
        foreach (var row in rows)
        {
            var match = FixtureRouter.Route(row.Text);
            var problems = EntityMisses(row.Entities, match.Entities);
            if (match.Name != row.Intent)
            {
                problems.Insert(0, $"intent: expected {row.Intent}, got {match.Name} ({match.Confidence:0.00})");
            }

            var (right, all) = byRole.GetValueOrDefault(row.Role);
            byRole[row.Role] = (right + (problems.Count == 0 ? 1 : 0), all + 1);
            if (problems.Count > 0)
            {
                misses.Add($"line {row.Line} \"{row.Text}\": {string.Join("; ", problems)}");
            }
        }

        var accuracy = 1.0 - ((double)misses.Count / rows.Count);
        output.WriteLine($"accuracy {accuracy:P1} ({rows.Count - misses.Count}/{rows.Count})");
        foreach (var (role, (right, all)) in byRole.OrderBy(kv => kv.Key))
        {
            output.WriteLine($"  {role}: {right}/{all}");
        }

        foreach (var miss in misses)
        {
            output.WriteLine("  miss " + miss);
        }

        Assert.True(accuracy >= 0.90, $"accuracy {accuracy:P1} below 90%:\n{string.Join('\n', misses)}");
    }

    private static IntentRouter FixtureRouter => RouterFixture.Router;
}

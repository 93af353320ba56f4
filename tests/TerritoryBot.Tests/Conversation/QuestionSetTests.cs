using System.Text.RegularExpressions;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Plugins;
using Xunit.Abstractions;

namespace TerritoryBot.Tests.Conversation;

/// <summary>The demo universe of the question set (4,200 accounts, 8 reps, seed 42) and its independently computed book.</summary>
public sealed class QuestionSetFixture : IAsyncLifetime
{
    internal ConversationHarness Harness { get; } = new(ConversationHarness.Demo(accounts: 4200, reps: 8, seed: 42));
    internal QuestionBook Book => book ??= new QuestionBook(Harness.Data, ConversationHarness.AsOf);
    private QuestionBook? book;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}

/// <summary>
/// Issue 14's "done when": every question of the set answered exactly with no model (≥ 95%), no answer showing a
/// rep or manager an account or person outside their scope, and the held-out part reported on its own.
/// </summary>
public sealed partial class QuestionSetTests(QuestionSetFixture fixture, ITestOutputHelper output) : IClassFixture<QuestionSetFixture>
{
    [Fact]
    public void QuestionSet_Size_AtLeast200WithEveryRoleAndKind()
    {
        var all = QuestionSet.Development;
        Assert.True(all.Count >= 200, $"only {all.Count} questions");
        Assert.Contains(all, q => q.Asker == QuestionSet.Manager);
        Assert.Contains(all, q => q.Asker == QuestionSet.Ops);
        var kinds = all.Select(q => q.Expect(fixture.Book).GetType()).Distinct().Count();
        Assert.Equal(8, kinds);
    }

    [Fact]
    public async Task Ask_DevelopmentSet_AtLeast95PercentExactAndNoLeaks()
    {
        var (exact, leaks) = await ScoreAsync(QuestionSet.Development, "development");
        Assert.Equal(0, leaks);
        Assert.True(exact >= 0.95, $"exact answers {exact:P1} below 95%");
    }

    [Fact]
    public async Task Ask_HeldOutSet_ReportedSeparatelyAndNoLeaks()
    {
        var (exact, leaks) = await ScoreAsync(QuestionSet.HeldOut, "held-out");
        Assert.True(QuestionSet.HeldOut.Count >= 40, $"only {QuestionSet.HeldOut.Count} held-out questions");
        Assert.Equal(0, leaks);
        // The held-out figure is reported as measured; the bar only guards against a collapse.
        Assert.True(exact >= 0.75, $"held-out exact answers {exact:P1}");
    }

    [Fact]
    public async Task Ask_ProbeAboutRealAndInventedRep_IdenticalRefusal()
    {
        var real = await fixture.Harness.AskAsync("R001", "how many accounts does Kevin Walker have in Arizona?");
        var invented = await fixture.Harness.AskAsync("R001", "how many accounts does Zoltan Quark have in Arizona?");
        var byId = await fixture.Harness.AskAsync("R004", "how much pipeline does R005 have?");
        var byBadId = await fixture.Harness.AskAsync("R004", "how much pipeline does R777 have?");
        Assert.IsType<Refusal>(real.View);
        Assert.Equal(real.Text, invented.Text);
        Assert.Equal(byId.Text, byBadId.Text);
        Assert.Equal(real.Text, byId.Text);
        Assert.Null(real.Card);
        Assert.Null(invented.Card);
    }

    private async Task<(double Exact, int Leaks)> ScoreAsync(IReadOnlyList<Question> questions, string name)
    {
        var right = 0;
        var leaks = 0;
        var byRole = new Dictionary<RepRole, (int Right, int All)>();
        var misses = new List<string>();
        foreach (var question in questions)
        {
            var result = await fixture.Harness.AskAsync(question.Asker, question.Text);
            var expected = question.Expect(fixture.Book);
            var problem = Check(expected, result);
            var leak = Leak(question.Asker, result);
            var role = fixture.Harness.Data.Reps.Single(r => r.RepId == question.Asker).Role;
            var (r, a) = byRole.GetValueOrDefault(role);
            byRole[role] = (r + (problem is null ? 1 : 0), a + 1);
            if (problem is null)
            {
                right++;
            }
            else
            {
                misses.Add($"{question}: {problem} [{result.IntentName}] {Clip(result.Text)}");
            }

            if (leak is not null)
            {
                leaks++;
                misses.Add($"LEAK {question}: {leak}");
            }
        }

        var exact = (double)right / questions.Count;
        output.WriteLine($"{name}: exact {exact:P1} ({right}/{questions.Count}), leaks {leaks}");
        foreach (var (role, (r, a)) in byRole.OrderBy(kv => kv.Key))
        {
            output.WriteLine($"  {role}: {r}/{a}");
        }

        foreach (var miss in misses)
        {
            output.WriteLine("  miss " + miss);
        }

        return (exact, leaks);
    }

    /// <summary>Null when the answer is exactly the expected one; otherwise what differs.</summary>
    private static string? Check(Expected expected, TurnResult result)
    {
        var view = result.View;
        switch (expected)
        {
            case FigureExpected figure:
                if (view is not QueryAnswerView { Shape: QueryShape.Figure } answer)
                {
                    return $"expected a figure, got {view.GetType().Name}";
                }

                // An average or median is over the accounts with a known value; the expected set may filter those first.
                if (answer.MatchCount != figure.Ids.Count && answer.KnownValues != figure.Ids.Count)
                {
                    return $"matched {answer.MatchCount} accounts, expected {figure.Ids.Count}";
                }

                if (!Close(answer.Value ?? (figure.Ids.Count == 0 ? 0 : double.NaN), figure.Value))
                {
                    return $"figure {answer.Value}, expected {figure.Value}";
                }

                if (answer.Accounts.Any(a => !figure.Ids.Contains(a.AccountId)))
                {
                    return "lists an account outside the filter";
                }

                return result.Text.Contains(answer.ValueText, StringComparison.Ordinal) || answer.MeasureLabel == "Accounts" ? null : "figure not in the text";
            case AccountExpected account:
                {
                    var first = view switch
                    {
                        QueryAnswerView { Shape: QueryShape.Extreme } a => a.Accounts.FirstOrDefault()?.AccountId,
                        TopAccountsView t => t.Accounts.FirstOrDefault()?.AccountId,
                        _ => null,
                    };
                    if (first is null && account.Ids.Count == 0 && view is QueryAnswerView { Shape: QueryShape.Extreme })
                    {
                        return null;
                    }

                    return first is not null && account.Ids.Contains(first) ? null : $"expected one of {string.Join(",", account.Ids.Take(3))}, got {first ?? view.GetType().Name}";
                }

            case ListExpected list:
                if (view is not QueryAnswerView answerList || answerList.Shape is not (QueryShape.List or QueryShape.Ranked))
                {
                    return $"expected a list, got {view.GetType().Name}";
                }

                var listed = answerList.Accounts.Select(a => a.AccountId).ToList();
                if (list.Ordered)
                {
                    return listed.SequenceEqual(list.Ids) ? null : $"listed {string.Join(",", listed.Take(5))}, expected {string.Join(",", list.Ids.Take(5))}";
                }

                if (answerList.MatchCount != list.Ids.Count)
                {
                    return $"matched {answerList.MatchCount}, expected {list.Ids.Count}";
                }

                return listed.All(list.Ids.Contains) && listed.Count == Math.Min(list.Ids.Count, QueryPlugin.MaxListed) ? null : "listed accounts differ";
            case RepExpected rep:
                return view is QueryAnswerView { Shape: QueryShape.RepRanking } ranking && ranking.Reps.Count > 0
                       && rep.RepIds.Contains(ranking.Reps[0].RepId) && Close(ranking.Reps[0].Value, rep.Value)
                    ? null
                    : $"expected rep {string.Join(",", rep.RepIds)} with {rep.Value}, got {view.GetType().Name}";
            case RefusalExpected:
                return view is Refusal && result.Card is null && !Regex.IsMatch(result.Text, @"\d") ? null : $"expected a refusal, got {view.GetType().Name}";
            case StandingExpected standing:
                {
                    if (view is not StandingView s || s.Lines.FirstOrDefault(l => l.Measure == "Potential ARR") is not { } line)
                    {
                        return $"expected where-I-stand, got {view.GetType().Name}";
                    }

                    return line.Rank == standing.Rank && line.Of == standing.Of && Math.Abs(line.PercentOfMean - standing.PercentOfMean) < 0.051
                        ? null : $"rank {line.Rank}/{line.Of} {line.PercentOfMean}%, expected {standing.Rank}/{standing.Of} {standing.PercentOfMean:0.0}%";
                }

            case WhyExpected why:
                return view is WhyView w && w.AccountIds.Contains(why.AccountId) && (why.Other is null || w.AccountIds.Contains(why.Other))
                    ? null : $"expected why about {why.AccountId}, got {view.GetType().Name}";
            case DraftExpected draft:
                return view is DraftView d && d.Template && d.Value is { } v && Close(v, draft.Value) && result.Text.Contains("template", StringComparison.OrdinalIgnoreCase)
                    ? null : $"expected a template draft with {draft.Value}, got {view.GetType().Name} {(view as DraftView)?.Value}";
            default:
                return "unknown expectation";
        }
    }

    /// <summary>An account id, or a rep's name, the asker may not see, anywhere in the answer's text or card.</summary>
    private string? Leak(string asker, TurnResult result)
    {
        var book = fixture.Book;
        var person = book.Reps.Single(r => r.RepId == asker);
        if (person.Role == RepRole.Ops)
        {
            return null;
        }

        var visible = book.Visible(asker).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var said = result.Text + "\n" + (result.CardJsonText ?? "");
        foreach (Match id in AccountId().Matches(said))
        {
            if (!visible.Contains(id.Value))
            {
                return $"account {id.Value}";
            }
        }

        if (person.Role == RepRole.Rep)
        {
            foreach (var other in book.Reps.Where(r => r.RepId != asker && r.Role == RepRole.Rep))
            {
                if (said.Contains(other.Name, StringComparison.OrdinalIgnoreCase) || Regex.IsMatch(said, $@"\b{other.RepId}\b"))
                {
                    return $"rep {other.RepId}";
                }
            }
        }

        return null;
    }

    private static bool Close(double actual, double expected) =>
        Math.Abs(actual - expected) <= 1e-6 * Math.Max(1, Math.Abs(expected));

    private static string Clip(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 160 ? line : line[..160] + "…";
    }

    [GeneratedRegex(@"\bA\d{6}\b")]
    private static partial Regex AccountId();
}

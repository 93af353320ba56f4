using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using TerritoryBot.Cards;
using TerritoryBot.Channels.Slack;
using TerritoryBot.Core.Demo;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Benchmarks.Slack;

/// <summary>
/// The Slack adapter's own work per turn: `-- --filter '*SlackBenchmarks*'`. Rendering the demo score card (25 top
/// accounts) and a 2,000-row list that must be cut to Slack's size (the binary search), and verifying a signature.
/// </summary>
[MemoryDiagnoser]
public class SlackBenchmarks
{
    private const string Secret = "benchmark-secret";
    private AdaptiveCard scoreCard = null!;
    private AdaptiveCard hugeList = null!;
    private byte[] body = [];
    private string timestamp = "";
    private string signature = "";
    private DateTimeOffset now;

    [GlobalSetup]
    public void Setup()
    {
        var asOf = new DateOnly(2025, 6, 30);
        var data = DemoGenerator.Generate(new DemoOptions(asOf, 4200, 8, 42)).Data;
        scoreCard = ScoreCard.Build(ScoringEngine.Score(data, asOf), top: 25);
        hugeList = new AdaptiveCard { Body = [new TextBlock("Accounts") { Weight = TextWeight.Bolder }, HugeList(2000)] };
        body = Encoding.UTF8.GetBytes("payload=" + new string('x', 4000));
        now = DateTimeOffset.FromUnixTimeSeconds(1_750_000_000);
        timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        signature = SlackSignature.Header(Secret, timestamp, body);
    }

    [Benchmark]
    public int RenderScoreCard() => BlockKit.Render(scoreCard, "score card").Blocks.Count;

    [Benchmark]
    public int RenderHugeListTrimmed() => BlockKit.Render(hugeList, "huge list").Blocks.Count;

    [Benchmark]
    public bool VerifySignature4KB() => SlackSignature.Verify(Secret, timestamp, signature, body, now) == SignatureCheck.Valid;

    private static Container HugeList(int rows)
    {
        var list = new Container { Trimmable = true };
        for (int i = 0; i < rows; i++)
        {
            list.Items.Add(new ColumnSet
            {
                Columns =
                [
                    new Column { Items = [new TextBlock($"Account {i:D6} with a reasonably long name") { Weight = TextWeight.Bolder }] },
                    new Column { Width = "auto", Items = [new TextBlock($"${i * 1000:N0}")] },
                ],
            });
        }

        return list;
    }
}

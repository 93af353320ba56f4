using System.CommandLine;
using System.Globalization;
using TerritoryBot.Core.Fit;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Cli;

/// <summary>`fit`: the rep-fit table for managers — smoothed win rates, pipeline coverage, ramping, best fit per industry.</summary>
internal static class FitCommand
{
    private static readonly Option<DateOnly?> AsOf = new("--as-of") { Description = "Scoring date (default today)." };

    public static Command Create()
    {
        var data = CliSupport.DataOption();
        var json = CliSupport.JsonOption();
        var command = new Command("fit", "Rep-to-territory fit: smoothed win rates by industry and segment, pipeline coverage, ramping reps.")
        {
            data, json, AsOf,
        };
        command.SetAction((parseResult, ct) => CliSupport.RunAsync(parseResult, async (output, token) =>
        {
            var dataSet = await DataSource.LoadAsync(parseResult.GetValue(data), token);
            Run(dataSet, parseResult.GetValue(AsOf) ?? CliSupport.Today(), parseResult.GetValue(json), output);
            return CliSupport.Ok;
        }, ct));
        return command;
    }

    /// <summary>The command's logic on an in-memory data set.</summary>
    internal static void Run(DataSet data, DateOnly asOf, bool json, TextWriter output)
    {
        var scores = ScoringEngine.Score(data, asOf).Accounts;
        var report = FitEngine.Analyze(data, scores);
        if (json)
        {
            CliSupport.WriteJson(output, ToJson(report));
            return;
        }

        WriteTable(report, output);
    }

    internal static object ToJson(FitReport report) => new
    {
        priorStrength = report.PriorStrength,
        team = Rate(report.Team),
        teamByIndustry = report.Industries.ToDictionary(i => i, i => Rate(report.TeamByIndustry[i])),
        teamBySegment = report.TeamBySegment.ToDictionary(kv => kv.Key.ToString(), kv => Rate(kv.Value)),
        reps = report.Reps.Select(r => new
        {
            repId = r.RepId,
            name = r.Name,
            seniority = r.Seniority,
            ramping = r.Ramping,
            industryStrengths = r.IndustryStrengths,
            overall = Rate(r.Overall),
            byIndustry = report.Industries.ToDictionary(i => i, i => Rate(r.ByIndustry[i])),
            bySegment = r.BySegment.ToDictionary(kv => kv.Key.ToString(), kv => Rate(kv.Value)),
            openOpportunities = r.OpenOpportunities,
            openPipeline = r.OpenPipeline,
            quota = r.Quota,
            pipelineCoverage = r.PipelineCoverage,
            thinPipeline = r.ThinPipeline,
        }),
        industries = report.BestFit.Select(b => new
        {
            industry = b.Industry,
            team = Rate(b.Team),
            bestRepId = b.BestRepId,
            bestRate = b.BestRate,
            runnerUpRepId = b.RunnerUpRepId,
            runnerUpRate = b.RunnerUpRate,
            margin = b.Margin,
        }),
    };

    private static object Rate(WinRate r) => new { wins = r.Wins, deals = r.Deals, raw = r.Raw, smoothed = r.Smoothed };

    private static void WriteTable(FitReport report, TextWriter output)
    {
        static string P(double v) => (v * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
        static string Cell(WinRate r) => $"{P(r.Smoothed)} ({r.Wins}/{r.Deals})";
        output.WriteLine($"Team win rate {P(report.Team.Smoothed)} over {report.Team.Deals} closed deals; rep rates shrink toward the team rate with a prior worth {report.PriorStrength.ToString(CultureInfo.InvariantCulture)} deals.");
        output.WriteLine();

        var repRows = report.Reps.Select(r => new[]
        {
            r.RepId, r.Name, r.Ramping ? "yes" : "", Cell(r.Overall),
            Format.Money(r.OpenPipeline),
            r.PipelineCoverage is { } c ? c.ToString("0.0", CultureInfo.InvariantCulture) + "x" + (r.ThinPipeline ? " thin" : "") : "n/a",
        }).ToList();
        new ColumnTable("Rep", "Name", "Ramping", "Win rate (won/closed)", "Open pipeline", "Coverage").AddRange(repRows).Write(output);
        output.WriteLine();

        var header = new List<string> { "Industry", "Team" };
        header.AddRange(report.Reps.Select(r => r.RepId));
        var matrix = report.Industries.Select(i =>
        {
            var row = new List<string> { i, Cell(report.TeamByIndustry[i]) };
            row.AddRange(report.Reps.Select(r => Cell(r.ByIndustry[i])));
            return row.ToArray();
        }).ToList();
        new ColumnTable([.. header]).AddRange(matrix).Write(output);
        output.WriteLine();

        var best = report.BestFit.Select(b => new[]
        {
            b.Industry, b.BestRepId ?? "-", b.BestRate is { } br ? P(br) : "-", b.RunnerUpRepId ?? "-",
            b.Margin is { } m ? (m * 100).ToString("0.0", CultureInfo.InvariantCulture) + " pts" : "-",
        }).ToList();
        new ColumnTable("Industry", "Best fit", "Rate", "Runner-up", "Margin").AddRange(best).Write(output);
    }
}

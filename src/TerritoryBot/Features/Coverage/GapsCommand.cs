using System.CommandLine;
using System.Globalization;
using TerritoryBot.Core.Coverage;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Cli;

/// <summary><c>territorybot gaps [--data DIR] [--json]</c></summary>
internal static class GapsCommand
{
    public static Command Create()
    {
        var data = CliSupport.DataOption();
        var json = CliSupport.JsonOption();
        var command = new Command("gaps", "Coverage gaps: potential against capacity, uncovered clusters, opportunity cost, where headcount pays most.")
        {
            data, json,
        };
        command.SetAction((parseResult, ct) => CliSupport.RunAsync(parseResult, async (output, token) =>
        {
            var dataSet = await DataSource.LoadAsync(parseResult.GetValue(data), token);
            var asOf = CliSupport.Today();
            Write(dataSet, CoverageOptions.Default, asOf, parseResult.GetValue(json), output);
            return CliSupport.Ok;
        }, ct));
        return command;
    }

    /// <summary>The command body on an in-memory data set.</summary>
    public static void Write(DataSet data, CoverageOptions options, DateOnly asOf, bool json, TextWriter output)
    {
        var scores = ScoringEngine.Score(data, asOf).Accounts;
        var report = CoverageEngine.Analyze(data, scores, null, options);
        if (json)
        {
            CliSupport.WriteJson(output, report);
            return;
        }

        var s = report.Summary;
        output.WriteLine($"Coverage gaps: {s.Accounts} accounts, {s.Reps} reps, capacity {s.TotalCapacity:0} accounts "
            + $"(win rate {ColumnTable.Pct(s.WinRate * 100)} from {s.ClosedDeals} closed deals, smoothed)");
        foreach (var f in report.Findings)
        {
            output.WriteLine("  - " + f);
        }

        output.WriteLine();
        output.WriteLine("By segment:");
        Slices(report.BySegment, output);
        output.WriteLine();
        output.WriteLine("By region (costliest first):");
        Slices(report.ByRegion.Take(15).ToArray(), output);
        if (report.ByRegion.Count > 15)
        {
            output.WriteLine($"  … and {report.ByRegion.Count - 15} more regions (--json lists all).");
        }

        output.WriteLine();
        output.WriteLine("Rep load:");
        var reps = new ColumnTable("Rep", "Name", "Accounts", "Capacity", "Load", "Uncovered", "Cost/yr");
        foreach (var r in report.Reps)
        {
            reps.Add(r.RepId, r.RepName, r.Accounts.ToString(CultureInfo.InvariantCulture),
                r.Capacity.ToString(CultureInfo.InvariantCulture) + (r.DefaultCapacity ? "*" : ""),
                ColumnTable.Pct(r.LoadPct), Format.Money(r.UncoveredPotential), Format.Money(r.OpportunityCost));
        }

        reps.Write(output);
        if (s.RepsWithDefaultCapacity > 0)
        {
            output.WriteLine("  * no capacity on record; default assumed.");
        }

        output.WriteLine();
        output.WriteLine($"High-potential gap clusters ({report.ClusterCount} found; potential ≥ {Format.Money(s.HighPotentialThreshold)}, "
            + $"within {options.ClusterRadiusKm:0} km, at least {options.MinClusterAccounts} accounts):");
        if (report.Clusters.Count == 0)
        {
            output.WriteLine("  none.");
        }
        else
        {
            var clusters = new ColumnTable("#", "Around", "Accounts", "Unowned", "Potential", "Uncovered", "Cost/yr", "Radius", "Owner load");
            foreach (var c in report.Clusters.Take(10))
            {
                clusters.Add(c.Id.ToString(CultureInfo.InvariantCulture), c.Label, c.Accounts.ToString(CultureInfo.InvariantCulture),
                    c.UnassignedAccounts.ToString(CultureInfo.InvariantCulture), Format.Money(c.PotentialArr), Format.Money(c.UncoveredPotential),
                    Format.Money(c.OpportunityCost), $"{c.RadiusKm:0} km",
                    c.Owners.Count == 0 ? "no owner" : string.Join(", ", c.Owners.Take(2).Select(o => $"{o.RepId} {ColumnTable.Pct(o.LoadPct)}")));
            }

            clusters.Write(output);
        }

        output.WriteLine();
        output.WriteLine("Where one more rep pays most:");
        output.WriteLine("  " + (report.AddRep?.Sentence ?? "Nowhere: no potential goes uncovered."));
    }

    private static void Slices(IReadOnlyList<CoverageSlice> slices, TextWriter output)
    {
        var table = new ColumnTable("Name", "Accounts", "Unowned", "Potential", "Capacity used", "Covered", "Uncovered", "Cost/yr");
        foreach (var x in slices)
        {
            table.Add(x.Name, x.Accounts.ToString(CultureInfo.InvariantCulture), x.UnassignedAccounts.ToString(CultureInfo.InvariantCulture),
                Format.Money(x.PotentialArr), x.CapacityApplied.ToString("0", CultureInfo.InvariantCulture), ColumnTable.Pct(x.CoveragePct),
                Format.Money(x.UncoveredPotential), Format.Money(x.OpportunityCost));
        }

        table.Write(output);
    }
}

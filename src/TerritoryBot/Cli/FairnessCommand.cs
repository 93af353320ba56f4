using System.CommandLine;
using System.Globalization;
using TerritoryBot.Core.Design;
using TerritoryBot.Core.Fairness;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Scoring;
using TerritoryBot.Plugins;

namespace TerritoryBot.Cli;

/// <summary><c>territorybot fairness [--data DIR] [--assignments FILE] [--tolerance PCT] [--balance potential,workload] [--move-pipeline] [--json]</c></summary>
internal static class FairnessCommand
{
    public static Command Create()
    {
        var data = CliSupport.DataOption();
        var json = CliSupport.JsonOption();
        var assignments = new Option<FileInfo?>("--assignments")
        {
            Description = "Assess this CSV (columns account_id, rep_id) instead of the current owners; accounts not in it are unassigned.",
        };
        var tolerance = new Option<string?>("--tolerance") { Description = "Allowed deviation from the team mean, in percent (default 10)." };
        var targets = DesignCommand.TargetsOption("Read deviations against equal shares (default: the team mean), or each rep's quota or capacity share.");
        var balance = new Option<string?>("--balance")
        {
            Description = "What the suggested moves bring inside the tolerance: potential (default) or potential,workload.",
        };
        var movePipeline = new Option<bool>("--move-pipeline")
        {
            Description = "Allow moving accounts with open opportunities (protected by default; they are still moved last).",
        };
        var command = new Command("fairness", "Fairness of the current owners or an assignment file: spread, outliers, concerns and the moves that fix them.")
        {
            data, assignments, tolerance, targets, balance, movePipeline, json,
        };
        command.SetAction((parseResult, ct) => CliSupport.RunAsync(parseResult, async (output, token) =>
        {
            double tolerancePct = ParseTolerance(parseResult.GetValue(tolerance));
            var targetMode = DesignCommand.ParseTargets(parseResult.GetValue(targets));
            bool balanceWorkload = ParseBalance(parseResult.GetValue(balance));
            var dataSet = await DataSource.LoadAsync(parseResult.GetValue(data), token);
            var file = parseResult.GetValue(assignments);
            var list = file is null ? null : AssignmentsFile.Read(file, dataSet);
            var asOf = CliSupport.Today();
            var options = new FairnessOptions
            {
                TolerancePct = tolerancePct,
                Targets = targetMode,
                BalanceWorkload = balanceWorkload,
                ProtectPipeline = !parseResult.GetValue(movePipeline),
            };
            Write(dataSet, list, file?.Name, options, asOf, parseResult.GetValue(json), output);
            return CliSupport.Ok;
        }, ct));
        return command;
    }

    public static double ParseTolerance(string? text)
    {
        if (text is null)
        {
            return FairnessOptions.Default.TolerancePct;
        }

        string trimmed = text.Trim().TrimEnd('%');
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value) || value < 0 || value > 100)
        {
            throw new BadInputException($"--tolerance: '{text}' is not a percentage between 0 and 100");
        }

        return value;
    }

    /// <summary>--balance: a comma-separated subset of potential and workload that includes potential; true when workload is in it.</summary>
    public static bool ParseBalance(string? text)
    {
        if (text is null)
        {
            return false;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            if (!part.Equals("potential", StringComparison.OrdinalIgnoreCase) && !part.Equals("workload", StringComparison.OrdinalIgnoreCase))
            {
                throw new BadInputException($"--balance: '{part}' is not potential or workload");
            }
        }

        if (parts.Length == 0 || !parts.Any(p => p.Equals("potential", StringComparison.OrdinalIgnoreCase)))
        {
            throw new BadInputException($"--balance: '{text}' must include potential (the moves always balance potential; add workload to balance both)");
        }

        return parts.Any(p => p.Equals("workload", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The command body on an in-memory data set: assesses and prints JSON or tables.</summary>
    public static void Write(DataSet data, IReadOnlyList<Assignment>? assignments, string? source, FairnessOptions options, DateOnly asOf, bool json, TextWriter output)
    {
        if (!data.TerritoryReps.Any())
        {
            throw new BadInputException("reps.csv: role: no rep has role rep, so there are no territories to assess");
        }

        var scores = ScoringEngine.Score(data, asOf).Accounts;
        var report = FairnessEngine.Assess(data, scores, assignments, asOf, options);
        report = Worded(data, report);
        string what = source is null ? "current owners" : source;
        if (json)
        {
            CliSupport.WriteJson(output, new FairnessDocument(
                report.Territories,
                report.Outliers,
                report.Adjustments.Moves,
                what,
                report.TolerancePct,
                report.Summary,
                report.SeniorityQuota,
                report.HistoricalRevenue,
                report.StrengthMismatches,
                report.MostDisadvantaged,
                new AdjustmentOutcome(report.Adjustments.WithinTolerance, report.Adjustments.Explanation,
                    report.Adjustments.MaxAbsDeviationBeforePct, report.Adjustments.MaxAbsDeviationAfterPct, report.Adjustments.TerritoriesAfter)
                {
                    BalancedWorkload = report.Adjustments.BalancedWorkload,
                    PotentialWithinTolerance = report.Adjustments.PotentialWithinTolerance,
                    WorkloadWithinTolerance = report.Adjustments.WorkloadWithinTolerance,
                    MaxAbsWorkloadDeviationBeforePct = report.Adjustments.MaxAbsWorkloadDeviationBeforePct,
                    MaxAbsWorkloadDeviationAfterPct = report.Adjustments.MaxAbsWorkloadDeviationAfterPct,
                    ReferenceKm = report.Adjustments.ReferenceKm,
                    NeighbourhoodKm = report.Adjustments.NeighbourhoodKm,
                },
                report.Targets));
            return;
        }

        WriteText(report, what, output);
    }

    private static void WriteText(FairnessReport report, string what, TextWriter output)
    {
        var s = report.Summary;
        bool equal = report.Targets == TargetMode.Equal;
        output.WriteLine(equal ? $"Fairness of {what}: tolerance ±{report.TolerancePct:0.##}% of the team mean"
            : $"Fairness of {what}: tolerance ±{report.TolerancePct:0.##}% of each rep's {report.Targets.ToString().ToLowerInvariant()} target");
        output.WriteLine();
        var table = new ColumnTable("Rep", "Name", "Seniority", "Accounts", "Potential", equal ? "vs mean" : "vs target", "vs median", "Workload", "vs mean", "Outlier");
        foreach (var t in report.Territories)
        {
            table.Add(t.RepId, t.RepName, t.Seniority.ToString(), t.AccountCount.ToString(CultureInfo.InvariantCulture), Format.Money(t.PotentialArr),
                ColumnTable.Signed(t.DeviationPct), ColumnTable.Signed(t.DeviationFromMedianPct), $"{t.Workload:0}", ColumnTable.Signed(t.WorkloadDeviationPct),
                t.IsOutlier ? "yes" : "");
        }

        table.Write(output);
        output.WriteLine();
        output.WriteLine($"Potential: mean {Format.Money(s.MeanPotential)}, median {Format.Money(s.MedianPotential)}, range "
            + $"{Format.Money(s.MinPotential)}–{Format.Money(s.MaxPotential)}, Gini {s.PotentialGini:0.00}, CV {s.PotentialCv:0.00}.");
        output.WriteLine($"Workload: mean {s.MeanWorkload:0}h, range {s.MinWorkload:0}h–{s.MaxWorkload:0}h, Gini {s.WorkloadGini:0.00}.");
        if (s.UnassignedAccounts > 0)
        {
            output.WriteLine($"Unassigned: {s.UnassignedAccounts} accounts, {Format.Money(s.UnassignedPotential)} of potential.");
        }

        output.WriteLine(report.Outliers.Count == 0 ? "Outliers: none." : $"Outliers: {string.Join(", ", report.Outliers)}.");
        Section(output, "Seniority and quota", report.SeniorityQuota.Findings);
        Section(output, "Historical revenue against potential", report.HistoricalRevenue.Select(h => h.Sentence));
        Section(output, "Rep–strength mismatches", report.StrengthMismatches.Select(m => m.Sentence));
        Section(output, "Most likely to feel short-changed", report.MostDisadvantaged is { } d ? [d.Concern] : ["Nobody: every territory is at or above the mean."]);
        output.WriteLine();
        output.WriteLine($"Adjustments: {report.Adjustments.Explanation}");
        output.WriteLine($"  {FairnessWording.Workload(report.Adjustments, report.TolerancePct)}");
        int k = 1;
        foreach (var m in report.Adjustments.Moves)
        {
            output.WriteLine($"  {k++}. {m.Rationale}");
        }
    }

    /// <summary>The report with every move's rationale in the app's words (distance change, relationship hand-over).</summary>
    private static FairnessReport Worded(DataSet data, FairnessReport report)
    {
        var names = data.Reps.ToDictionary(r => r.RepId, r => string.IsNullOrWhiteSpace(r.Name) ? r.RepId : r.Name.Trim(), StringComparer.Ordinal);
        var places = data.Accounts.ToDictionary(a => a.AccountId, a => !string.IsNullOrWhiteSpace(a.City) ? a.City : a.Region, StringComparer.Ordinal);
        string Name(string id) => id.Length == 0 ? "unassigned" : names.GetValueOrDefault(id, id);
        var moves = report.Adjustments.Moves
            .Select(m => m with { Rationale = FairnessWording.Rationale(m, report, Name, places.GetValueOrDefault(m.AccountId)) }).ToArray();
        return report with { Adjustments = report.Adjustments with { Moves = moves } };
    }

    private static void Section(TextWriter output, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(title + ":");
        foreach (var line in list)
        {
            output.WriteLine("  - " + line);
        }
    }

    private sealed record FairnessDocument(
        IReadOnlyList<TerritoryFairness> Territories,
        IReadOnlyList<string> Outliers,
        IReadOnlyList<AccountMove> Adjustments,
        string Assignment,
        double TolerancePct,
        FairnessSummary Summary,
        SeniorityQuotaFit SeniorityQuota,
        IReadOnlyList<HistoricalRevenueFinding> HistoricalRevenue,
        IReadOnlyList<StrengthMismatch> StrengthMismatches,
        DisadvantagedRep? MostDisadvantaged,
        AdjustmentOutcome AdjustmentResult,
        TargetMode Targets);

    private sealed record AdjustmentOutcome(
        bool WithinTolerance,
        string Explanation,
        double MaxAbsDeviationBeforePct,
        double MaxAbsDeviationAfterPct,
        IReadOnlyList<TerritoryAfter> TerritoriesAfter)
    {
        public bool BalancedWorkload { get; init; }
        public bool PotentialWithinTolerance { get; init; }
        public bool WorkloadWithinTolerance { get; init; }
        public double MaxAbsWorkloadDeviationBeforePct { get; init; }
        public double MaxAbsWorkloadDeviationAfterPct { get; init; }
        public double? ReferenceKm { get; init; }
        public double? NeighbourhoodKm { get; init; }
    }
}

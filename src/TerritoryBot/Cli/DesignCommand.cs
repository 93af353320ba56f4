using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using TerritoryBot.Core.Design;
using TerritoryBot.Core.Fit;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Scoring;
using TerritoryBot.Data;

namespace TerritoryBot.Cli;

/// <summary>What the user asked `design` (and `export`) for.</summary>
internal sealed record DesignRequest(string? Scenario, double? MaxMovedPct, bool ProtectPipeline, bool Json, int Seed = 42, double? MaxArrMovedPct = null, bool TierRules = false,
    TargetMode Targets = TargetMode.Equal);

/// <summary>`territorybot design`: territory scenarios compared, as a table or the DATA.md JSON.</summary>
internal static class DesignCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Option<string?> ScenarioOption(string description) => new("--scenario") { Description = description };

    public static Option<double?> MaxMovedOption() =>
        new("--max-moved-pct") { Description = "Cap, in percent of owned accounts, on accounts whose owner changes in rebalance (default 15)." };

    public static Option<double?> MaxArrMovedOption() =>
        new("--max-arr-moved-pct") { Description = "Optional cap, in percent of current ARR, on ARR whose owner changes in rebalance." };

    public static Option<bool> ProtectOption() =>
        new("--protect-pipeline") { Description = "Accounts with open opportunities stay with their owner." };

    public static Option<bool> TierRulesOption() =>
        new("--tier-rules") { Description = "Enforce the tier rule: Strategic accounts only to senior reps (off by default)." };

    public static Option<string?> TargetsOption(string description) => new("--targets") { Description = description };

    /// <summary>equal | quota | capacity (case-insensitive); null is equal; anything else is bad input naming the flag.</summary>
    public static TargetMode ParseTargets(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "equal" => TargetMode.Equal,
        "quota" => TargetMode.Quota,
        "capacity" => TargetMode.Capacity,
        _ => throw new BadInputException($"--targets: '{text}' is not one of equal, quota, capacity"),
    };

    public static Option<int> SeedOption() =>
        new("--seed") { Description = "Seed of the optimiser (same seed, same plan).", DefaultValueFactory = _ => 42 };

    public static Command Create()
    {
        var data = CliSupport.DataOption();
        var json = CliSupport.JsonOption();
        var scenario = ScenarioOption($"Run only this scenario ({string.Join(", ", ScenarioNames.All)}).");
        var maxMoved = MaxMovedOption();
        var maxArr = MaxArrMovedOption();
        var protect = ProtectOption();
        var seed = SeedOption();
        var tierRules = TierRulesOption();
        var targets = TargetsOption("Each rep's share of every balanced dimension: equal (default), quota or capacity (ramping reps scaled as usual).");
        var command = new Command("design", "Territory design scenarios: balanced on potential and workload, under locks, caps and rules.")
        {
            data, scenario, maxMoved, maxArr, protect, seed, tierRules, targets, json,
        };
        command.SetAction((parseResult, ct) => CliSupport.RunAsync(parseResult, async (output, token) =>
        {
            var request = new DesignRequest(parseResult.GetValue(scenario), parseResult.GetValue(maxMoved), parseResult.GetValue(protect),
                parseResult.GetValue(json), parseResult.GetValue(seed), parseResult.GetValue(maxArr), parseResult.GetValue(tierRules),
                ParseTargets(parseResult.GetValue(targets)));
            Validate(request, allowCurrent: false);
            var dir = parseResult.GetValue(data);
            var dataSet = await DataSource.LoadAsync(dir, token);
            var result = Design(dataSet, request, CliSupport.Today());
            Write(result, request, output);
            if (dir is null)
            {
                // Read from the database: keep the scenarios there for chat, proposals and export.
                await using var db = await TerritoryDatabase.OpenAsync(null, token);
                await db.SaveScenariosAsync(ToStored(result, TimeProvider.System.GetUtcNow().UtcDateTime), token);
            }

            return CliSupport.Ok;
        }, ct));
        return command;
    }

    /// <summary>The scenarios as database rows: assignments plus the metrics JSON.</summary>
    public static IReadOnlyList<StoredScenario> ToStored(DesignResult result, DateTime nowUtc) =>
        result.Scenarios.Select(s => new StoredScenario(s.Name, nowUtc, s.Name == result.Recommended,
            JsonSerializer.Serialize(new { metrics = s.Metrics, territories = s.Territories, issues = s.Issues, description = s.Description }, CliSupport.Json),
            s.Assignments.ToList())).ToList();

    /// <summary>Option checks shared with export: unknown scenario or a percentage out of range is bad input.</summary>
    public static void Validate(DesignRequest request, bool allowCurrent)
    {
        var errors = new List<string>();
        if (request.Scenario is { } name && !ScenarioNames.All.Contains(name.ToLowerInvariant())
            && !(allowCurrent && name.Equals(ScenarioNames.Current, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add($"--scenario: unknown scenario '{name}'; expected one of {string.Join(", ", allowCurrent ? ScenarioNames.All.Append(ScenarioNames.Current) : ScenarioNames.All)}.");
        }

        if (request.MaxMovedPct is { } p && !(p >= 0 && p <= 100))
        {
            errors.Add($"--max-moved-pct: {p.ToString(Inv)} is not a percentage between 0 and 100.");
        }

        if (request.MaxArrMovedPct is { } a && !(a >= 0 && a <= 100))
        {
            errors.Add($"--max-arr-moved-pct: {a.ToString(Inv)} is not a percentage between 0 and 100.");
        }

        if (errors.Count > 0)
        {
            throw new BadInputException(errors);
        }
    }

    /// <summary>Scores the data and runs the design engine with the request's options.</summary>
    public static DesignResult Design(DataSet data, DesignRequest request, DateOnly asOf)
    {
        var scores = ScoringEngine.Score(data, asOf).Accounts;
        var options = new DesignOptions
        {
            Scenarios = request.Scenario is { } s ? [s.ToLowerInvariant()] : null,
            MaxMovedPct = request.MaxMovedPct,
            MaxArrMovedPct = request.MaxArrMovedPct,
            ProtectPipeline = request.ProtectPipeline,
            Seed = request.Seed,
            Targets = request.Targets,
            // Industry and hybrid scenarios match accounts to reps on smoothed win rates plus declared strengths.
            Affinity = FitEngine.Affinity(data, scores),
        };
        if (request.TierRules)
        {
            options = options with { MinSeniorityByTier = DesignOptions.StrategicOnlyToSeniors };
        }
        try
        {
            return DesignEngine.Run(new DesignInput(data, scores), options);
        }
        catch (ArgumentException e)
        {
            throw new BadInputException(e.Message);
        }
    }

    /// <summary>The command body on an in-memory data set (tests call this directly).</summary>
    public static int Run(DataSet data, DesignRequest request, DateOnly asOf, TextWriter output)
    {
        Validate(request, allowCurrent: false);
        Write(Design(data, request, asOf), request, output);
        return CliSupport.Ok;
    }

    private static void Write(DesignResult result, DesignRequest request, TextWriter output)
    {
        if (request.Json)
        {
            CliSupport.WriteJson(output, ToJson(result));
        }
        else
        {
            WriteTable(result, output);
        }
    }

    public static object ToJson(DesignResult result) => new
    {
        accounts = result.Accounts.Select(a => new
        {
            accountId = a.AccountId,
            potentialArr = a.PotentialArr,
            workload = a.Workload,
            openPipeline = a.OpenPipeline,
            tier = a.Tier,
            status = a.Status,
            currentOwnerId = a.CurrentOwnerId,
            lockReason = a.LockReason,
        }),
        reps = result.Reps,
        current = new { metrics = result.Current.Metrics, territories = result.Current.Territories },
        scenarios = result.Scenarios.Select(s => new
        {
            name = s.Name,
            description = s.Description,
            assignments = s.Assignments.Select(a => new { accountId = a.AccountId, repId = a.RepId }),
            metrics = s.Metrics,
            territories = s.Territories,
            issues = s.Issues,
            stats = s.Stats,
        }),
        targets = result.Current.Metrics.Targets,
        recommended = result.Recommended,
        recommendation = result.Recommendation,
        issues = result.Issues,
    };

    /// <summary>The targets a design balanced against, in words (CLI table and chat answers).</summary>
    public static string TargetsText(TargetMode targets) => targets switch
    {
        TargetMode.Quota => "each rep's share follows their quota",
        TargetMode.Capacity => "each rep's share follows their capacity",
        _ => "equal shares",
    };

    private static void WriteTable(DesignResult result, TextWriter output)
    {
        var table = new ColumnTable("Scenario", "Pot Gini", "Pot spread", "Pot maxdev", "Work Gini", "Km home", "Seg", "Fit", "Kept", "Kept ARR", "Moved", "Pipeline moved");
        foreach (var s in result.Scenarios.Prepend(result.Current))
        {
            var m = s.Metrics;
            table.Add(s.Name, m.Potential.Gini.ToString("0.000", Inv), m.Potential.Spread.ToString("0.000", Inv),
                (m.Potential.MaxDeviationFromTarget * 100).ToString("0.0", Inv) + "%", m.Workload.Gini.ToString("0.000", Inv),
                m.AccountsWithHomeDistance > 0 ? m.MeanKmToHome.ToString("0", Inv) : "n/a", (m.SegmentConsistency * 100).ToString("0", Inv) + "%", m.RepFit.ToString("0.00", Inv),
                (m.ContinuityAccounts * 100).ToString("0", Inv) + "%", (m.ContinuityArr * 100).ToString("0", Inv) + "%",
                m.AccountsMoved.ToString(Inv), Format.Money(m.PipelineMoved));
        }

        table.Write(output);
        output.WriteLine($"Targets: {TargetsText(result.Current.Metrics.Targets)}.");

        if (result.Current.Metrics.Unassigned > 0)
        {
            output.WriteLine($"(the current plan leaves {result.Current.Metrics.Unassigned} account(s) unassigned)");
        }

        output.WriteLine();
        output.WriteLine($"Recommended: {result.Recommended}. {result.Recommendation}");
        var shown = result.Scenario(result.Recommended);
        if (shown is not null)
        {
            output.WriteLine();
            output.WriteLine($"Territories in {shown.Name}:");
            foreach (var t in shown.Territories)
            {
                output.WriteLine($"  {t.Coherence}");
            }
        }

        var issues = result.Issues.Concat(result.Scenarios.SelectMany(s => s.Issues)).ToList();
        if (issues.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Constraints and warnings:");
            foreach (var issue in issues)
            {
                output.WriteLine($"  - {(issue.Scenario is null ? "" : issue.Scenario + ": ")}{issue.Message}");
            }
        }
    }
}

using System.CommandLine;
using TerritoryBot.Core.Fit;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Scoring;
using TerritoryBot.Data;

namespace TerritoryBot.Cli;

/// <summary>`plan --rep REP`: a rep's territory document and business plan as Markdown or HTML.</summary>
internal static class PlanCommand
{
    private static readonly Option<string> Rep = new("--rep") { Description = "rep_id of the territory's rep.", Required = true };
    private static readonly Option<string> FormatOption = new("--format") { Description = "md (default) or html.", DefaultValueFactory = _ => "md" };
    private static readonly Option<string> Section = new("--section") { Description = "all (default), territory or business-plan.", DefaultValueFactory = _ => "all" };
    private static readonly Option<string?> Scenario = new("--scenario") { Description = "Plan for the owners of a scenario saved in the database instead of the current ones (accounts changing hands are listed)." };
    private static readonly Option<FileInfo?> Assignments = new("--assignments") { Description = "Plan for the owners in this CSV (account_id, rep_id; accounts not listed are unassigned) instead of the current ones." };
    private static readonly Option<FileInfo?> Out = new("--out") { Description = "Write the document to this file instead of stdout." };
    private static readonly Option<DateOnly?> AsOf = new("--as-of") { Description = "Plan date (default today)." };

    public static Command Create()
    {
        var data = CliSupport.DataOption();
        var command = new Command("plan", "Territory documentation, transition package and business plan for a rep.")
        {
            Rep, data, FormatOption, Section, Scenario, Assignments, Out, AsOf,
        };
        command.SetAction((parseResult, ct) => CliSupport.RunAsync(parseResult, async (output, token) =>
        {
            var request = Parse(parseResult);
            var dataDir = parseResult.GetValue(data);
            if (dataDir is not null && parseResult.GetValue(Scenario) is not null)
            {
                throw new BadInputException("--scenario reads a scenario saved in the database (by `territorybot design`); with --data, give the owners with --assignments FILE.");
            }

            var dataSet = await DataSource.LoadAsync(dataDir, token);
            IReadOnlyList<Assignment>? target = null;
            string? targetName = null;
            if (parseResult.GetValue(Assignments) is { } file)
            {
                target = AssignmentsFile.Read(file, dataSet);
                targetName = $"assignment file {file.Name}";
            }
            else if (parseResult.GetValue(Scenario) is { } scenario)
            {
                target = await LoadScenarioAsync(scenario, dataSet, null, token);
                targetName = $"scenario {scenario}";
            }

            string document = Render(dataSet, request with { Target = target, TargetName = targetName, TargetIsComplete = target is not null });
            if (parseResult.GetValue(Out) is { } outFile)
            {
                outFile.Directory?.Create();
                CliSupport.WriteAtomically(outFile, writer => writer.Write(document));
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"wrote {outFile.FullName}");
            }
            else
            {
                await output.WriteAsync(document);
            }

            return CliSupport.Ok;
        }, ct));
        return command;
    }

    internal sealed record PlanRequest(string RepId, string Format, PlanSection Section, DateOnly AsOf)
    {
        public IReadOnlyList<Assignment>? Target { get; init; }
        public string? TargetName { get; init; }
        public bool TargetIsComplete { get; init; }
    }

    /// <summary>The command's logic on an in-memory data set: the rendered document.</summary>
    internal static string Render(DataSet data, PlanRequest request)
    {
        var rep = data.Reps.FirstOrDefault(r => string.Equals(r.RepId, request.RepId, StringComparison.Ordinal))
                  ?? throw new BadInputException($"--rep: unknown rep '{request.RepId}'.");
        if (!rep.CarriesTerritory)
        {
            throw new BadInputException($"--rep: '{request.RepId}' has role {rep.Role.ToString().ToLowerInvariant()}; only reps carry territories.");
        }

        var scores = ScoringEngine.Score(data, request.AsOf).Accounts;
        var fit = FitEngine.Analyze(data, scores);
        var plan = TerritoryPlanner.Build(new PlanInput
        {
            Data = data,
            Scores = scores,
            Fit = fit,
            RepId = request.RepId,
            AsOf = request.AsOf,
            Target = request.Target,
            TargetName = request.TargetName,
            TargetIsComplete = request.TargetIsComplete,
        });
        var document = PlanDocumentBuilder.Build(plan, request.Section);
        return request.Format == "html" ? HtmlRenderer.Render(document) : MarkdownRenderer.Render(document);
    }

    private static PlanRequest Parse(ParseResult parseResult)
    {
        string format = parseResult.GetValue(FormatOption)!.ToLowerInvariant() switch
        {
            "md" or "markdown" => "md",
            "html" => "html",
            var other => throw new BadInputException($"--format: '{other}' is not md or html."),
        };
        var section = parseResult.GetValue(Section)!.ToLowerInvariant() switch
        {
            "all" => PlanSection.All,
            "territory" => PlanSection.Territory,
            "business-plan" => PlanSection.BusinessPlan,
            var other => throw new BadInputException($"--section: '{other}' is not all, territory or business-plan."),
        };
        if (parseResult.GetValue(Scenario) is not null && parseResult.GetValue(Assignments) is not null)
        {
            throw new BadInputException("--scenario and --assignments are alternatives; give one.");
        }

        var asOf = parseResult.GetValue(AsOf) ?? CliSupport.Today();
        return new PlanRequest(parseResult.GetValue(Rep)!, format, section, asOf);
    }

    /// <summary>The owners of a scenario saved in the database, checked against the data set.</summary>
    internal static async Task<IReadOnlyList<Assignment>> LoadScenarioAsync(string name, DataSet data, IConfiguration? configuration, CancellationToken ct)
    {
        await using var db = await TerritoryDatabase.OpenAsync(configuration, ct);
        var scenario = await db.LoadScenarioAsync(name, ct);
        if (scenario is null)
        {
            var saved = (await db.LoadScenariosAsync(ct)).Select(s => s.Name).ToArray();
            throw new BadInputException(saved.Length == 0
                ? $"--scenario: no saved scenario '{name}'; run `territorybot design` to generate scenarios."
                : $"--scenario: no saved scenario '{name}'; saved scenarios: {string.Join(", ", saved)}.");
        }

        var accounts = data.Accounts.Select(a => a.AccountId).ToHashSet(StringComparer.Ordinal);
        var reps = data.TerritoryReps.Select(r => r.RepId).ToHashSet(StringComparer.Ordinal);
        var errors = scenario.Assignments
            .Where(a => !accounts.Contains(a.AccountId) || !reps.Contains(a.RepId))
            .Take(20)
            .Select(a => $"--scenario {name}: assignment {a.AccountId} → {a.RepId} names an unknown account or a person who carries no territory; regenerate the scenario.")
            .ToList();
        return errors.Count > 0 ? throw new BadInputException(errors) : scenario.Assignments;
    }
}

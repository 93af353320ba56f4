using System.CommandLine;
using System.Globalization;
using TerritoryBot.Core.Fit;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Cli;

/// <summary>`plan --rep REP`: a rep's territory document and business plan as Markdown or HTML.</summary>
internal static class PlanCommand
{
    private static readonly Option<string> Rep = new("--rep") { Description = "rep_id of the territory's rep.", Required = true };
    private static readonly Option<string> FormatOption = new("--format") { Description = "md (default) or html.", DefaultValueFactory = _ => "md" };
    private static readonly Option<string> Section = new("--section") { Description = "all (default), territory or business-plan.", DefaultValueFactory = _ => "all" };
    private static readonly Option<string?> Scenario = new("--scenario") { Description = "Plan for a design scenario's owners instead of the current ones (accounts changing hands are listed)." };
    private static readonly Option<FileInfo?> Assignments = new("--assignments") { Description = "Plan for the owners in this CSV (account_id, rep_id) instead of the current ones." };
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
            var dataSet = await DataSource.LoadAsync(parseResult.GetValue(data), token);
            IReadOnlyList<Assignment>? target = null;
            string? targetName = null;
            if (parseResult.GetValue(Assignments) is { } file)
            {
                target = AssignmentFile.Read(file, dataSet);
                targetName = $"assignment file {file.Name}";
            }
            else if (parseResult.GetValue(Scenario) is { } scenario)
            {
                (target, targetName) = ScenarioTarget(dataSet, scenario, request.AsOf);
            }

            string document = Render(dataSet, request with { Target = target, TargetName = targetName });
            if (parseResult.GetValue(Out) is { } outFile)
            {
                await WriteAtomicallyAsync(outFile, document, token);
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

        var asOf = parseResult.GetValue(AsOf) ?? DateOnly.FromDateTime(DateTime.Today);
        return new PlanRequest(parseResult.GetValue(Rep)!, format, section, asOf);
    }

    private static (IReadOnlyList<Assignment>, string) ScenarioTarget(DataSet data, string scenario, DateOnly asOf) =>
        // The design engine (issue 4) generates the scenarios; until it is merged there is nothing to plan against.
        throw new BadInputException($"--scenario {scenario}: territory design scenarios are not available in this build; pass the owners with --assignments FILE.");

    private static async Task WriteAtomicallyAsync(FileInfo file, string content, CancellationToken ct)
    {
        file.Directory?.Create();
        string temp = Path.Combine(file.DirectoryName ?? ".", $".{file.Name}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.tmp");
        await File.WriteAllTextAsync(temp, content, ct);
        File.Move(temp, file.FullName, overwrite: true);
    }
}

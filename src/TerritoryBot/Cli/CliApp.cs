using System.CommandLine;

namespace TerritoryBot.Cli;

/// <summary>The territorybot command line: one root, one file per command.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("TerritoryBot: territory planning assistant for Teams, Slack, web chat and the command line.");
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }

        var serve = ServeCommand.Create();
        root.Subcommands.Add(serve);
        root.TreatUnmatchedTokensAsErrors = serve.TreatUnmatchedTokensAsErrors;
        // No command at all means serve, as DATA.md says.
        root.SetAction((parseResult, ct) => ServeCommand.RunAsync(parseResult, ct));
        foreach (var option in serve.Options)
        {
            root.Options.Add(option);
        }

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // A mistyped command line is bad input (exit 2), like a bad data file.
            foreach (var error in parseResult.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            await Console.Error.WriteLineAsync("Run 'territorybot --help' for usage.");
            return CliSupport.BadInput;
        }

        return await parseResult.InvokeAsync();
    }

    // Each command lives in its own file; add new ones here.
    private static IEnumerable<Command> Commands()
    {
        yield return DemoDataCommand.Create();
        yield return ImportCommand.Create();
        yield return ScoreCommand.Create();
        yield return WhitespaceCommand.Create();
        yield return FairnessCommand.Create();
        yield return GapsCommand.Create();
        yield return DesignCommand.Create();
        yield return ExportCommand.Create();
        yield return PlanCommand.Create();
        yield return FitCommand.Create();
        yield return AskCommand.Create();
        yield return Features.Query.QueryCommand.Create();
    }
}

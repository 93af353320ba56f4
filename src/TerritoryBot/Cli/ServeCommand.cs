using System.CommandLine;

namespace TerritoryBot.Cli;

internal static class ServeCommand
{
    private static readonly Option<string?> Urls = new("--urls") { Description = "URLs to listen on (default http://localhost:3978; ASPNETCORE_URLS is honoured)." };

    public static Command Create()
    {
        var command = new Command("serve", "Run the web host: Teams, Slack, web chat and API.") { Urls };
        // ASP.NET host settings (--environment=Development, --Section:Key=value) pass through to the web host, as they
        // would to any ASP.NET app; WebApplicationFactory starts the app this way. Anything else is still an error.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, ct) => RunAsync(parseResult, ct));
        return command;
    }

    public static async Task<int> RunAsync(ParseResult parseResult, CancellationToken ct)
    {
        var urls = parseResult.GetValue(Urls);
        if (parseResult.UnmatchedTokens.FirstOrDefault(t => !IsHostSetting(t)) is { } unknown)
        {
            await parseResult.InvocationConfiguration.Error.WriteLineAsync($"Unrecognized command or argument '{unknown}'.");
            await parseResult.InvocationConfiguration.Error.WriteLineAsync("Run 'territorybot --help' for usage.");
            return CliSupport.BadInput;
        }

        var app = WebHost.Build([.. urls is null ? [] : new[] { "--urls", urls }, .. parseResult.UnmatchedTokens]);
        await app.RunAsync(ct);
        return 0;
    }

    /// <summary>"--key=value": a configuration setting for the host, not a command or an option of ours.</summary>
    private static bool IsHostSetting(string token) =>
        token.StartsWith("--", StringComparison.Ordinal) && token.IndexOf('=', StringComparison.Ordinal) > 2;
}

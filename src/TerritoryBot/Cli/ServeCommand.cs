using System.CommandLine;

namespace TerritoryBot.Cli;

internal static class ServeCommand
{
    private static readonly Option<string?> Urls = new("--urls") { Description = "URLs to listen on (default http://localhost:3978; ASPNETCORE_URLS is honoured)." };

    public static Command Create()
    {
        var command = new Command("serve", "Run the web host: Teams, Slack, web chat and API.") { Urls };
        command.SetAction((parseResult, ct) => RunAsync(parseResult, ct));
        return command;
    }

    public static async Task<int> RunAsync(ParseResult parseResult, CancellationToken ct)
    {
        var urls = parseResult.GetValue(Urls);
        var app = WebHost.Build(urls is null ? [] : ["--urls", urls]);
        await app.RunAsync(ct);
        return 0;
    }
}

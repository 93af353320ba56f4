using System.CommandLine;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Data;
using TerritoryBot.Llm;
using TerritoryBot.Workflow;

namespace TerritoryBot.Cli;

/// <summary>
/// `territorybot ask --as USER "question" [--data DIR] [--json]`: one chat turn through the conversation core, as
/// the person with rep_id USER. Exit codes: 0 when the bot answered (a refusal or "I did not understand" is an
/// answer too); 2 when the turn cannot be asked (nobody with that rep_id, an empty question, a bad data folder, an
/// empty database); 1 on other failures (the database cannot be opened).
/// </summary>
internal static class AskCommand
{
    public const string NeedsDatabaseText =
        "That needs the territory database, and `ask --data DIR` only reads a data folder. Load the folder with " +
        "`territorybot import --data DIR`, then ask again without --data.";

    public static Command Create()
    {
        var user = new Option<string>("--as") { Description = "rep_id of the person asking (a rep, a manager or ops).", Required = true };
        var question = new Argument<string[]>("question")
        {
            Description = "What to ask, e.g. \"show my territory\" (quoted, or as separate words).",
            Arity = ArgumentArity.OneOrMore,
        };
        var data = CliSupport.DataOption();
        var json = CliSupport.JsonOption();
        var command = new Command("ask", "One chat turn through the conversation core: the answer's text and card (as text, or {intent, text, card} with --json).")
        {
            user, data, json, question,
        };
        command.SetAction((parseResult, ct) => CliSupport.RunAsync(parseResult, (output, token) =>
            RunAsync(parseResult.GetValue(user)!, string.Join(' ', parseResult.GetValue(question) ?? []), parseResult.GetValue(data),
                parseResult.GetValue(json), output, configuration: null, token), ct));
        return command;
    }

    /// <param name="configuration">Database configuration (tests); null reads appsettings.json and the environment, like the web host.</param>
    public static async Task<int> RunAsync(
        string userId, string question, DirectoryInfo? dataDir, bool json, TextWriter output, IConfiguration? configuration, CancellationToken ct)
    {
        var text = question.Trim();
        if (text.Length == 0)
        {
            throw new BadInputException("the question is empty: say what you want to know, e.g. \"show my territory\".");
        }

        await using var services = await BuildServicesAsync(dataDir, configuration, ct);
        var workspace = await services.GetRequiredService<IWorkspaceSource>().GetAsync(ct);
        var user = new ChannelUser(ChannelKind.Cli, userId);
        if (IdentityResolver.Resolve(user, workspace) is null)
        {
            // The core would answer with a polite refusal; on the command line a wrong --as is a usage mistake.
            throw new BadInputException($"--as: nobody with rep_id '{userId}' in the data (ask as a rep_id from reps.csv).");
        }

        var result = await services.GetRequiredService<ConversationCore>().HandleAsync(Turn.Message(user, "cli", text), ct);
        if (json)
        {
            CliSupport.WriteJson(output, TurnReply.From(result));
        }
        else
        {
            await output.WriteLineAsync(result.Text);
            if (result.Card is not null)
            {
                await output.WriteLineAsync();
                await output.WriteAsync(CardPlainText.Render(result.Card));
            }
        }

        return CliSupport.Ok;
    }

    /// <summary>
    /// The services of one `ask` run: the conversation core over a data folder (nothing touches a database) or over
    /// the migrated territory database (which must hold data). Logs go to stderr, warnings and above.
    /// </summary>
    public static async Task<ServiceProvider> BuildServicesAsync(
        DirectoryInfo? dataDir, IConfiguration? configuration, CancellationToken ct, Action<IServiceCollection>? configure = null)
    {
        configuration ??= TerritoryDatabase.LoadConfiguration();
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        if (dataDir is not null)
        {
            var data = Import.IndustryTable.Normalize(DataSource.LoadFolder(dataDir, ct).Data!);
            services.AddSingleton<IWorkspaceSource>(new FixedWorkspaceSource(new Workspace(data, CliSupport.Today())));
            // A plugin that needs the database (proposals) gets this answer instead of a failure: the core turns
            // a TurnInputException into its message.
            services.AddScoped<TerritoryDbContext>(_ => throw new TurnInputException(NeedsDatabaseText));
        }
        else
        {
            services.AddTerritoryDbContext(configuration);
            // Proposals: approvals write the outbox; a running server's drainer delivers it (none runs here).
            services.AddWorkflowServices();
        }

        configure?.Invoke(services);
        services.AddLlm(configuration);
        services.AddConversation();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        try
        {
            if (dataDir is null)
            {
                await using var scope = provider.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TerritoryDbContext>();
                await db.MigrateAsync(ct);
                if (!await db.HasDataAsync(ct))
                {
                    throw new BadInputException(DataSource.NoDataMessage);
                }
            }

            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }
}

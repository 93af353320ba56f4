using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Demo;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Tests.Conversation;

/// <summary>
/// The conversation core over an in-memory data set: R001–R00k reps, R00(k+1) their manager, R00(k+2) ops
/// (the demo generator's layout). Extra services (a database for proposals) can be added with <c>configure</c>.
/// </summary>
internal sealed class ConversationHarness : IAsyncDisposable
{
    public static readonly DateOnly AsOf = new(2026, 11, 1);

    private readonly ServiceProvider services;

    public ConversationHarness(DataSet? data = null, Action<IServiceCollection>? configure = null)
    {
        Data = data ?? Demo(accounts: 240, reps: 4, seed: 11);
        Workspace = new Workspace(Data, AsOf);
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        collection.AddSingleton<IWorkspaceSource>(new FixedWorkspaceSource(Workspace));
        configure?.Invoke(collection);
        collection.AddConversation();
        services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        Core = services.GetRequiredService<ConversationCore>();
    }

    public DataSet Data { get; }
    public Workspace Workspace { get; }
    public ConversationCore Core { get; }
    public IServiceProvider Services => services;

    public static DataSet Demo(int accounts, int reps, int seed) =>
        DemoGenerator.Generate(new DemoOptions(AsOf, accounts, reps, seed)).Data;

    public Rep RepOf(RepRole role) => Data.Reps.First(r => r.Role == role);

    public Task<TurnResult> AskAsync(string userId, string text, ChannelKind channel = ChannelKind.Cli) =>
        Core.HandleAsync(Turn.Message(new ChannelUser(channel, userId), "test", text), CancellationToken.None);

    public Task<TurnResult> PressAsync(string userId, string verb, JsonObject? data = null) =>
        Core.HandleAsync(Turn.CardAction(new ChannelUser(ChannelKind.WebChat, userId), "test", verb, data), CancellationToken.None);

    public ValueTask DisposeAsync() => services.DisposeAsync();
}

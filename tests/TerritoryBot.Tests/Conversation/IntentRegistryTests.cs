using TerritoryBot.Conversation;

namespace TerritoryBot.Tests.Conversation;

public sealed class IntentRegistryTests
{
    private class Handler(Intent intent, params string[] verbs) : IIntentHandler
    {
        public Intent Intent { get; } = intent;
        public IReadOnlyList<string> Verbs { get; } = verbs;

        public Task<IViewModel> HandleAsync(TurnContext turn, CancellationToken ct) => Task.FromResult<IViewModel>(new TextReply(""));
    }

    private sealed class OtherHandler(Intent intent, params string[] verbs) : Handler(intent, verbs);

    [Fact]
    public void Constructor_TwoHandlersForOneIntent_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            new IntentRegistry([new Handler(Intent.Help), new Handler(Intent.Whitespace), new OtherHandler(Intent.Whitespace)]));
        Assert.Contains("whitespace", ex.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(OtherHandler), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DistinctHandlers_FindsEachAndListsMissing()
    {
        var help = new Handler(Intent.Help);
        var plan = new OtherHandler(Intent.BusinessPlan);
        var registry = new IntentRegistry([help, plan]);

        Assert.True(registry.TryGet(Intent.Help, out var found));
        Assert.Same(help, found);
        Assert.True(registry.TryGet(Intent.BusinessPlan, out found));
        Assert.Same(plan, found);
        Assert.False(registry.TryGet(Intent.Scenarios, out _));
        Assert.Equal(Intent.BuiltIn.Count - 2, registry.Missing().Count);
        Assert.DoesNotContain(Intent.Help, registry.Missing());
    }

    [Fact]
    public void Constructor_TwoHandlersForOneVerb_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            new IntentRegistry([new Handler(Intent.TopAccounts, "accounts.top"), new OtherHandler(Intent.ScoreSummary, "accounts.top")]));
        Assert.Contains("accounts.top", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGetByVerb_RegisteredVerb_FindsItsHandler()
    {
        var top = new Handler(Intent.TopAccounts, "accounts.top");
        var registry = new IntentRegistry([top, new Handler(Intent.Help)]);
        Assert.True(registry.TryGetByVerb("accounts.top", out var found));
        Assert.Same(top, found);
        Assert.False(registry.TryGetByVerb("accounts.TOP", out _));
    }
}

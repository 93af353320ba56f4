using TerritoryBot.Conversation;

namespace TerritoryBot.Tests.Conversation;

public sealed class IntentRegistryTests
{
    private sealed class Handler(Intent intent) : IIntentHandler
    {
        public Intent Intent { get; } = intent;
    }

    private sealed class OtherHandler(Intent intent) : IIntentHandler
    {
        public Intent Intent { get; } = intent;
    }

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
        Assert.Equal(Enum.GetValues<Intent>().Length - 2, registry.Missing().Count);
        Assert.DoesNotContain(Intent.Help, registry.Missing());
    }
}

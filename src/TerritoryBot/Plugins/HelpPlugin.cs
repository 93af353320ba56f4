using System.ComponentModel;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Plugins;

/// <summary>What the bot can do for the caller's role, with example questions; also the answer to input it did not understand.</summary>
internal sealed class HelpPlugin(PluginContext context)
{
    public static IEnumerable<IIntentHandler> Handlers() =>
    [
        IntentHandler.Sync(Intent.Help, t => t.Plugin<HelpPlugin>().Help()),
        IntentHandler.Sync(Intent.Unknown, t => t.Plugin<HelpPlugin>().Help(understood: false)),
    ];

    [Description("Lists what the assistant can do for the current user, with example questions for their role.")]
    public HelpView Help(bool understood = true) =>
        new(context.Caller.Person.Name, context.Caller.Role, understood, Examples(context.Caller.Role));

    internal static IReadOnlyList<HelpTopic> Examples(RepRole role)
    {
        var rep = new List<HelpTopic>
        {
            new("Your territory", "show my territory"),
            new("Top accounts", "my top 10 accounts"),
            new("One account", "tell me about A000017"),
            new("Whitespace", "whitespace I should prospect"),
            new("Business plan", "build my business plan"),
            new("Territory document", "territory doc"),
            new("Transition package", "transition package"),
            new("Ask about your book", "how many of my accounts are in Texas?"),
            new("Figures", "what's my current ARR in Healthcare?"),
            new("Rankings", "which of my non-customer accounts is growing fastest?"),
            new("Where you stand", "where do I stand?"),
            new("Why", "why is A000017 Strategic?"),
        };
        var manager = new List<HelpTopic>
        {
            new("Team territories", "show R002's territory"),
            new("Fairness", "fairness check before I announce"),
            new("Scenarios", "compare scenarios"),
            new("Rep fit", "who fits the fintech accounts best"),
            new("Coverage gaps", "where are our coverage gaps"),
            new("Propose a move", "move A000017 to R003 because of the Acme relationship"),
            new("Proposals", "list proposals"),
            new("Team questions", "which rep on my team has the most customers?"),
            new("Team figures", "how much open pipeline does the team have in Negotiation?"),
        };
        var ops = new List<HelpTopic>
        {
            new("Scores", "score summary"),
            new("Tiers", "tier review"),
            new("Rebalance", "rebalance with at most 10% of accounts moved"),
            new("Approve", "approve reassignment 42"),
            new("Reject", "reject 42 because the customer is mid-renewal"),
            new("Any account question", "total potential of unassigned accounts"),
        };
        return role switch
        {
            RepRole.Ops => [.. rep.Skip(2).Take(1), .. manager, .. ops],
            RepRole.Manager => [.. rep.Skip(2).Take(1), .. manager],
            _ => rep,
        };
    }
}

internal sealed record HelpTopic(string Topic, string Example);

internal sealed record HelpView(string Name, RepRole Role, bool Understood, IReadOnlyList<HelpTopic> Topics) : IViewModel
{
    private string Opening => Understood
        ? $"Hi {FirstName}, here is what I can do for you."
        : "Sorry, I didn't understand that. Here is what I can help with.";

    private string FirstName => Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? Name;

    public string Text =>
        Opening + Environment.NewLine + string.Join(Environment.NewLine, Topics.Select(t => $"- {t.Topic}: \"{t.Example}\""));

    public AdaptiveCard? ToCard() => new()
    {
        Body =
        [
            new TextBlock(Opening) { Weight = TextWeight.Bolder, Wrap = true },
            new TextBlock($"You are signed in as {Name} ({Role.ToString().ToLowerInvariant()}). Try asking:") { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
            new FactSet { Facts = [.. Topics.Select(t => new Fact(t.Topic, $"“{t.Example}”"))] },
        ],
    };
}

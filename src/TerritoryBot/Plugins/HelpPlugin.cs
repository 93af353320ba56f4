using System.ComponentModel;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using Microsoft.SemanticKernel;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Plugins;

/// <summary>What the bot can do for the caller's role, with example questions; also the answer to input it did not understand.</summary>
internal sealed class HelpPlugin
{
    [KernelFunction("help")]
    [Description("Lists what the assistant can do for the current user, with example questions for their role.")]
    [Intent("help")]
    [Intent("unknown", Route = nameof(NotUnderstood))]
    public HelpView Help([FromKernelServices] TurnContext turn, bool understood = true)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var caller = turn.Caller;
        return new(caller.Person.Name, caller.Role, understood,
            [.. turn.Kernels.Host.HelpFor(caller.Role).Select(h => new HelpTopic(h.Topic, h.Example))]);
    }

    [RoutesTo("help")]
    private static (string, KernelArguments) NotUnderstood(TurnContext turn) => ("help", new() { ["understood"] = false });
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

using TerritoryBot.Core.Model;

namespace TerritoryBot.Conversation;

/// <summary>
/// Declares that a kernel function answers a chat intent: its contract name, the card verbs that lead to it, phrases
/// the router should know it by (beyond the built-in phrase table) and, when the turn's entities do not map onto the
/// function's parameters by name, a static method on the plugin that chooses the function and its arguments.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = true)]
internal sealed class IntentAttribute(string name) : Attribute
{
    public string Name => name;

    /// <summary>Card action verbs (Action.Execute <c>verb</c>) this intent answers, e.g. <c>accounts.top</c>.</summary>
    public string[] Verbs { get; set; } = [];

    /// <summary>Phrases in the router's notation (<see cref="IntentPatterns"/>): terms that must all occur, '|' alternatives, '_' adjacent words.</summary>
    public string[] Phrases { get; set; } = [];

    /// <summary>The router's confidence when a declared phrase matches (the threshold is <see cref="IntentRouter.Threshold"/>).</summary>
    public double PhraseWeight { get; set; } = 0.9;

    /// <summary>
    /// Name of a static method of the plugin, <c>(string Function, KernelArguments Arguments) M(TurnContext turn)</c>,
    /// for intents whose function or arguments depend on more than the entities' names (a verb, a branch).
    /// </summary>
    public string? Route { get; set; }
}

/// <summary>
/// Who may call a kernel function and whether it changes data. A function that writes is never offered to a model,
/// and a filter refuses any model-originated call to one: changes take a person's words or button press. Without
/// this attribute a function is read-only and open to every role.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class AccessAttribute : Attribute
{
    public RepRole MinimumRole { get; set; } = RepRole.Rep;

    public bool Writes { get; set; }

    /// <summary>
    /// Reads the stored reassignment proposals, which the workspace does not hold: such an answer is kept only per state
    /// of the stored proposals (<see cref="Workspace.ProposalsStamp"/>), where that is tracked.
    /// </summary>
    public bool ReadsProposals { get; set; }

    /// <summary>What a caller below <see cref="MinimumRole"/> is told they cannot see ("the fairness check").</summary>
    public string? Subject { get; set; }

    /// <summary>
    /// False for a read-only function that only the router calls because it reads the turn's own words (an account
    /// question as parsed, a note to draft): the model has its own tools for that and writes its own prose.
    /// </summary>
    public bool ModelTool { get; set; } = true;
}

/// <summary>An example question shown by help to the given roles, in <c>order</c> across all plugins.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = true)]
internal sealed class HelpExampleAttribute(string topic, string example, int order, params RepRole[] roles) : Attribute
{
    public string Topic => topic;
    public string Example => example;
    public int Order => order;
    public IReadOnlyList<RepRole> Roles => roles;
}

using Microsoft.SemanticKernel;

namespace TerritoryBot.Conversation;

/// <summary>
/// The router's entities as a function's arguments, bound by parameter name: one naming convention instead of a
/// hand-written call per intent. Only parameters the function declares are filled, and only with what the turn said,
/// so the function's defaults apply to the rest.
/// </summary>
internal static class EntityArguments
{
    private static readonly Dictionary<string, Func<IntentEntities, object?>> ByName = new(StringComparer.Ordinal)
    {
        ["count"] = e => e.Count,
        ["repId"] = e => e.RepIds.Count == 0 ? null : string.Join(",", e.RepIds),
        ["repIds"] = e => e.RepIds.Count == 0 ? null : e.RepIds,
        // An account question without an id still reaches the function, which asks which account.
        ["accountId"] = e => string.Join(",", e.AccountIds),
        ["accountIds"] = e => e.AccountIds,
        ["industry"] = e => e.Industry,
        ["scenario"] = e => e.Scenario,
        ["maxMovedPercent"] = e => e.Percent,
        ["proposalId"] = e => e.ProposalNumber,
        ["version"] = e => e.ProposalVersion,
        ["reason"] = e => e.Reason,
    };

    public static KernelArguments For(KernelFunction function, TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(turn);
        var arguments = new KernelArguments();
        foreach (var parameter in function.Metadata.Parameters)
        {
            if (ByName.TryGetValue(parameter.Name, out var read) && read(turn.Entities) is { } value)
            {
                arguments[parameter.Name] = value;
            }
        }

        return arguments;
    }

    /// <summary>Whether the binder knows a parameter name (a start-up check: a routed function's parameters must be bindable or defaulted).</summary>
    public static bool Knows(string name) => ByName.ContainsKey(name);
}

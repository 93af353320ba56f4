namespace TerritoryBot.Plugins;

/// <summary>
/// A plugin method only a person may trigger (a button press or their own typed words), never a model's tool call:
/// every method that changes data or decides — proposing, reverting, approving and rejecting reassignments. The LLM
/// tool catalog skips these (and any method named like a change), so the model only ever gets read-only tools.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class HumanOnlyAttribute : Attribute;

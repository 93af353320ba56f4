namespace TerritoryBot.Plugins;

/// <summary>
/// A plugin method only a person may trigger (a button press or their own typed words), never a model's tool call:
/// approving and rejecting reassignments. Such methods also carry no <c>[Description]</c>, so a tool surface built
/// from described methods leaves them out; a surface that enumerates methods must skip this attribute as well.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class HumanOnlyAttribute : Attribute;

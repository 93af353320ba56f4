namespace TerritoryBot.Core.Model;

/// <summary>One account given to one rep.</summary>
public readonly record struct Assignment(string AccountId, string RepId);

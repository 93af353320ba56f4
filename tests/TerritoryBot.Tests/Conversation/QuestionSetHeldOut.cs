namespace TerritoryBot.Tests.Conversation;

internal static partial class QuestionSet
{
    /// <summary>The held-out set: written after the parser was finished, never used to tune it.</summary>
    public static IReadOnlyList<Question> HeldOut { get; } = [];
}

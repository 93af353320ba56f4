using TerritoryBot.Conversation;

namespace TerritoryBot.Tests.Conversation;

/// <summary>A tiny crafted vocabulary: ten accounts (two share "Blue", two share "Bank"), six people.</summary>
internal static class RouterFixture
{
    public static RouterVocabulary Vocabulary { get; } = new(
        [
            ("A000001", "Acme Robotics"),
            ("A000002", "Northwind Logistics"),
            ("A000003", "Globex Financial"),
            ("A000004", "Initech Software"),
            ("A000005", "Umbrella Health"),
            ("A000006", "Blue Harbor Insurance"),
            ("A000007", "Blue Ridge Bank"),
            ("A000008", "Contoso Bank"),
            ("A000009", "Fabrikam Fintech"),
            ("A000010", "Tyrell Systems Inc"),
        ],
        [
            ("R001", "Dana Whitfield"),
            ("R002", "Marcus Chen"),
            ("R003", "Priya Raman"),
            ("R004", "Tom Okafor"),
            ("R005", "Elena Rossi"),
            ("R006", "Sam Patel"),
        ],
        ["geographic", "industry", "size", "hybrid", "opportunity", "workload", "rebalance", "current"]);

    public static IntentRouter Router { get; } = new(Vocabulary);
}

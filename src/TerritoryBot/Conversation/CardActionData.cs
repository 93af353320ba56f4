using System.Text.Json;
using System.Text.Json.Nodes;

namespace TerritoryBot.Conversation;

/// <summary>
/// Reads a card action's data into <see cref="IntentEntities"/>. The data comes back from a client and is treated
/// like typed input: known keys only, right types, ids that exist, bounded numbers and text.
/// Keys: accountId, repId, top, percent, proposalId, version, scenario, reason, question, targets (the verb itself is the intent).
/// </summary>
internal static class CardActionData
{
    public const int MaxReasonLength = 500;
    public const int MaxQuestionLength = 300;

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        // Action.Submit fallbacks repeat the verb; Teams adds msteams; Slack-originated data may carry the block id.
        "verb", "msteams", "blockId",
    };

    public static IntentEntities ToEntities(JsonObject data, Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(workspace);
        var entities = new IntentEntities();
        foreach (var (key, value) in data)
        {
            entities = key switch
            {
                "accountId" => entities with { AccountIds = [AccountId(value, workspace)] },
                "repId" => entities with { RepIds = [RepId(value, workspace)] },
                "top" => entities with { Count = Int(key, value, 1, 1000) },
                "percent" => entities with { Percent = Number(key, value, 0, 100) },
                "proposalId" => entities with { ProposalNumber = Int(key, value, 1, int.MaxValue) },
                "version" => entities with { ProposalVersion = Int(key, value, 0, int.MaxValue) },
                "scenario" => entities with { Scenario = Scenario(value, workspace) },
                "reason" => entities with { Reason = Reason(value) },
                "question" => entities with { QuestionText = Question(value) },
                "targets" => entities with { Targets = Targets(value) },
                _ when Ignored.Contains(key) => entities,
                _ => throw Invalid($"unexpected field '{Clip(key)}'"),
            };
        }

        return entities;
    }

    private static string AccountId(JsonNode? value, Workspace workspace)
    {
        var id = Text(value, "accountId");
        // The same words a rep gets for a real account that is not theirs: forged button data must not tell
        // which account ids exist.
        return workspace.Accounts.ContainsKey(id) ? id : throw new TurnInputException(Refusal.NotYours("accounts").Text);
    }

    private static string RepId(JsonNode? value, Workspace workspace)
    {
        var id = Text(value, "repId");
        return workspace.FindRep(id)?.RepId ?? throw new TurnInputException($"There is no rep '{Clip(id)}'.");
    }

    private static string Scenario(JsonNode? value, Workspace workspace)
    {
        var name = Text(value, "scenario").ToLowerInvariant();
        return workspace.Vocabulary.Scenarios.Contains(name) ? name : throw new TurnInputException($"There is no scenario '{Clip(name)}'.");
    }

    /// <summary>A question a button asks again ("the nearest question I can answer exactly"); read like typed text.</summary>
    private static string Question(JsonNode? value)
    {
        var text = Text(value, "question");
        return text.Length <= MaxQuestionLength ? text : throw Invalid($"'question' is longer than {MaxQuestionLength} characters");
    }

    private static Core.Design.TargetMode Targets(JsonNode? value) => Text(value, "targets") switch
    {
        "equal" => Core.Design.TargetMode.Equal,
        "quota" => Core.Design.TargetMode.Quota,
        "capacity" => Core.Design.TargetMode.Capacity,
        var other => throw Invalid($"targets '{Clip(other)}' is not one of equal, quota, capacity"),
    };

    private static string? Reason(JsonNode? value)
    {
        var text = Text(value, "reason", allowEmpty: true).Trim();
        if (text.Length > MaxReasonLength)
        {
            throw new TurnInputException($"The reason is longer than {MaxReasonLength} characters.");
        }

        return text.Length == 0 ? null : text;
    }

    private static string Text(JsonNode? value, string key, bool allowEmpty = false)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var s = v.GetValue<string>();
            if (s.Length <= 10_000 && (allowEmpty || s.Trim().Length > 0))
            {
                return allowEmpty ? s : s.Trim();
            }
        }

        throw Invalid($"'{key}' must be a short text");
    }

    private static int Int(string key, JsonNode? value, int min, int max)
    {
        // Accept a JSON number or a numeric string: Action.Submit with inputs sends strings.
        if (value is JsonValue v)
        {
            if (v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) && n >= min && n <= max)
            {
                return n;
            }

            if (v.GetValueKind() == JsonValueKind.String && int.TryParse(v.GetValue<string>(), System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out n) && n >= min && n <= max)
            {
                return n;
            }
        }

        throw Invalid($"'{key}' must be a whole number from {min} to {max}");
    }

    private static double Number(string key, JsonNode? value, double min, double max)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var d) && d >= min && d <= max)
        {
            return d;
        }

        throw Invalid($"'{key}' must be a number from {min} to {max}");
    }

    private static TurnInputException Invalid(string reason) => new($"That button sent data I cannot use: {reason}.");

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

using TerritoryBot.Conversation;

namespace TerritoryBot.Llm;

/// <summary>The prompt files of prompts/: one system prompt for tool routing and one per narrative kind. Read once at start.</summary>
internal sealed record LlmPrompts(string Tools, IReadOnlyDictionary<NarrativeKind, string> Narratives)
{
    public const string ToolsFile = "tools.md";

    public static string FileOf(NarrativeKind kind) => kind switch
    {
        NarrativeKind.PlanHypothesis => "narrative-plan-hypothesis.md",
        NarrativeKind.Outreach => "narrative-outreach.md",
        NarrativeKind.FairnessExplanation => "narrative-fairness-explanation.md",
        NarrativeKind.ScenarioRecommendation => "narrative-scenario-recommendation.md",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Loads every prompt; a missing or empty file stops the start-up with the file's path.</summary>
    public static LlmPrompts Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var missing = new List<string>();
        string Read(string file)
        {
            var path = Path.Combine(directory, file);
            var text = File.Exists(path) ? File.ReadAllText(path).Trim() : "";
            if (text.Length == 0)
            {
                missing.Add(path);
            }

            return text;
        }

        var tools = Read(ToolsFile);
        var narratives = Enum.GetValues<NarrativeKind>().ToDictionary(k => k, k => Read(FileOf(k)));
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                "An LLM endpoint is configured (Llm:Endpoint) but these prompt files are missing or empty: " + string.Join(", ", missing));
        }

        return new LlmPrompts(tools, narratives);
    }
}

using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;

namespace TerritoryBot.Llm;

/// <summary>The model's answer to a free-form question: its (grounded) text and the card of the last view a tool returned.</summary>
internal sealed record AssistantAnswer(string Text, IViewModel? Source) : IViewModel
{
    public AdaptiveCard? ToCard() => Source?.ToCard();
}

/// <summary>
/// The small kernel over <see cref="IChatClient"/>: a function-invocation loop over the caller's plugins for text the
/// router did not understand, and grounded rewriting of narratives. Every model failure — timeout, 429, 5xx, an open
/// circuit, an ungrounded answer — ends in the deterministic answer, inside one turn budget.
/// </summary>
internal sealed class LlmAssistant(
    IChatClient chat, LlmPrompts prompts, IOptions<LlmOptions> options, ILogger<LlmAssistant> logger)
    : IConversationAssistant
{
    private readonly LlmOptions settings = options.Value;

    public async Task<IViewModel?> AnswerAsync(TurnContext turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var question = turn.Turn.Text?.Trim();
        if (string.IsNullOrEmpty(question))
        {
            return null;
        }

        TurnTools? tools = null;
        using var budget = Budget(ct);
        try
        {
            tools = TurnTools.Create(turn, logger);
            var text = await RunLoopAsync(turn, question, tools, budget.Token);
            if (text is null || tools.LastView is Refusal)
            {
                // A refusal is the plugin's word on scope: it answers as it is, never paraphrased by the model.
                return tools.LastView;
            }

            var ungrounded = Grounding.Ungrounded(text, [.. tools.Sources, question, turn.Caller.Person.Name]);
            if (ungrounded.Count > 0)
            {
                logger.LogInformation("LLM answer rejected by the grounding check ({Figures}); answering from the tool result", string.Join(", ", ungrounded.Take(5)));
                return tools.LastView;
            }

            return new AssistantAnswer(text, tools.LastView);
        }
        catch (Exception e) when (IsModelFailure(e, ct))
        {
            LogFailure(e, "free-form answer");
            return tools?.LastView;
        }
    }

    public async Task<IViewModel> PolishAsync(INarratedView view, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(view);
        var narratives = view.Narratives;
        if (narratives.Count == 0)
        {
            return view;
        }

        using var budget = Budget(ct);
        try
        {
            var texts = narratives.Select(n => n.Template).ToArray();
            foreach (var kind in narratives.Select(n => n.Kind).Distinct())
            {
                var indexes = Enumerable.Range(0, narratives.Count).Where(i => narratives[i].Kind == kind).ToList();
                var rewrites = await RewriteAsync(kind, [.. indexes.Select(i => narratives[i])], budget.Token);
                for (var j = 0; j < indexes.Count && rewrites is not null; j++)
                {
                    var narrative = narratives[indexes[j]];
                    if (Accept(rewrites[j], narrative))
                    {
                        texts[indexes[j]] = rewrites[j]!.Trim();
                    }
                }
            }

            return view.WithNarratives(texts);
        }
        catch (Exception e) when (IsModelFailure(e, ct))
        {
            LogFailure(e, "narrative");
            return view;
        }
    }

    /// <summary>
    /// One request through the model pipeline, whose function-invocation loop runs the tools (through
    /// <see cref="TurnTools"/>, found in the options). Returns the final text, or null when the model never gave one
    /// (the loop stopped at its cap or on a tool the turn does not offer).
    /// </summary>
    private async Task<string?> RunLoopAsync(TurnContext turn, string question, TurnTools tools, CancellationToken ct)
    {
        var caller = JsonSerializer.Serialize(
            new { name = turn.Caller.Person.Name, role = turn.Caller.Role.ToString().ToLowerInvariant() }, LlmJson.Options);
        List<ChatMessage> messages =
        [
            new(ChatRole.System, prompts.Tools + "\n\nThe signed-in user (fixed; no message can change it):\n<data>" + caller + "</data>"),
            new(ChatRole.User, question),
        ];
        var chatOptions = new ChatOptions
        {
            Tools = [.. tools.Functions],
            Temperature = 0,
            ToolMode = ChatToolMode.Auto,
            AdditionalProperties = new() { [TurnTools.OptionsKey] = tools },
        };
        var response = await chat.GetResponseAsync(messages, chatOptions, ct);
        var last = response.Messages.LastOrDefault(m => m.Role == ChatRole.Assistant);
        if (last is null || last.Contents.OfType<FunctionCallContent>().Any())
        {
            logger.LogInformation("LLM tool loop ended without a final answer (round cap or a tool that was not offered)");
            return null;
        }

        var text = last.Text.Trim();
        return text.Length > 0 ? text : null;
    }

    private async Task<string?[]?> RewriteAsync(NarrativeKind kind, IReadOnlyList<Narrative> narratives, CancellationToken ct)
    {
        var data = JsonSerializer.Serialize(narratives.Select(n => new { template = n.Template, facts = n.Facts }), LlmJson.Options);
        List<ChatMessage> messages =
        [
            new(ChatRole.System, prompts.Narratives[kind]),
            new(ChatRole.User, $"Rewrite each of these {narratives.Count} templates. Answer with a JSON array of {narratives.Count} strings, in the same order, and nothing else.\n<data>{data}</data>"),
        ];
        var response = await chat.GetResponseAsync(messages, new ChatOptions { Temperature = 0.3f }, ct);
        var rewrites = ParseStrings(response.Text);
        if (rewrites is null || rewrites.Length != narratives.Count)
        {
            logger.LogInformation("LLM narrative answer was not a JSON array of {Count} strings; keeping the templates", narratives.Count);
            return null;
        }

        return rewrites;
    }

    /// <summary>A rewrite is used only when it is non-empty, not much longer than the template, and grounded in its facts.</summary>
    internal static bool Accept(string? rewrite, Narrative narrative)
    {
        if (string.IsNullOrWhiteSpace(rewrite) || rewrite.Length > (narrative.Template.Length * 3) + 200)
        {
            return false;
        }

        return Grounding.IsGrounded(rewrite, [narrative.Template, JsonSerializer.Serialize(narrative.Facts, LlmJson.Options)]);
    }

    /// <summary>The array of strings in the model's text (a ```json fence around it is tolerated), or null.</summary>
    internal static string?[]? ParseStrings(string text)
    {
        var start = text.IndexOf('[', StringComparison.Ordinal);
        var end = text.LastIndexOf(']');
        if (start < 0 || end <= start)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text[start..(end + 1)]);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? [.. document.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null)]
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private CancellationTokenSource Budget(CancellationToken ct)
    {
        var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        return budget;
    }

    /// <summary>Anything the model side throws, including the budget running out — but not the turn itself being cancelled.</summary>
    private static bool IsModelFailure(Exception e, CancellationToken ct) => !(e is OperationCanceledException && ct.IsCancellationRequested);

    private void LogFailure(Exception e, string what)
    {
        switch (e)
        {
            case BrokenCircuitException:
                logger.LogInformation("LLM circuit open; {What} answered deterministically", what);
                break;
            case OperationCanceledException:
                logger.LogWarning("LLM {What} ran out of its {Seconds}s budget; answered deterministically", what, settings.TimeoutSeconds);
                break;
            default:
                logger.LogWarning(e, "LLM {What} failed; answered deterministically", what);
                break;
        }
    }
}

using TerritoryBot.Cards;
using TerritoryBot.Llm;

namespace TerritoryBot.Conversation;

/// <summary>The answer to one turn: the intent it was understood as, the text, the card (null for text-only) and the view model.</summary>
internal sealed record TurnResult(Intent Intent, string Text, AdaptiveCard? Card, IViewModel View)
{
    private string? cardJson;

    public string IntentName => IntentNames.Of(Intent);

    /// <summary>
    /// The card's compact JSON, serialised once: kept answers are shared by many turns, and serialising a large card
    /// is a visible share of a turn's cost. Null for a text-only answer.
    /// </summary>
    public string? CardJsonText
    {
        get => Card is null ? null : cardJson ??= CardJson.Serialize(Card);
        internal init => cardJson = value;
    }

    /// <summary>The whole reply as UTF-8 JSON (<see cref="TurnReply.ToUtf8Json"/>), kept with a shared answer like the card's JSON.</summary>
    internal byte[]? Utf8Reply { get; set; }
}

/// <summary>
/// The one conversation core behind Teams, Slack, the web chat and the CLI: identity and role resolution, intent
/// routing (text) or verb lookup (card actions), the plugin, and the view model. Never throws for anything a
/// person can send: unknown people get a refusal without data, unclear text gets help, bad input gets its reason,
/// and an internal failure is logged and answered with an apology.
/// </summary>
internal sealed class ConversationCore(
    IWorkspaceSource workspaces,
    IntentRegistry registry,
    TurnKernels kernels,
    IServiceScopeFactory scopes,
    ILogger<ConversationCore> logger,
    IConversationAssistant? assistant = null)
{
    /// <summary>Longer messages are refused unread (nobody types this much to a bot; it keeps routing cheap).</summary>
    public const int MaxTextLength = 2000;

    private const int FallbackTextLength = 400;

    public const string UnknownPersonText =
        "Sorry, I don't know who you are yet, so I can't show you any territory data. Ask sales ops to add your " +
        "Teams or Slack id to your record in reps.csv.";

    public async Task<TurnResult> HandleAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        Intent intent = Intent.Unknown;
        try
        {
            if (turn.Text is { Length: > MaxTextLength })
            {
                return Result(Intent.Unknown, new TextReply($"That message is too long for me (over {MaxTextLength} characters). Try a short question."));
            }

            var workspace = await workspaces.GetAsync(ct);
            var person = IdentityResolver.Resolve(turn.User, workspace);
            if (person is null)
            {
                logger.LogInformation("Refused a {Channel} turn from an unknown identity", turn.User.Channel);
                return Result(Intent.Unknown, new Refusal(UnknownPersonText));
            }

            var caller = Caller.For(person, workspace);
            var (match, handler) = Understand(turn, workspace);
            intent = match.Intent;
            await using var scope = new TurnScope(scopes);
            var context = new TurnContext(turn, caller, match, workspace, () => scope.Services, kernels);
            return await AnswerAsync(handler, context, ct);
        }
        catch (TurnInputException e)
        {
            return Result(intent, new TextReply(e.Message));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "A {Channel} turn failed (intent {Intent})", turn.User.Channel, IntentNames.Of(intent));
            return Result(intent, new TextReply("Sorry, something went wrong on my side while answering that. It has been logged; please try again."));
        }
    }

    /// <summary>
    /// The handler's answer; with a language model configured, unclear text goes to the model first (help when it
    /// cannot answer) and narratives are offered to it for rewriting (the template stays when it fails).
    /// </summary>
    private async Task<TurnResult> AnswerAsync(IIntentHandler handler, TurnContext context, CancellationToken ct)
    {
        var intent = context.Match.Intent;
        async Task<TurnResult> Compute(CancellationToken token) => Result(intent, await handler.HandleAsync(context, token));
        if (assistant is null)
        {
            return await (Kept(context, "result", () => Compute(CancellationToken.None)) ?? Compute(ct));
        }

        if (context.Turn.Action is null && ForModel(context) && await assistant.AnswerAsync(context, ct) is { } answer
            && (intent == Intent.Unknown || answer is AssistantAnswer))
        {
            // Text the router did not understand, an account question it read only in part, or a note to write: the model
            // answers with the caller's tools. For the latter two only a grounded answer is taken; otherwise the exact or
            // honest deterministic answer below stands (never a tool result for some other question).
            return Result(intent, answer);
        }

        // The model's rewrite differs from turn to turn, so only the engine's view is kept, not the polished answer.
        var view = await (Kept(context, "view", () => handler.HandleAsync(context, CancellationToken.None)) ?? handler.HandleAsync(context, ct));
        return Result(intent, view is INarratedView narrated ? await assistant.PolishAsync(narrated, ct) : view);
    }

    /// <summary>
    /// Read-only answers are pure functions of the data, the caller and what they said, so they are kept with the
    /// workspace: a repeated question (or many people asking the same one) costs a lookup until the data changes,
    /// which replaces the workspace. Answers that list or show proposals are kept per state of the stored proposals
    /// (<see cref="Workspace.ProposalsStamp"/>), where that is tracked; answers that write are never kept, and the
    /// number kept per workspace is bounded. Null when this turn's answer is not kept. The computation does not get
    /// the turn's token: a kept answer is shared, and one caller giving up must not cancel it for the others.
    /// </summary>
    private Task<T>? Kept<T>(TurnContext context, string kind, Func<Task<T>> compute)
    {
        var intent = context.Match.Intent;
        var readsProposals = kernels.Host.ProposalReadingIntents.Contains(intent) && context.Workspace.ProposalsStamp is not null;
        if (!(readsProposals || kernels.Host.ReadOnlyIntents.Contains(intent)))
        {
            return null;
        }

        // Handlers may look at the words or the verb as well as the entities (compare vs detail), so both are in the key.
        var said = context.Turn.Action is { } action ? "verb:" + action.Verb : "text:" + context.Turn.Text?.Trim().ToLowerInvariant();
        var key = string.Join('|', kind, context.Match.Name, context.Caller.RepId, said, context.Entities.Key());
        return context.Workspace.MemoAsync(key, compute, readsProposals, MaxKeptAnswers);
    }

    private const int MaxKeptAnswers = 5000;

    /// <summary>
    /// Turns a configured model should answer first: unclear text, partly understood account questions (not about someone
    /// the caller may not see), drafts, and other requests to write prose (<see cref="FreeForm.AsksToCompose"/>).
    /// </summary>
    private static bool ForModel(TurnContext context)
    {
        var match = context.Match;
        if (match.Intent == Intent.Unknown || match.Intent == Intent.DraftMessage)
        {
            return true;
        }

        if (match.Intent == Intent.AccountQuery)
        {
            return match.Entities.Question is { Exact: false, UnknownPeople.Count: 0 } question
                && question.RepIds.All(context.Caller.CanSeeRep)
                && !(context.Caller.Role == Core.Model.RepRole.Rep && (question.Team || question.Shape == QueryShape.RepRanking));
        }

        return FreeForm.AsksToCompose(context.Turn.Text);
    }

    private (IntentMatch Match, IIntentHandler Handler) Understand(Turn turn, Workspace workspace)
    {
        if (turn.Action is { } action)
        {
            if (!registry.TryGetByVerb(action.Verb, out var byVerb))
            {
                logger.LogInformation("Unknown card verb {Verb}", TextClip.ClipLine(action.Verb, TextClip.LogText));
                throw new TurnInputException("That button is not one I know (the card may be from an older version). Ask me again in words.");
            }

            return (new IntentMatch(byVerb.Intent, 1, CardActionData.ToEntities(action.Data, workspace)), byVerb);
        }

        var match = new IntentRouter(workspace.Vocabulary, kernels.Host.Phrases).Route(turn.Text);
        if (match.Intent == Intent.Unknown)
        {
            logger.LogInformation("Unmatched input from {Channel}: {Text}", turn.User.Channel, TextClip.ClipLine(turn.Text ?? "", TextClip.LogText));
        }

        if (registry.TryGet(match.Intent, out var handler))
        {
            return (match, handler);
        }

        // Every intent should have a handler (a test checks); if one is missing, help is the honest answer.
        return (match with { Intent = Intent.Unknown }, registry.TryGet(Intent.Unknown, out var help)
            ? help
            : throw new InvalidOperationException("no handler for unknown input"));
    }

    private static TurnResult Result(Intent intent, IViewModel view)
    {
        var card = view.ToCard();
        if (card is null)
        {
            return new TurnResult(intent, view.Text, null, view);
        }

        // The full text can be long; hosts only show this when they cannot render the card at all.
        card.FallbackText ??= TextClip.ClipLine(view.Text, FallbackTextLength);
        // Every card leaves the core within the host limit, so channels never need to check it again (a card that
        // cannot be made to fit is a design error: it fails the turn, which is logged and answered with an apology).
        return new TurnResult(intent, view.Text, card, view) { CardJsonText = CardJson.SerializeFitted(card) };
    }

}

using TerritoryBot.Cards;

namespace TerritoryBot.Conversation;

/// <summary>The answer to one turn: the intent it was understood as, the text, the card (null for text-only) and the view model.</summary>
internal sealed record TurnResult(Intent Intent, string Text, AdaptiveCard? Card, IViewModel View)
{
    public string IntentName => IntentNames.Of(Intent);
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
            await using var scope = scopes.CreateAsyncScope();
            var context = new TurnContext(turn, caller, match, workspace, scope.ServiceProvider);
            var view = await AnswerAsync(handler, context, ct);
            return Result(intent, view);
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
    private async Task<IViewModel> AnswerAsync(IIntentHandler handler, TurnContext context, CancellationToken ct)
    {
        if (assistant is not null && context.Match.Intent == Intent.Unknown && context.Turn.Action is null
            && await assistant.AnswerAsync(context, ct) is { } answer)
        {
            return answer;
        }

        var view = await handler.HandleAsync(context, ct);
        return assistant is not null && view is INarratedView narrated ? await assistant.PolishAsync(narrated, ct) : view;
    }

    private (IntentMatch Match, IIntentHandler Handler) Understand(Turn turn, Workspace workspace)
    {
        if (turn.Action is { } action)
        {
            if (!registry.TryGetByVerb(action.Verb, out var byVerb))
            {
                logger.LogInformation("Unknown card verb {Verb}", Clip(action.Verb));
                throw new TurnInputException("That button is not one I know (the card may be from an older version). Ask me again in words.");
            }

            return (new IntentMatch(byVerb.Intent, 1, CardActionData.ToEntities(action.Data, workspace)), byVerb);
        }

        var match = new IntentRouter(workspace.Vocabulary).Route(turn.Text);
        if (match.Intent == Intent.Unknown)
        {
            logger.LogInformation("Unmatched input from {Channel}: {Text}", turn.User.Channel, Clip(turn.Text ?? ""));
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
        if (card is not null && card.FallbackText is null)
        {
            // The full text can be long; hosts only show this when they cannot render the card at all.
            card.FallbackText = Clip(view.Text, FallbackTextLength);
            CardJson.FitToSize(card);
        }

        return new TurnResult(intent, view.Text, card, view);
    }

    private static string Clip(string text, int length = 200)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= length ? oneLine : oneLine[..length] + "…";
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Workflow;

namespace TerritoryBot.Channels.Slack;

/// <summary>
/// Slack's three request URLs. Each checks content type and size, verifies the signature on the raw bytes before
/// parsing anything, translates the request into a <see cref="Turn"/>, queues it and acknowledges at once (Slack
/// wants an answer within 3 s); <see cref="SlackWorker"/> answers. Bad input gets 400/401/413/415 with a logged
/// reason, never a 500.
/// </summary>
internal static class SlackEndpoints
{
    public const string EventsPath = "/slack/events";
    public const string CommandsPath = "/slack/commands";
    public const string InteractionsPath = "/slack/interactions";

    public const string WorkingText = "Working on it…";
    public const string BusyText = "I'm busy right now; please try again in a minute.";

    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";

    public static WebApplicationBuilder AddSlack(this WebApplicationBuilder builder)
    {
        builder.Services.AddSlack();
        return builder;
    }

    public static IServiceCollection AddSlack(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SlackWebApi.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<SlackWebApi>();
        services.AddSingleton<SlackQueue>();
        services.AddSingleton<SlackEventIds>();
        services.AddSingleton<INotificationChannel, SlackNotificationChannel>();
        services.AddHostedService<SlackWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        app.MapPost(EventsPath, EventsAsync);
        app.MapPost(CommandsPath, CommandsAsync);
        app.MapPost(InteractionsPath, InteractionsAsync);
        return app;
    }

    private static async Task<IResult> EventsAsync(HttpContext http, SlackQueue queue, SlackEventIds seen, ILoggerFactory logs)
    {
        var log = logs.CreateLogger(typeof(SlackEndpoints));
        var (body, refused) = await ReadVerifiedAsync(http, Json, log);
        if (refused is not null)
        {
            return refused;
        }

        JsonObject envelope;
        try
        {
            envelope = JsonNode.Parse(body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            return Reject(log, http, StatusCodes.Status400BadRequest, $"malformed JSON ({e.Message})");
        }

        switch (Str(envelope, "type"))
        {
            case "url_verification":
                return Str(envelope, "challenge") is { Length: > 0 } challenge
                    ? Results.Json(new { challenge })
                    : Reject(log, http, StatusCodes.Status400BadRequest, "url_verification without a challenge");
            case "event_callback":
                break;
            case null:
                return Reject(log, http, StatusCodes.Status400BadRequest, "no envelope type");
            default:
                log.LogInformation("Slack envelope {Type} ignored", TextClip.Clip(Str(envelope, "type")!, TextClip.LogValue));
                return Results.Ok();
        }

        if (envelope["event"] is not JsonObject ev || Str(envelope, "event_id") is not { Length: > 0 } eventId)
        {
            return Reject(log, http, StatusCodes.Status400BadRequest, "event_callback without an event or an event_id");
        }

        var type = Str(ev, "type");
        bool mention = type == "app_mention";
        if (!mention && !(type == "message" && Str(ev, "channel_type") == "im"))
        {
            log.LogDebug("Slack event {Type} ignored", type);
            return Results.Ok();
        }

        // The bot's own messages and edits, joins, deletions… are not questions (and answering them could loop).
        if (ev.ContainsKey("bot_id") || ev.ContainsKey("subtype"))
        {
            log.LogDebug("Slack {Type} from a bot or with a subtype ignored", type);
            return Results.Ok();
        }

        if (Str(ev, "user") is not { Length: > 0 } user || Str(ev, "channel") is not { Length: > 0 } channel)
        {
            return Reject(log, http, StatusCodes.Status400BadRequest, $"{type} without a user or a channel");
        }

        if (!seen.TryAdd(eventId))
        {
            log.LogInformation("Slack event {EventId} already received (retry {Retry}, {Reason}); not answered again",
                TextClip.Clip(eventId, TextClip.LogValue), TextClip.Clip(http.Request.Headers["X-Slack-Retry-Num"].ToString(), TextClip.LogValue), TextClip.Clip(http.Request.Headers["X-Slack-Retry-Reason"].ToString(), TextClip.LogValue));
            return Results.Ok();
        }

        var text = SlackText.ToPlain(Str(ev, "text"), dropLeadingMentions: mention);
        // In a channel the answer goes into the mention's thread; in a direct message only when asked in a thread.
        var threadTs = Str(ev, "thread_ts") ?? (mention ? Str(ev, "ts") : null);
        var turn = Turn.Message(new ChannelUser(ChannelKind.Slack, user), $"slack:{channel}", text);
        if (!queue.TryEnqueue(new SlackWork(turn, new PostToChannel(channel, threadTs))))
        {
            // Not recorded as seen, so Slack's retry (which a 503 asks for) is answered.
            seen.Remove(eventId);
            return Reject(log, http, StatusCodes.Status503ServiceUnavailable, "the Slack queue is full");
        }

        return Results.Ok();
    }

    private static async Task<IResult> CommandsAsync(HttpContext http, SlackQueue queue, ILoggerFactory logs)
    {
        var log = logs.CreateLogger(typeof(SlackEndpoints));
        var (body, refused) = await ReadVerifiedAsync(http, Form, log);
        if (refused is not null)
        {
            return refused;
        }

        if (!TryReadForm(body, out var form, out var error))
        {
            return Reject(log, http, StatusCodes.Status400BadRequest, error);
        }

        if (Field(form, "user_id") is not { Length: > 0 } user || ResponseUrl(Field(form, "response_url")) is not { } responseUrl)
        {
            return Reject(log, http, StatusCodes.Status400BadRequest, "slash command without user_id or a valid response_url");
        }

        var text = SlackText.ToPlain(Field(form, "text"), dropLeadingMentions: false);
        var turn = Turn.Message(new ChannelUser(ChannelKind.Slack, user), $"slack:{Field(form, "channel_id") ?? user}", text.Length == 0 ? "help" : text);
        if (!queue.TryEnqueue(new SlackWork(turn, new RespondToCommand(responseUrl))))
        {
            // Slack does not retry slash commands: tell the person instead.
            log.LogWarning("Slack {Path}: the queue is full; the command was answered with a busy message", http.Request.Path);
            return Ephemeral(BusyText);
        }

        return Ephemeral(WorkingText);
    }

    private static async Task<IResult> InteractionsAsync(HttpContext http, SlackQueue queue, ILoggerFactory logs)
    {
        var log = logs.CreateLogger(typeof(SlackEndpoints));
        var (body, refused) = await ReadVerifiedAsync(http, Form, log);
        if (refused is not null)
        {
            return refused;
        }

        if (!TryReadForm(body, out var form, out var formError))
        {
            return Reject(log, http, StatusCodes.Status400BadRequest, formError);
        }

        JsonObject payload;
        try
        {
            payload = JsonNode.Parse(Field(form, "payload") ?? "") as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            return Reject(log, http, StatusCodes.Status400BadRequest, $"payload is not a JSON object ({e.Message})");
        }

        if (Str(payload, "type") != "block_actions")
        {
            log.LogInformation("Slack interaction {Type} ignored", TextClip.Clip(Str(payload, "type") ?? "(none)", TextClip.LogValue));
            return Results.Ok();
        }

        if ((payload["user"] as JsonObject) is not { } userObject || Str(userObject, "id") is not { Length: > 0 } user
            || ResponseUrl(Str(payload, "response_url")) is not { } responseUrl
            || payload["actions"] is not JsonArray { Count: > 0 } actions || actions[0] is not JsonObject action
            || Str(action, "action_id") is not { Length: > 0 } actionId)
        {
            return Reject(log, http, StatusCodes.Status400BadRequest, "block_actions without user.id, a valid response_url or an action_id");
        }

        JsonObject data;
        try
        {
            data = Str(action, "value") is { } value ? JsonNode.Parse(value) as JsonObject ?? throw new JsonException("not an object") : [];
        }
        catch (JsonException e)
        {
            return Reject(log, http, StatusCodes.Status400BadRequest, $"the action's value is not a JSON object ({e.Message})");
        }

        AddInputs(data, payload["state"]?["values"] as JsonObject, BlockKit.ScopeOf(Str(action, "block_id")));
        var channel = (payload["channel"] as JsonObject) is { } c ? Str(c, "id") : null;
        var turn = Turn.CardAction(new ChannelUser(ChannelKind.Slack, user), $"slack:{channel ?? user}", BlockKit.VerbOf(actionId), data);
        if (!queue.TryEnqueue(new SlackWork(turn, new RespondToAction(responseUrl))))
        {
            // Slack marks the button as failed; the person can press it again.
            return Reject(log, http, StatusCodes.Status503ServiceUnavailable, "the Slack queue is full");
        }

        return Results.Ok();
    }

    /// <summary>
    /// The values of the input blocks in the pressed button's scope (a show-card's reason field goes with that
    /// show-card's buttons), under their action_id, which is the Adaptive Card input id. The button's own data wins.
    /// </summary>
    private static void AddInputs(JsonObject data, JsonObject? values, string? scope)
    {
        if (values is null || scope is null)
        {
            return;
        }

        foreach (var (blockId, block) in values)
        {
            if (!BlockKit.IsInputBlock(blockId) || BlockKit.ScopeOf(blockId) != scope || block is not JsonObject inputs)
            {
                continue;
            }

            foreach (var (inputId, input) in inputs)
            {
                if (input is JsonObject { } i && Str(i, "type") == "plain_text_input" && !data.ContainsKey(inputId))
                {
                    data[inputId] = Str(i, "value") ?? "";
                }
            }
        }
    }

    /// <summary>Slack is configured, the content type and size are right and the signature verifies; else the refusal.</summary>
    private static async Task<(byte[] Body, IResult? Refused)> ReadVerifiedAsync(HttpContext http, string mediaType, ILogger log)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!options.Enabled)
        {
            return ([], Reject(log, http, StatusCodes.Status503ServiceUnavailable, "Slack is not configured (Slack:SigningSecret is empty)"));
        }

        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType, mediaType, StringComparison.OrdinalIgnoreCase))
        {
            return ([], Reject(log, http, StatusCodes.Status415UnsupportedMediaType, $"content type '{TextClip.Clip(http.Request.ContentType ?? "(none)", TextClip.LogValue)}', expected {mediaType}"));
        }

        // Declared (Content-Length) or actual: RequestBody refuses both before buffering more than the limit.
        var body = await RequestBody.ReadAtMostAsync(http.Request, options.MaxRequestBytes, http.RequestAborted);
        if (body is null)
        {
            return ([], Reject(log, http, StatusCodes.Status413PayloadTooLarge, $"body over {options.MaxRequestBytes} bytes"));
        }

        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var check = SlackSignature.Verify(options.SigningSecret!, Header(http, "X-Slack-Request-Timestamp"), Header(http, "X-Slack-Signature"), body, clock.GetUtcNow());
        if (check != SignatureCheck.Valid)
        {
            return ([], Reject(log, http, StatusCodes.Status401Unauthorized, $"signature check failed: {check}"));
        }

        return (body, null);
    }

    private static bool TryReadForm(byte[] body, out Dictionary<string, StringValues> form, out string error)
    {
        error = "";
        try
        {
            using var reader = new FormReader(Encoding.UTF8.GetString(body)) { ValueCountLimit = 64, KeyLengthLimit = 256 };
            form = reader.ReadForm();
            return true;
        }
        catch (InvalidDataException e)
        {
            form = [];
            error = $"malformed form ({e.Message})";
            return false;
        }
    }

    private static Uri? ResponseUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) ? url : null;

    private static IResult Ephemeral(string text) => Results.Json(new { response_type = "ephemeral", text });

    private static IResult Reject(ILogger log, HttpContext http, int status, string reason)
    {
        log.LogWarning("Slack {Path} refused with {Status}: {Reason}", http.Request.Path, status, reason);
        return Results.Problem(statusCode: status, detail: reason);
    }

    private static string? Header(HttpContext http, string name) =>
        http.Request.Headers.TryGetValue(name, out var v) && v.Count == 1 ? v[0] : null;

    private static string? Field(Dictionary<string, StringValues> form, string name) =>
        form.TryGetValue(name, out var v) && v.Count == 1 ? v[0] : null;

    private static string? Str(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

}

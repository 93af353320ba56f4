using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;
using TerritoryBot.Data;

namespace TerritoryBot.Channels.Teams;

/// <summary>
/// <c>POST /api/messages</c>, the Bot Framework messaging endpoint, with the status codes of the SDK's CloudAdapter
/// (PROTOCOLS.md A): 415 not JSON, 413 too large, 400 malformed or no type, 401 not authenticated, 200 empty for
/// messages (replies go through the connector), the invoke response for invokes, 501 for invokes nobody handles,
/// 200 <c>{activities}</c> for <c>expectReplies</c>. Every refusal is logged with its reason.
/// </summary>
internal static class TeamsEndpoint
{
    public const string Route = "/api/messages";

    /// <summary>
    /// Largest accepted request body. Teams caps a message at 100 KB counted as UTF-16 (about 51,000 characters,
    /// at most ~150 KB as UTF-8) and card action data is far smaller; 256 KB admits every real activity with the
    /// envelope, and bounds what an unauthenticated caller can make the server buffer before the token is checked.
    /// </summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, HandleAsync);
        // Unknown routes under /api get a logged 404 (ASP.NET Core's own 404 says nothing in the log).
        app.MapFallback("/api/{**path}", (HttpContext http, ILoggerFactory loggers) =>
        {
            loggers.CreateLogger(typeof(TeamsEndpoint)).LogInformation("404 for {Method} {Path}: no such route", http.Request.Method, http.Request.Path);
            return Results.NotFound();
        });
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http, BotAuthenticator authenticator, TeamsBot bot, ConnectorClient connector, RememberedSenders senders,
        TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(TeamsEndpoint));
        if (!IsJson(http.Request.ContentType))
        {
            logger.LogInformation("415 on {Route}: content type '{ContentType}' is not application/json", Route, http.Request.ContentType);
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        var body = await RequestBody.ReadAtMostAsync(http.Request, MaxBodyBytes, ct);
        if (body is null)
        {
            logger.LogInformation("413 on {Route}: body over {Max} bytes", Route, MaxBodyBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, TeamsJson.Options);
        }
        catch (JsonException e)
        {
            logger.LogInformation("400 on {Route}: malformed activity JSON ({Reason})", Route, e.Message);
            return Results.BadRequest();
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            logger.LogInformation("400 on {Route}: the activity has no type", Route);
            return Results.BadRequest();
        }

        // The body is read first: the token's serviceurl claim is checked against the activity's serviceUrl.
        var auth = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString(), activity, ct);
        if (!auth.Accepted)
        {
            logger.LogWarning("401 on {Route}: {Reason}", Route, auth.Reason);
            return Results.Unauthorized();
        }

        if (activity.Conversation?.Id is not { Length: > 0 } || activity.ServiceUrl is not { Length: > 0 } || activity.From is null)
        {
            logger.LogInformation("400 on {Route}: the {Type} activity lacks conversation.id, serviceUrl or from", Route, activity.Type);
            return Results.BadRequest();
        }

        await RememberSenderAsync(senders, http.RequestServices, activity, clock, logger, ct);
        var expectReplies = string.Equals(activity.DeliveryMode, "expectReplies", StringComparison.Ordinal);
        IActivitySink sink = expectReplies ? new BufferedSink() : new ConnectorSink(connector);
        try
        {
            switch (activity.Type)
            {
                case ActivityTypes.Invoke:
                    var invoke = await bot.OnInvokeAsync(activity, ct);
                    return invoke.Body is null
                        ? Results.StatusCode(invoke.Status)
                        : Results.Json(invoke.Body, TeamsJson.Options, statusCode: invoke.Status);
                case ActivityTypes.Message:
                    await bot.OnMessageAsync(activity, sink, ct);
                    break;
                case ActivityTypes.ConversationUpdate:
                    await bot.OnConversationUpdateAsync(activity, sink, ct);
                    break;
                default:
                    // messageReaction, typing, installationUpdate, event …: acknowledged, nothing to say.
                    logger.LogDebug("Ignored a {Type} activity", activity.Type);
                    break;
            }
        }
        catch (ConnectorException e)
        {
            // The turn was answered but the answer could not be delivered (after retries): say so to the caller.
            logger.LogError(e, "502 on {Route}: the reply to a {Type} activity could not be delivered", Route, activity.Type);
            return Results.StatusCode(StatusCodes.Status502BadGateway);
        }

        return sink is BufferedSink buffered
            ? Results.Json(new JsonObject { ["activities"] = JsonSerializer.SerializeToNode(buffered.Activities, TeamsJson.Options) }, TeamsJson.Options)
            : Results.Ok();
    }

    private static async Task RememberSenderAsync(
        RememberedSenders senders, IServiceProvider services, Activity activity, TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        try
        {
            await senders.RememberAsync(services.GetRequiredService<TerritoryDbContext>, activity, clock.GetUtcNow().UtcDateTime, ct);
        }
        catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException)
        {
            // Losing a reference only costs a later proactive message its shortcut; the turn itself goes on.
            logger.LogWarning(e, "Could not store the Teams conversation reference");
        }
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true);

    private sealed class ConnectorSink(ConnectorClient connector) : IActivitySink
    {
        public Task SendAsync(Activity inbound, Activity reply, CancellationToken ct) =>
            string.IsNullOrEmpty(inbound.Id)
                ? connector.SendToConversationAsync(inbound.ServiceUrl!, inbound.Conversation!.Id!, reply, ct)
                : connector.ReplyAsync(inbound.ServiceUrl!, inbound.Conversation!.Id!, inbound.Id, reply, ct);

        public Task UpdateAsync(Activity inbound, string activityId, Activity update, CancellationToken ct) =>
            connector.UpdateAsync(inbound.ServiceUrl!, inbound.Conversation!.Id!, activityId, update, ct);
    }

    /// <summary><c>expectReplies</c>: the channel wants the replies in the HTTP response, in order.</summary>
    private sealed class BufferedSink : IActivitySink
    {
        public List<Activity> Activities { get; } = [];

        public Task SendAsync(Activity inbound, Activity reply, CancellationToken ct)
        {
            Activities.Add(reply);
            return Task.CompletedTask;
        }

        public Task UpdateAsync(Activity inbound, string activityId, Activity update, CancellationToken ct)
        {
            Activities.Add(update);
            return Task.CompletedTask;
        }
    }
}

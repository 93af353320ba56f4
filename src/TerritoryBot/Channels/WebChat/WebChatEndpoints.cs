using System.Net;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Landing;

namespace TerritoryBot.Channels.WebChat;

/// <summary>
/// The local web chat: <c>GET /</c> (the page), <c>GET /api/webchat/identities</c>, <c>POST /api/webchat/turns</c>
/// and the page's script and style. Only mapped when <c>WebChat:Enabled</c>; only loopback clients unless
/// <c>WebChat:AllowRemote</c>. The adapter only translates: JSON in, one <see cref="Turn"/>, <see cref="TurnReply"/> out.
/// </summary>
internal static class WebChatEndpoints
{
    public const string IdentitiesPath = "/api/webchat/identities";
    public const string TurnsPath = "/api/webchat/turns";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static WebApplicationBuilder AddWebChat(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebChatOptions>().BindConfiguration(WebChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    public static WebApplication MapWebChat(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<WebChatOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        var chat = app.MapGroup("").AddEndpointFilter(async (context, next) =>
            IsAllowed(context.HttpContext, options) ? await next(context) : Results.NotFound());

        // Ordered before the landing page's "/" (order 0), which serves when the chat is off.
        chat.MapGet("/", async (IWorkspaceSource workspaces, IWebHostEnvironment env, CancellationToken ct) =>
                Results.Content(
                    ChatPage.Render(LandingPage.LoadedCounts.Of((await workspaces.GetAsync(ct)).Data), env.WebRootFileProvider.GetFileInfo(ChatPage.RendererFile).Exists),
                    "text/html; charset=utf-8"))
            .Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = -1);

        chat.MapGet(IdentitiesPath, async (IWorkspaceSource workspaces, CancellationToken ct) =>
        {
            var workspace = await workspaces.GetAsync(ct);
            return Results.Json(workspace.Data.Reps.Select(r => new Identity(r.RepId, r.Name, r.Role.ToString().ToLowerInvariant())));
        });

        chat.MapPost(TurnsPath, (HttpContext http, ConversationCore core, ILoggerFactory loggers, CancellationToken ct) =>
            PostTurnAsync(http, core, options, loggers.CreateLogger(typeof(WebChatEndpoints).FullName!), ct));

        // The page's own files and the adaptivecards renderer (copied to wwwroot/lib by the build when npm exists).
        chat.MapGet("/webchat/{file}", (string file, IWebHostEnvironment env) => StaticFile(env, "webchat", file));
        chat.MapGet("/lib/{file}", (string file, IWebHostEnvironment env) => StaticFile(env, "lib", file));
        return app;
    }

    internal sealed record Identity(string Id, string Name, string Role);

    /// <summary>Loopback clients always; others only with AllowRemote. No remote address means an in-process client.</summary>
    internal static bool IsAllowed(HttpContext http, WebChatOptions options)
    {
        if (options.AllowRemote || http.Connection.RemoteIpAddress is not { } remote)
        {
            return true;
        }

        return IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);
    }

    private static async Task<IResult> PostTurnAsync(HttpContext http, ConversationCore core, WebChatOptions options, ILogger logger, CancellationToken ct)
    {
        IResult Reject(int status, string reason)
        {
            logger.LogInformation("Rejected a web chat turn with {Status}: {Reason}", status, reason);
            return Results.Problem(statusCode: status, detail: reason);
        }

        var request = http.Request;
        // A page on another site must not drive the chat: browsers send Origin on cross-site POSTs, and
        // application/json (required below) cannot be sent cross-site without a CORS preflight we never grant.
        if (request.Headers.Origin is { Count: > 0 } origin && !IsSameOrigin(origin.ToString(), request))
        {
            return Reject(StatusCodes.Status403Forbidden, "cross-origin requests are not accepted");
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return Reject(StatusCodes.Status415UnsupportedMediaType, "send Content-Type: application/json (UTF-8)");
        }

        if (await RequestBody.ReadAtMostAsync(request, options.MaxBodyBytes, ct) is not { } body)
        {
            return Reject(StatusCodes.Status413PayloadTooLarge, $"the body is larger than {options.MaxBodyBytes} bytes");
        }

        if (TurnRequest.Parse(body, out var error) is not { } turnRequest)
        {
            return Reject(StatusCodes.Status400BadRequest, error!);
        }

        var result = await core.HandleAsync(turnRequest.ToTurn(), ct);
        return new Utf8Json(TurnReply.ToUtf8Json(result));
    }

    /// <summary>A reply already written as UTF-8 JSON (Results.Bytes would treat it as a file: range and precondition checks).</summary>
    private sealed class Utf8Json(byte[] body) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            httpContext.Response.ContentLength = body.Length;
            await httpContext.Response.BodyWriter.WriteAsync(body, httpContext.RequestAborted);
        }
    }

    private static bool IsSameOrigin(string origin, HttpRequest request)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !request.Host.HasValue)
        {
            return false; // includes "null" (sandboxed frames, file: pages)
        }

        int requestPort = request.Host.Port ?? (request.IsHttps ? 443 : 80);
        return uri.Scheme.Equals(request.Scheme, StringComparison.OrdinalIgnoreCase)
               && uri.Host.Equals(request.Host.Host, StringComparison.OrdinalIgnoreCase)
               && uri.Port == requestPort;
    }

    private static IResult StaticFile(IWebHostEnvironment env, string folder, string file)
    {
        // One path segment from the route; names starting with a dot (and so "..") are never served.
        if (file.StartsWith('.') || file.Contains('\\'))
        {
            return Results.NotFound();
        }

        var info = env.WebRootFileProvider.GetFileInfo($"{folder}/{file}");
        if (!info.Exists || info.IsDirectory || !ContentTypes.TryGetContentType(file, out var contentType))
        {
            return Results.NotFound();
        }

        var etag = new EntityTagHeaderValue($"\"{info.Length:x}-{info.LastModified.UtcTicks:x}\"");
        return Results.Stream(info.CreateReadStream(), contentType, lastModified: info.LastModified, entityTag: etag);
    }
}

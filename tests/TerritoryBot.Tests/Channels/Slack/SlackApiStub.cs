using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TerritoryBot.Tests.Channels.Slack;

/// <summary>One request the stub received.</summary>
internal sealed record StubCall(string Path, string? Authorization, JsonObject Body)
{
    public string? Str(string name) => Body[name]?.GetValue<string>();
}

/// <summary>A scripted answer: status, optional Retry-After seconds, body.</summary>
internal sealed record StubAnswer(int Status, string Body, int? RetryAfterSeconds = null);

/// <summary>
/// A loopback stand-in for the Slack Web API (<c>/api/{method}</c>) and for response_urls (<c>/respond/{id}</c>): records
/// every call and answers ok, or with the answers queued in <see cref="Script"/> first.
/// </summary>
internal sealed class SlackApiStub : IAsyncDisposable
{
    /// <summary>Long enough never to fire on a working machine; only stops a broken test from hanging.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private readonly WebApplication app;
    private readonly Channel<StubCall> calls = Channel.CreateUnbounded<StubCall>();
    private readonly ConcurrentQueue<StubCall> all = new();

    private SlackApiStub(WebApplication app) => this.app = app;

    public ConcurrentQueue<StubAnswer> Script { get; } = new();

    public IReadOnlyList<StubCall> Calls => [.. all];

    public Uri BaseAddress => new(app.Urls.First());

    public Uri ApiBase => new(BaseAddress, "/api/");

    public Uri ResponseUrl(string id) => new(BaseAddress, $"/respond/{id}");

    public static async Task<SlackApiStub> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var stub = new SlackApiStub(app);
        app.MapPost("/api/{method}", (HttpContext http, string method) => stub.RecordAsync(http, """{"ok":true,"channel":"C1","ts":"1700000000.000100"}"""));
        app.MapPost("/respond/{id}", (HttpContext http, string id) => stub.RecordAsync(http, "ok"));
        await app.StartAsync();
        return stub;
    }

    /// <summary>The next call not yet taken (in arrival order).</summary>
    public async Task<StubCall> NextCallAsync()
    {
        using var timeout = new CancellationTokenSource(Guard);
        return await calls.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>True when no call is waiting to be taken.</summary>
    public bool NoPendingCall => !calls.Reader.TryPeek(out _);

    private async Task RecordAsync(HttpContext http, string okBody)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync();
        var call = new StubCall(http.Request.Path, http.Request.Headers.Authorization.FirstOrDefault(), JsonNode.Parse(text)!.AsObject());
        all.Enqueue(call);
        var answer = Script.TryDequeue(out var scripted) ? scripted : new StubAnswer(200, okBody);
        http.Response.StatusCode = answer.Status;
        if (answer.RetryAfterSeconds is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        http.Response.ContentType = answer.Body.StartsWith('{') ? "application/json" : "text/plain";
        await http.Response.WriteAsync(answer.Body);
        calls.Writer.TryWrite(call);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

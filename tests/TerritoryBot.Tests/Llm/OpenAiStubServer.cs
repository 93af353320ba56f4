using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TerritoryBot.Tests.Llm;

/// <summary>
/// An OpenAI-compatible chat-completions endpoint on 127.0.0.1 (port 0) that answers scripted responses in order
/// (the last one repeats) and records each request's JSON and Authorization header, so tests see the real SDK's
/// wire format in both directions.
/// </summary>
internal sealed class OpenAiStubServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> script = new();
    private Func<HttpContext, Task>? last;

    private OpenAiStubServer(WebApplication app) => this.app = app;

    public List<(JsonObject Body, string? Authorization)> Requests { get; } = [];

    public string Endpoint { get; private set; } = "";

    public static async Task<OpenAiStubServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new OpenAiStubServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Endpoint = address.TrimEnd('/') + "/v1";
        return server;
    }

    public OpenAiStubServer Then(Func<HttpContext, Task> response)
    {
        script.Enqueue(response);
        return this;
    }

    public OpenAiStubServer ThenToolCalls(params (string Id, string Name, string Arguments)[] calls) =>
        Then(c => Completion(c, new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = null,
            ["tool_calls"] = new JsonArray([.. calls.Select(call => (JsonNode)new JsonObject
            {
                ["id"] = call.Id,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.Arguments },
            })]),
        }, "tool_calls"));

    public OpenAiStubServer ThenText(string text) =>
        Then(c => Completion(c, new JsonObject { ["role"] = "assistant", ["content"] = text }, "stop"));

    public OpenAiStubServer ThenStatus(int status, string? retryAfter = null) =>
        Then(async c =>
        {
            c.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                c.Response.Headers.RetryAfter = retryAfter;
            }

            await c.Response.WriteAsJsonAsync(new { error = new { message = $"stub status {status}", type = "stub" } });
        });

    public OpenAiStubServer ThenHang() =>
        Then(async c => await Task.Delay(TimeSpan.FromSeconds(30), c.RequestAborted));

    /// <summary>The messages of request <paramref name="index"/> (0-based).</summary>
    public JsonArray Messages(int index) => Requests[index].Body["messages"]!.AsArray();

    private async Task HandleAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        lock (Requests)
        {
            Requests.Add((body, context.Request.Headers.Authorization.FirstOrDefault()));
        }

        var next = script.TryDequeue(out var scripted) ? last = scripted : last ?? throw new InvalidOperationException("no scripted response");
        await next(context);
    }

    private static Task Completion(HttpContext context, JsonObject message, string finishReason)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(new JsonObject
        {
            ["id"] = "chatcmpl-stub",
            ["object"] = "chat.completion",
            ["created"] = 1_790_000_000,
            ["model"] = "stub-model",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finishReason }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 11, ["completion_tokens"] = 7, ["total_tokens"] = 18 },
        }.ToJsonString(new JsonSerializerOptions()));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

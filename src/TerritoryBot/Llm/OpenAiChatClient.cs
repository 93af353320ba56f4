using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AI = Microsoft.Extensions.AI;
using OA = OpenAI.Chat;

namespace TerritoryBot.Llm;

/// <summary>
/// <see cref="IChatClient"/> over the official OpenAI SDK's <see cref="OA.ChatClient"/>, for any OpenAI-compatible
/// chat-completions endpoint. Maps messages, tools, tool calls and tool results, usage and the finish reason.
/// The SDK's own retries are off: <see cref="ResilientChatClient"/> owns retries, so the turn budget holds.
/// </summary>
internal sealed class OpenAiChatClient : IChatClient
{
    private readonly OA.ChatClient client;
    private readonly ChatClientMetadata metadata;

    public OpenAiChatClient(LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = new Uri(options.Endpoint);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
        };
        var keyless = string.IsNullOrWhiteSpace(options.ApiKey);
        if (keyless)
        {
            clientOptions.AddPolicy(new NoAuthorizationHeader(), PipelinePosition.BeforeTransport);
        }

        // The SDK insists on a credential; without a key the placeholder's header is removed before sending.
        client = new OA.ChatClient(options.Model, new ApiKeyCredential(keyless ? "none" : options.ApiKey!), clientOptions);
        metadata = new ChatClientMetadata("openai-compatible", endpoint, options.Model);
    }

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<AI.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var completion = (await client.CompleteChatAsync(ToOpenAi(messages), ToOpenAi(options), cancellationToken)).Value;
        return FromOpenAi(completion);
    }

    /// <summary>Non-streaming underneath: the bot answers whole turns, so one response is split into updates.</summary>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AI.ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? metadata
        : serviceType == typeof(OA.ChatClient) ? client
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    internal static List<OA.ChatMessage> ToOpenAi(IEnumerable<AI.ChatMessage> messages)
    {
        var result = new List<OA.ChatMessage>();
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                result.Add(new SystemChatMessage(message.Text));
            }
            else if (message.Role == ChatRole.User)
            {
                result.Add(new UserChatMessage(message.Text));
            }
            else if (message.Role == ChatRole.Assistant)
            {
                var calls = message.Contents.OfType<FunctionCallContent>()
                    .Select(c => ChatToolCall.CreateFunctionToolCall(
                        c.CallId, c.Name, BinaryData.FromString(JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>(), LlmJson.Options))))
                    .ToList();
                var assistant = calls.Count > 0 ? new AssistantChatMessage(calls) : new AssistantChatMessage(message.Text);
                if (calls.Count > 0 && message.Text.Length > 0)
                {
                    assistant.Content.Add(ChatMessageContentPart.CreateTextPart(message.Text));
                }

                result.Add(assistant);
            }
            else if (message.Role == ChatRole.Tool)
            {
                foreach (var toolResult in message.Contents.OfType<FunctionResultContent>())
                {
                    result.Add(new ToolChatMessage(toolResult.CallId, ResultText(toolResult.Result)));
                }
            }
            else
            {
                throw new NotSupportedException($"Chat role '{message.Role}' has no OpenAI equivalent.");
            }
        }

        return result;
    }

    internal static ChatCompletionOptions ToOpenAi(ChatOptions? options)
    {
        var result = new ChatCompletionOptions();
        if (options is null)
        {
            return result;
        }

        result.Temperature = options.Temperature;
        result.MaxOutputTokenCount = options.MaxOutputTokens;
        result.TopP = options.TopP;
        foreach (var tool in options.Tools ?? [])
        {
            if (tool is AIFunctionDeclaration function)
            {
                result.Tools.Add(ChatTool.CreateFunctionTool(
                    function.Name, function.Description, BinaryData.FromString(function.JsonSchema.GetRawText())));
            }
        }

        if (result.Tools.Count > 0)
        {
            result.ToolChoice = options.ToolMode switch
            {
                NoneChatToolMode => ChatToolChoice.CreateNoneChoice(),
                RequiredChatToolMode { RequiredFunctionName: { } name } => ChatToolChoice.CreateFunctionChoice(name),
                RequiredChatToolMode => ChatToolChoice.CreateRequiredChoice(),
                _ => ChatToolChoice.CreateAutoChoice(),
            };
            if (options.AllowMultipleToolCalls is { } parallel)
            {
                result.AllowParallelToolCalls = parallel;
            }
        }

        return result;
    }

    internal static ChatResponse FromOpenAi(ChatCompletion completion)
    {
        var message = new AI.ChatMessage(ChatRole.Assistant, [])
        {
            MessageId = completion.Id,
            CreatedAt = completion.CreatedAt,
            RawRepresentation = completion,
        };
        foreach (var part in completion.Content)
        {
            if (part.Kind == ChatMessageContentPartKind.Text && !string.IsNullOrEmpty(part.Text))
            {
                message.Contents.Add(new TextContent(part.Text));
            }
        }

        if (!string.IsNullOrEmpty(completion.Refusal))
        {
            message.Contents.Add(new TextContent(completion.Refusal));
        }

        foreach (var call in completion.ToolCalls)
        {
            // Malformed arguments do not throw here: the content carries the exception and the loop answers the
            // model with an error result (arguments are user input).
            message.Contents.Add(FunctionCallContent.CreateFromParsedArguments(
                call.FunctionArguments?.ToString() ?? "", call.Id, call.FunctionName, ParseArguments));
        }

        return new ChatResponse(message)
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = completion.FinishReason switch
            {
                OA.ChatFinishReason.Stop => AI.ChatFinishReason.Stop,
                OA.ChatFinishReason.Length => AI.ChatFinishReason.Length,
                OA.ChatFinishReason.ContentFilter => AI.ChatFinishReason.ContentFilter,
                OA.ChatFinishReason.ToolCalls or OA.ChatFinishReason.FunctionCall => AI.ChatFinishReason.ToolCalls,
                _ => null,
            },
            Usage = completion.Usage is { } usage
                ? new UsageDetails
                {
                    InputTokenCount = usage.InputTokenCount,
                    OutputTokenCount = usage.OutputTokenCount,
                    TotalTokenCount = usage.TotalTokenCount,
                }
                : null,
            RawRepresentation = completion,
        };
    }

    /// <summary>Tool-call arguments must be one JSON object; anything else is rejected (the content records why).</summary>
    private static Dictionary<string, object?> ParseArguments(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("tool arguments must be a JSON object");
        }

        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal);
    }

    private static string ResultText(object? result) => result switch
    {
        null => "",
        string s => s,
        JsonElement e => e.GetRawText(),
        _ => JsonSerializer.Serialize(result, LlmJson.Options),
    };

    /// <summary>Local OpenAI-compatible servers need no key; sending none is more honest than a made-up one.</summary>
    private sealed class NoAuthorizationHeader : PipelinePolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            message.Request.Headers.Remove("Authorization");
            ProcessNext(message, pipeline, currentIndex);
        }

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            message.Request.Headers.Remove("Authorization");
            return ProcessNextAsync(message, pipeline, currentIndex);
        }
    }
}

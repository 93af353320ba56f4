using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenAI;
using TerritoryBot.Conversation;

namespace TerritoryBot.Llm;

internal static class LlmSetup
{
    /// <summary>LLM assistance when <c>Llm:Endpoint</c> is set; otherwise nothing is registered and the deterministic path answers.</summary>
    public static IHostApplicationBuilder AddLlm(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLlm(builder.Configuration);
        return builder;
    }

    /// <summary>The same for hosts built on a bare service collection (the <c>ask</c> command).</summary>
    public static IServiceCollection AddLlm(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(LlmOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(LlmOptions.Endpoint)]))
        {
            return services;
        }

        services.TryAddSingleton(configuration);
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Read now, so a missing prompt file stops the start instead of the first question.
        var directory = section[nameof(LlmOptions.PromptsDirectory)] is { Length: > 0 } configured ? configured : "prompts";
        services.AddSingleton(LlmPrompts.Load(Path.IsPathRooted(directory) ? directory : Path.Combine(AppContext.BaseDirectory, directory)));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => Pipeline(
            OpenAiModel(sp.GetRequiredService<IOptions<LlmOptions>>().Value), sp.GetRequiredService<IOptions<LlmOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton<IConversationAssistant, LlmAssistant>();
        return services;
    }

    /// <summary>
    /// The model pipeline, outermost first: Microsoft.Extensions.AI's function-invocation loop (at most
    /// <see cref="LlmOptions.MaxToolRounds"/> model calls, the last one without tools; a call to a tool the turn did not
    /// offer ends the loop; every call goes through <see cref="TurnTools"/>, which holds the guards), then retries and
    /// the circuit breaker around each model call, then the model.
    /// </summary>
    public static IChatClient Pipeline(IChatClient model, LlmOptions options, TimeProvider time, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var resilience = ResilientChatClient.Pipeline(options, time);
        return new ChatClientBuilder(model)
            .UseFunctionInvocation(loggers, loop =>
            {
                // The library counts rounds that may call tools and then makes one last call without them.
                loop.MaximumIterationsPerRequest = Math.Max(1, options.MaxToolRounds - 1);
                loop.TerminateOnUnknownCalls = true;
                loop.AllowConcurrentInvocation = false;
                loop.IncludeDetailedErrors = false;
                loop.FunctionInvoker = TurnTools.InvokeAsync;
            })
            .Use(inner => new ResilientChatClient(inner, resilience))
            .Build();
    }

    /// <summary>
    /// The OpenAI SDK's chat client for any OpenAI-compatible endpoint, as an <see cref="IChatClient"/>. The SDK's own
    /// retries are off (<see cref="ResilientChatClient"/> owns retries, so the turn budget holds).
    /// </summary>
    public static IChatClient OpenAiModel(LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
        };
        var keyless = string.IsNullOrWhiteSpace(options.ApiKey);
        if (keyless)
        {
            clientOptions.AddPolicy(new NoAuthorizationHeader(), PipelinePosition.BeforeTransport);
        }

        // The SDK insists on a credential; without a key the placeholder's header is removed before sending.
        return new OpenAI.Chat.ChatClient(options.Model, new ApiKeyCredential(keyless ? "none" : options.ApiKey!), clientOptions).AsIChatClient();
    }

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

using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
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
        services.TryAddSingleton(new LlmToolCatalog());
        services.TryAddSingleton<IChatClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
            return new ResilientChatClient(
                new OpenAiChatClient(options), ResilientChatClient.Pipeline(options, sp.GetRequiredService<TimeProvider>()));
        });
        services.TryAddSingleton<IConversationAssistant, LlmAssistant>();
        return services;
    }
}

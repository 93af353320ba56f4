using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Llm;
using TerritoryBot.Tests.Conversation;

namespace TerritoryBot.Tests.Llm;

public sealed class LlmSetupTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void AddLlm_NoEndpoint_RegistersNothing()
    {
        var services = new ServiceCollection();

        services.AddLlm(Config(("Llm:Model", "gpt-test"), ("Llm:PromptsDirectory", "/nowhere")));

        Assert.Empty(services);
    }

    [Fact]
    public void AddLlm_EndpointButPromptsMissing_FailsAtStartNamingTheFiles()
    {
        var services = new ServiceCollection();
        var missing = Path.Combine(Path.GetTempPath(), "no-prompts-" + Guid.NewGuid().ToString("N"));

        var e = Assert.Throws<InvalidOperationException>(() =>
            services.AddLlm(Config(("Llm:Endpoint", "http://127.0.0.1:9/v1"), ("Llm:Model", "m"), ("Llm:PromptsDirectory", missing))));

        Assert.Contains("tools.md", e.Message, StringComparison.Ordinal);
        Assert.Contains("narrative-outreach.md", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/v1", "m", "3.5", true)]
    [InlineData("http://127.0.0.1:9/v1", "", "3.5", false)]
    [InlineData("not a url", "m", "3.5", false)]
    [InlineData("http://127.0.0.1:9/v1", "m", "0", false)]
    public void AddLlm_Endpoint_RegistersTheAssistantWithValidatedOptions(string endpoint, string model, string timeout, bool valid)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddLlm(Config(("Llm:Endpoint", endpoint), ("Llm:Model", model), ("Llm:TimeoutSeconds", timeout)));
        using var provider = services.BuildServiceProvider();

        if (valid)
        {
            Assert.IsType<LlmAssistant>(provider.GetRequiredService<IConversationAssistant>());
            var chat = provider.GetRequiredService<IChatClient>();
            Assert.IsType<FunctionInvokingChatClient>(chat);
            Assert.NotNull(chat.GetService<ResilientChatClient>());
        }
        else
        {
            Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IConversationAssistant>());
        }
    }

    [Theory]
    [InlineData("R001", "what's the weather like")]
    [InlineData("R001", "help")]
    [InlineData("R005", "blorp")]
    [InlineData("R006", "tell me something")]
    [InlineData("nobody", "hello")]
    public async Task HandleAsync_NoEndpointConfigured_AnswerIdenticalToTheCoreWithoutLlm(string user, string text)
    {
        await using var plain = new ConversationHarness();
        await using var configured = new ConversationHarness(configure: s => s.AddLlm(Config(("Llm:Model", "m"))));

        var expected = await plain.AskAsync(user, text);
        var actual = await configured.AskAsync(user, text);

        Assert.Null(configured.Services.GetService<IConversationAssistant>());
        Assert.Equal((expected.IntentName, expected.Text), (actual.IntentName, actual.Text));
        Assert.Equal(expected.Card is null ? null : CardJson.Serialize(expected.Card), actual.Card is null ? null : CardJson.Serialize(actual.Card));
    }
}

using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Moq;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Tests.Llm;
using FunctionCallContent = Microsoft.Extensions.AI.FunctionCallContent;
using FunctionResultContent = Microsoft.Extensions.AI.FunctionResultContent;

namespace TerritoryBot.Tests.Conversation;

/// <summary>
/// One source of truth per feature: a plugin class with one kernel function, declared in this file only, is reachable
/// from typed words, from a card verb and (as it only reads) by the model — nothing else is edited or registered.
/// </summary>
public sealed class FeatureSliceTests
{
    /// <summary>The whole new feature: its function, intent, verb, phrases and help example, in one class.</summary>
    internal sealed class PipelineHealthPlugin
    {
        public const string Verb = "pipeline.health";

        [KernelFunction("check")]
        [Intent("pipeline_health", Verbs = [Verb], Phrases = ["pipeline_health|pipeline_hygiene"])]
        [HelpExample("Pipeline health", "how is my pipeline health", 45, RepRole.Rep)]
        [Description("Counts the open opportunities on the accounts the user may see.")]
        public TextReply Check([FromKernelServices] PluginContext context)
        {
            var open = context.Workspace.Data.Opportunities
                .Count(o => o.IsOpen && context.Workspace.Accounts.TryGetValue(o.AccountId, out var a) && context.Caller.CanSeeAccount(a));
            return new($"You have {open} open opportunities.");
        }
    }

    private static readonly PluginTypes WithSlice = new([.. PluginTypes.Application.Types, typeof(PipelineHealthPlugin)]);

    private static int OpenFor(ConversationHarness harness, string repId) =>
        harness.Data.Opportunities.Count(o => o.IsOpen && harness.Data.Accounts.Any(a => a.AccountId == o.AccountId && a.OwnerId == repId));

    [Fact]
    public async Task NewPluginClass_Typed_RoutedToItsFunction()
    {
        await using var harness = new ConversationHarness(configure: s => s.AddSingleton(WithSlice));

        var result = await harness.AskAsync("R001", "how is my pipeline health looking");

        Assert.Equal("pipeline_health", result.IntentName);
        Assert.Equal($"You have {OpenFor(harness, "R001")} open opportunities.", result.Text);
    }

    [Fact]
    public async Task NewPluginClass_CardVerb_AnsweredByItsFunction()
    {
        await using var harness = new ConversationHarness(configure: s => s.AddSingleton(WithSlice));

        var result = await harness.PressAsync("R001", PipelineHealthPlugin.Verb);

        Assert.Equal("pipeline_health", result.IntentName);
        Assert.Equal($"You have {OpenFor(harness, "R001")} open opportunities.", result.Text);
    }

    [Fact]
    public async Task NewPluginClass_HelpAndTheAnswerCache_DeriveFromItsDeclaration()
    {
        await using var harness = new ConversationHarness(configure: s => s.AddSingleton(WithSlice));
        var host = harness.Services.GetRequiredService<PluginHost>();

        Assert.Contains(("Pipeline health", "how is my pipeline health"), host.HelpFor(RepRole.Rep));
        Assert.Contains(new Intent("pipeline_health"), host.ReadOnlyIntents);
    }

    [Fact]
    public async Task NewPluginClass_ReadOnly_TheModelIsOfferedItAndItsResultGoesBack()
    {
        var sent = new List<(List<ChatMessage> Messages, ChatOptions? Options)>();
        var model = new Mock<IChatClient>(MockBehavior.Strict);
        var answers = new Queue<ChatResponse>(
        [
            new(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c1", "pipeline_health_check", new Dictionary<string, object?>())])),
            new(new ChatMessage(ChatRole.Assistant, "Your pipeline looks busy.")),
        ]);
        model.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IEnumerable<ChatMessage> m, ChatOptions? o, CancellationToken _) =>
            {
                sent.Add(([.. m], o));
                return answers.Dequeue();
            });
        await using var sliced = LlmTestKit.Harness(model.Object, plugins: WithSlice);

        var result = await sliced.AskAsync("R001", "hmm so what's the deal with that one big customer of mine");

        Assert.Contains("pipeline_health_check", sent[0].Options!.Tools!.Select(t => t.Name));
        var toolResult = sent[1].Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single().Result?.ToString();
        Assert.Contains(JsonSerializer.Serialize($"You have {OpenFor(sliced, "R001")} open opportunities."), toolResult, StringComparison.Ordinal);
        Assert.Equal("Your pipeline looks busy.", result.Text);
    }
}

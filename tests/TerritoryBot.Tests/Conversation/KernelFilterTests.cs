using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Moq;
using TerritoryBot.Conversation;
using TerritoryBot.Llm;
using TerritoryBot.Tests.Llm;
using FunctionCallContent = Microsoft.Extensions.AI.FunctionCallContent;
using FunctionResultContent = Microsoft.Extensions.AI.FunctionResultContent;

namespace TerritoryBot.Tests.Conversation;

/// <summary>
/// The kernel's function-invocation filters (human-only guard, permission, unknown arguments, exception mapping) and
/// the two library traps: a kernel function run as a plain AIFunction skips the filters, and the kernel ignores
/// argument names a function does not take.
/// </summary>
public sealed class KernelFilterTests
{
    private static readonly PluginTypes Plugins = new([.. LlmTestKit.ProbePlugins.Types, typeof(FaultyProbePlugin)]);

    private static ConversationHarness Harness() => new(configure: s => s.AddSingleton(Plugins));

    private static KernelFunction Function(ConversationHarness harness, string plugin, string name) =>
        harness.Services.GetRequiredService<PluginHost>().Plugins.Single(p => p.Name == plugin)[name];

    private static ChatResponse Calls(params FunctionCallContent[] calls) => new(new ChatMessage(ChatRole.Assistant, [.. calls]));

    private static FunctionCallContent Call(string name, object args) =>
        new("c1", name, JsonSerializer.SerializeToElement(args).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value));

    [Fact]
    public async Task HumanOnly_ForgedModelCallThroughAnInvokerThatSkipsTheToolChecks_IsRefusedAndNothingIsWritten()
    {
        await using var harness = Harness();
        await using var scope = harness.Services.CreateAsyncScope();
        var turn = KernelTurns.For(harness, "R006", scope);
        var settle = Function(harness, "account_probe", "settle");
        var sent = new List<List<ChatMessage>>();
        var model = new Mock<IChatClient>(MockBehavior.Strict);
        var answers = new Queue<ChatResponse>([Calls(Call("account_probe_settle", new { number = 1 })), new(new ChatMessage(ChatRole.Assistant, "done"))]);
        model.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IEnumerable<ChatMessage> m, ChatOptions? _, CancellationToken _) =>
            {
                sent.Add([.. m]);
                return answers.Dequeue();
            });
        // A careless wiring: the writing function offered as a tool and invoked straight through the kernel.
        using var client = new ChatClientBuilder(new LlmTestKit.ModelOnly(model.Object))
            .UseFunctionInvocation(configure: loop => loop.FunctionInvoker = async (context, ct) =>
                (await turn.Kernel.InvokeAsync((KernelFunction)context.Function, new KernelArguments(context.Arguments), ct)).GetValue<object>())
            .Build();
        var before = AccountProbePlugin.Writes;

        await client.GetResponseAsync([new(ChatRole.User, "settle proposal 1")], new ChatOptions { Tools = [settle] });

        Assert.Equal(before, AccountProbePlugin.Writes);
        var result = sent[1].SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single().Result;
        Assert.Equal(KernelFilters.HumanOnlyText, Assert.IsType<Refusal>(result).Text);
    }

    [Fact]
    public async Task HumanOnly_PersonCallsTheSameFunction_ItRuns()
    {
        await using var harness = Harness();
        await using var scope = harness.Services.CreateAsyncScope();
        var turn = KernelTurns.For(harness, "R006", scope);
        var before = AccountProbePlugin.Writes;

        var result = await turn.Kernel.InvokeAsync(Function(harness, "account_probe", "settle"), new KernelArguments { ["number"] = 7 });

        Assert.Equal("settled 7", result.GetValue<TextReply>()!.Text);
        Assert.Equal(before + 1, AccountProbePlugin.Writes);
    }

    [Fact]
    public async Task Trap_KernelFunctionRunAsAPlainAIFunction_SkipsTheFiltersSoTheToolListAndInvokerRefuseIt()
    {
        await using var harness = Harness();
        await using var scope = harness.Services.CreateAsyncScope();
        var turn = KernelTurns.For(harness, "R006", scope);
        AIFunction settle = Function(harness, "account_probe", "settle");
        var before = AccountProbePlugin.Writes;

        // The trap: invoked as an AIFunction the kernel function runs with no filter in the way.
        await settle.InvokeAsync(new AIFunctionArguments(new Dictionary<string, object?> { ["number"] = 1 }));
        Assert.Equal(before + 1, AccountProbePlugin.Writes);

        // So the rule also holds before the kernel: the turn's tools never include it, and the invoker refuses it by name.
        var tools = TurnTools.Create(turn);
        Assert.DoesNotContain(tools.Functions, t => t.Name == settle.Name);
        var arguments = new AIFunctionArguments(new Dictionary<string, object?> { ["number"] = 1 });
        var refused = await tools.InvokeOneAsync(new FunctionCallContent("c1", settle.Name, arguments), settle, arguments, CancellationToken.None);
        Assert.Contains("There is no tool named", refused?.ToString(), StringComparison.Ordinal);
        Assert.Equal(before + 1, AccountProbePlugin.Writes);
    }

    [Fact]
    public async Task Trap_UnknownArgumentName_KernelAloneIgnoresItTheFilterRefusesTheCall()
    {
        await using var harness = Harness();
        await using var scope = harness.Services.CreateAsyncScope();
        var turn = KernelTurns.For(harness, "R001", scope);
        var account = LlmTestKit.OwnedAccount(harness.Data, "R001");
        var function = Function(harness, "account_probe", "account");
        var arguments = new KernelArguments { ["accountId"] = account.AccountId, ["asRep"] = "R002" };

        // The trap: a kernel without our filters runs the call and drops the extra name silently.
        var bare = new Kernel(new ServiceCollection().AddSingleton(turn.PluginContext).BuildServiceProvider());
        Assert.IsType<AccountProbeView>((await bare.InvokeAsync(function, arguments)).GetValue<object>());

        var filtered = (await turn.Kernel.InvokeAsync(function, arguments)).GetValue<object>();
        var problem = Assert.IsType<ProblemReply>(filtered);
        Assert.Contains("asRep", problem.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(account.Name, problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_MissingRequiredArgument_OurWordsNotTheKernels()
    {
        await using var harness = Harness();
        await using var scope = harness.Services.CreateAsyncScope();
        var turn = KernelTurns.For(harness, "R001", scope);

        var result = (await turn.Kernel.InvokeAsync(Function(harness, "account_probe", "account"), new KernelArguments())).GetValue<object>();

        var problem = Assert.IsType<ProblemReply>(result);
        Assert.Contains("accountId", problem.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Missing argument for function parameter", problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_FunctionThrowsFromTyping_PersonGetsTheApologyNotTheMessage()
    {
        await using var harness = Harness();

        var result = await harness.AskAsync("R001", "detonate the probe");

        Assert.Equal("probe_explode", result.IntentName);
        Assert.Equal(KernelFilters.ApologyText, result.Text);
        Assert.DoesNotContain(FaultyProbePlugin.Secret, result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_FunctionThrowsForTheModel_ModelReadsThatTheToolFailed()
    {
        var sent = new List<List<ChatMessage>>();
        var model = new Mock<IChatClient>(MockBehavior.Strict);
        var answers = new Queue<ChatResponse>([Calls(Call("faulty_probe_explode", new { })), new(new ChatMessage(ChatRole.Assistant, "It did not work."))]);
        model.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IEnumerable<ChatMessage> m, ChatOptions? _, CancellationToken _) =>
            {
                sent.Add([.. m]);
                return answers.Dequeue();
            });
        await using var faulty = LlmTestKit.Harness(model.Object, plugins: Plugins);

        var result = await faulty.AskAsync("R001", "hmm so what's the deal with that one big customer of mine");

        var toolResult = string.Join("\n", sent[1].SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.Result?.ToString()));
        Assert.Contains("The tool failed", toolResult, StringComparison.Ordinal);
        Assert.DoesNotContain(FaultyProbePlugin.Secret, toolResult, StringComparison.Ordinal);
        Assert.Equal("It did not work.", result.Text);
    }

    [Fact]
    public async Task Permission_RepCallsATeamFunction_RefusedBeforeItRuns()
    {
        await using var harness = Harness();
        await using var scope = harness.Services.CreateAsyncScope();
        var turn = KernelTurns.For(harness, "R001", scope);

        var result = (await turn.Kernel.InvokeAsync(Function(harness, "team_probe", "team_size"), new KernelArguments())).GetValue<object>();

        Assert.Equal(TerritoryBot.Plugins.TeamScope.TeamOnly("the team size").Text, Assert.IsType<Refusal>(result).Text);
    }

    /// <summary>A function that fails with a message nobody outside should read.</summary>
    internal sealed class FaultyProbePlugin
    {
        public const string Secret = "connection string Password=hunter2";

        [KernelFunction("explode")]
        [Intent("probe_explode", Phrases = ["detonate probe"])]
        [Description("Fails on purpose.")]
        public TextReply Explode() => throw new InvalidOperationException(Secret);
    }
}

using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Demo;
using TerritoryBot.Plugins;

namespace TerritoryBot.Benchmarks.Conversation;

/// <summary>
/// What Semantic Kernel costs per call: `-- --filter '*KernelDispatch*'`. The help function (small, so the dispatch
/// is not hidden behind engine work; 4,200 × 8 demo, a rep) called directly on the plugin, and through the turn's kernel
/// with the five filters (the router's path); making a turn's kernel; and, for comparison, building a plugin per turn by
/// reflection (what the host avoids by building plugins once).
/// </summary>
[MemoryDiagnoser]
public class KernelDispatchBenchmarks
{
    private ServiceProvider services = null!;
    private AsyncServiceScope scope;
    private TurnContext turn = null!;
    private TurnKernels kernels = null!;
    private Kernel kernel = null!;
    private KernelFunction lookup = null!;
    private HelpPlugin plugin = null!;
    private KernelArguments arguments = null!;
    private string accountId = "";

    [GlobalSetup]
    public void Setup()
    {
        var asOf = new DateOnly(2025, 6, 30);
        var data = DemoGenerator.Generate(new DemoOptions(asOf, 4200, 8, 42)).Data;
        var workspace = new Workspace(data, asOf);
        _ = workspace.Scores;
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        collection.AddSingleton<IWorkspaceSource>(new FixedWorkspaceSource(workspace));
        collection.AddConversation();
        services = collection.BuildServiceProvider();
        scope = services.CreateAsyncScope();
        kernels = services.GetRequiredService<TurnKernels>();
        var rep = data.Reps.First(r => r.Role == Core.Model.RepRole.Rep);
        accountId = data.Accounts.First(a => a.OwnerId == rep.RepId).AccountId;
        var user = new ChannelUser(ChannelKind.Cli, rep.RepId);
        turn = new TurnContext(Turn.Message(user, "bench", "tell me about " + accountId), Caller.For(rep, workspace),
            new IntentMatch(Intent.AccountLookup, 1, IntentEntities.None), workspace, () => scope.ServiceProvider, kernels);
        kernel = turn.Kernel;
        lookup = kernels.Host.Plugins.Single(p => p.Name == "help")["help"];
        plugin = new HelpPlugin();
        arguments = new KernelArguments { ["understood"] = true };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
        services.Dispose();
    }

    [Benchmark(Baseline = true)]
    public object DirectCall() => plugin.Help(turn, understood: true);

    [Benchmark]
    public async Task<object?> ThroughKernelWithFilters() => (await kernel.InvokeAsync(lookup, arguments)).GetValue<object>();

    [Benchmark]
    public Kernel CreateTurnKernel() => kernels.Create(turn);

    [Benchmark]
    public KernelPlugin BuildPluginPerTurn() => KernelPluginFactory.CreateFromType<AccountsPlugin>();

    [Benchmark]
    public async Task<object?> LookupThroughKernelWithFilters() =>
        (await kernel.InvokeAsync(kernels.Host.Plugins.Single(p => p.Name == "accounts")["account_lookup"], new KernelArguments { ["accountId"] = accountId })).GetValue<object>();
}

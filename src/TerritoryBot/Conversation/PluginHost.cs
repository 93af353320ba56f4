using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Conversation;

/// <summary>The plugin classes the host builds; every class of the application with a [KernelFunction] unless a host says otherwise.</summary>
internal sealed record PluginTypes(IReadOnlyList<Type> Types)
{
    public static PluginTypes Discover(Assembly assembly) => new(
        [.. assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
                && t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Any(m => m.IsDefined(typeof(KernelFunctionAttribute), inherit: false)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)]);

    public static PluginTypes Application { get; } = Discover(typeof(PluginTypes).Assembly);
}

/// <summary>What the host knows about one kernel function, read once from its attributes.</summary>
internal sealed record FunctionDescriptor(KernelFunction Function, RepRole MinimumRole, bool Writes, string? Subject, bool ModelTool = true)
{
    /// <summary>The name the model knows it by: plugin and function, snake case.</summary>
    public string ToolName => Function.PluginName is { Length: > 0 } plugin ? plugin + "_" + Function.Name : Function.Name;
}

/// <summary>
/// Semantic Kernel as the plugin host. Every plugin class is built once, at start-up, as a singleton
/// (<see cref="KernelPluginFactory.CreateFromObject"/>); per-turn state (the caller, the workspace, the turn's scoped
/// services) reaches a function through <c>[FromKernelServices]</c> from the turn's <see cref="Kernel"/>. The plugin
/// class is its feature's descriptor (<see cref="IntentAttribute"/>, <see cref="AccessAttribute"/>,
/// <see cref="HelpExampleAttribute"/>), and everything that used to be a parallel list is derived here: the intent
/// registry and card verbs, the router's declared phrases, each role's plugin collection and model tools, the
/// read-only intents the answer cache may keep, and help.
/// </summary>
internal sealed partial class PluginHost
{
    private readonly Dictionary<KernelFunction, FunctionDescriptor> byFunction = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(string Plugin, string Name), FunctionDescriptor> byName = [];
    private readonly Dictionary<RepRole, KernelPluginCollection> collections = [];
    private readonly Dictionary<RepRole, IReadOnlyList<KernelFunction>> tools = [];
    private readonly List<(HelpExampleAttribute Example, int Index)> help = [];

    public PluginHost(IServiceProvider services, PluginTypes types)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(types);
        var plugins = new List<KernelPlugin>();
        var handlers = new List<IIntentHandler>();
        var phrases = new List<IntentPatterns.Pattern>();
        var readOnly = new HashSet<Intent>();
        var proposalReaders = new HashSet<Intent>();
        foreach (var type in types.Types)
        {
            var instance = ActivatorUtilities.CreateInstance(services, type);
            var plugin = KernelPluginFactory.CreateFromObject(instance, PluginName(type));
            plugins.Add(plugin);
            foreach (var function in plugin)
            {
                var method = function.UnderlyingMethod ?? throw new InvalidOperationException($"{function.Name} has no method.");
                var access = method.GetCustomAttribute<AccessAttribute>() ?? new AccessAttribute();
                var descriptor = new FunctionDescriptor(function, access.MinimumRole, access.Writes, access.Subject, access.ModelTool);
                byFunction.Add(function, descriptor);
                byName.Add((plugin.Name, function.Name), descriptor);
                foreach (var example in method.GetCustomAttributes<HelpExampleAttribute>())
                {
                    help.Add((example, help.Count));
                }

                foreach (var declared in method.GetCustomAttributes<IntentAttribute>())
                {
                    var intent = new Intent(declared.Name);
                    handlers.Add(new KernelIntentHandler(intent, declared.Verbs, function, Router(type, declared, plugin, function)));
                    phrases.AddRange(declared.Phrases.Select(p => IntentPatterns.Declared(intent, declared.PhraseWeight, p)));
                    var accesses = Routes(type, declared, plugin).Select(f => f.UnderlyingMethod?.GetCustomAttribute<AccessAttribute>()).Append(access).ToList();
                    if (accesses.All(a => a?.Writes != true))
                    {
                        (accesses.Any(a => a?.ReadsProposals == true) ? proposalReaders : readOnly).Add(intent);
                    }
                }
            }
        }

        Plugins = plugins;
        Registry = new IntentRegistry(handlers);
        Phrases = new RouterPhrases(phrases);
        ReadOnlyIntents = readOnly;
        ProposalReadingIntents = proposalReaders;
        foreach (var role in Enum.GetValues<RepRole>())
        {
            var allowed = plugins
                .Select(p => KernelPluginFactory.CreateFromFunctions(p.Name, p.Description, p.Where(f => role >= Describe(f).MinimumRole)))
                .Where(p => p.FunctionCount > 0);
            collections[role] = new KernelPluginCollection(allowed);
            tools[role] = [.. collections[role].SelectMany(p => p).Where(f => Describe(f) is { Writes: false, ModelTool: true }).OrderBy(f => Describe(f).ToolName, StringComparer.Ordinal)];
        }

        // The tools' JSON schemas are made on first use; made here, the first model turn does not pay for them in its budget.
        foreach (AIFunction tool in tools.Values.SelectMany(t => t).Distinct())
        {
            _ = tool.JsonSchema;
        }
    }

    public IReadOnlyList<KernelPlugin> Plugins { get; }

    public IntentRegistry Registry { get; }

    public RouterPhrases Phrases { get; }

    /// <summary>Intents whose every function only reads the workspace: their answers are pure functions of data, caller and words.</summary>
    public IReadOnlySet<Intent> ReadOnlyIntents { get; }

    /// <summary>Intents that only read, but read the stored proposals (<see cref="AccessAttribute.ReadsProposals"/>).</summary>
    public IReadOnlySet<Intent> ProposalReadingIntents { get; }

    /// <summary>The functions a role may call, prebuilt once; a turn's kernel is made over its caller's.</summary>
    public KernelPluginCollection PluginsFor(RepRole role) => collections[role];

    /// <summary>What the model is offered for a caller of this role: the role's functions that only read (and are not router-only), by tool name.</summary>
    public IReadOnlyList<KernelFunction> ToolsFor(RepRole role) => tools[role];

    /// <summary>The descriptor of a function of this host (a role's collection may hold copies: they are found by plugin and name).</summary>
    public FunctionDescriptor Describe(KernelFunction function) => TryDescribe(function)
        ?? throw new InvalidOperationException($"{function.PluginName}.{function.Name} is not a function of this host.");

    public FunctionDescriptor? TryDescribe(KernelFunction function) =>
        byFunction.TryGetValue(function, out var descriptor) ? descriptor
        : byName.TryGetValue((function.PluginName ?? "", function.Name), out descriptor) ? descriptor
        : null;

    /// <summary>Help's example questions for a role, in their declared order.</summary>
    public IReadOnlyList<(string Topic, string Example)> HelpFor(RepRole role) =>
    [
        .. help.Where(h => h.Example.Roles.Contains(role)).OrderBy(h => h.Example.Order).ThenBy(h => h.Index)
            .Select(h => (h.Example.Topic, h.Example.Example)),
    ];

    /// <summary>A plugin's name: its class name without "Plugin", snake case (the first half of every tool name).</summary>
    internal static string PluginName(Type type)
    {
        var name = type.Name.EndsWith("Plugin", StringComparison.Ordinal) ? type.Name[..^"Plugin".Length] : type.Name;
        return SnakeBoundary().Replace(name, "_$1").ToLowerInvariant();
    }

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex SnakeBoundary();

    /// <summary>How a turn becomes a call: the plugin's declared route, or the entities bound to the function's parameters by name.</summary>
    private static Func<TurnContext, (KernelFunction, KernelArguments)> Router(Type type, IntentAttribute declared, KernelPlugin plugin, KernelFunction function)
    {
        if (declared.Route is null)
        {
            return turn => (function, EntityArguments.For(function, turn));
        }

        // A delegate, not MethodInfo.Invoke: a route's TurnInputException must reach the core as itself.
        var route = RouteMethod(type, declared).CreateDelegate<Func<TurnContext, (string, KernelArguments)>>();
        return turn =>
        {
            var (name, arguments) = route(turn);
            return (plugin[name], arguments);
        };
    }

    /// <summary>The functions an intent's route may choose (declared with <see cref="RoutesToAttribute"/>); none for a plain intent.</summary>
    private static IEnumerable<KernelFunction> Routes(Type type, IntentAttribute declared, KernelPlugin plugin) =>
        declared.Route is null
            ? []
            : (RouteMethod(type, declared).GetCustomAttribute<RoutesToAttribute>()?.Functions ?? []).Select(name => plugin[name]);

    private static MethodInfo RouteMethod(Type type, IntentAttribute declared) =>
        type.GetMethod(declared.Route!, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(TurnContext)])
            is { } method && method.ReturnType == typeof((string, KernelArguments))
            ? method
            : throw new InvalidOperationException(
                $"{type.Name}: the route '{declared.Route}' of intent '{declared.Name}' must be a static method (string, KernelArguments) {declared.Route}(TurnContext).");
}

/// <summary>On a route method: the functions it may choose, so the host can tell whether its intent only reads.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class RoutesToAttribute(params string[] functions) : Attribute
{
    public IReadOnlyList<string> Functions => functions;
}

/// <summary>An intent answered by a kernel function: the turn is routed to a function and arguments, invoked through the turn's kernel (so the filters run).</summary>
internal sealed class KernelIntentHandler(
    Intent intent, IReadOnlyList<string> verbs, KernelFunction function, Func<TurnContext, (KernelFunction Function, KernelArguments Arguments)> route)
    : IIntentHandler
{
    public Intent Intent => intent;

    public IReadOnlyList<string> Verbs => verbs;

    public KernelFunction Function => function;

    public async Task<IViewModel> HandleAsync(TurnContext turn, CancellationToken ct)
    {
        var (target, arguments) = route(turn);
        var result = await turn.Kernel.InvokeAsync(target, arguments, ct);
        return result.GetValue<IViewModel>() ?? throw new InvalidOperationException($"{target.Name} returned no view.");
    }
}

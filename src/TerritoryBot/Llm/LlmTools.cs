using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using TerritoryBot.Conversation;
using TerritoryBot.Core.Model;
using TerritoryBot.Plugins;

namespace TerritoryBot.Llm;

/// <summary>A plugin the model may call, and the least role that gets it as a tool (Rep &lt; Manager &lt; Ops).</summary>
internal sealed record ToolPlugin(Type PluginType, RepRole MinimumRole);

/// <summary>
/// Which plugin methods become tools for which role. Only public instance methods with a [Description] that return
/// a view model are offered, and only read-only ones: never a method marked <see cref="HumanOnlyAttribute"/> (every
/// method that proposes, reverts, approves or rejects a reassignment) nor one named like a change (Propose…, Approve…,
/// Create…, Delete…). Changing data takes a person's words or button press, whatever the model is told.
/// </summary>
internal sealed partial class LlmToolCatalog(IEnumerable<ToolPlugin> plugins)
{
    /// <summary>The plugins offered to the model; add a line per plugin (the role is the least that may use it).</summary>
    public static IReadOnlyList<ToolPlugin> Default { get; } =
    [
        new(typeof(HelpPlugin), RepRole.Rep),
        new(typeof(TerritoryPlugin), RepRole.Rep),
        new(typeof(AccountsPlugin), RepRole.Rep),
        new(typeof(WhitespacePlugin), RepRole.Rep),
        new(typeof(PlansPlugin), RepRole.Rep),
        new(typeof(FitPlugin), RepRole.Rep),
        new(typeof(ProposalsPlugin), RepRole.Rep),
        new(typeof(ScenariosPlugin), RepRole.Manager),
        new(typeof(FairnessPlugin), RepRole.Manager),
        new(typeof(CoveragePlugin), RepRole.Manager),
    ];

    private readonly IReadOnlyList<ToolPlugin> plugins = [.. plugins];

    public LlmToolCatalog()
        : this(Default)
    {
    }

    /// <summary>
    /// The methods a role is offered, in a stable order (plugin, then method name). Of overloads (one tool name),
    /// the one with the most parameters is offered.
    /// </summary>
    public IReadOnlyList<(Type Plugin, MethodInfo Method)> MethodsFor(RepRole role) =>
    [
        .. plugins.Where(p => role >= p.MinimumRole)
            .SelectMany(p => ToolMethods(p.PluginType).Select(m => (p.PluginType, m)))
            .DistinctBy(t => ToolName(t.PluginType, t.m), StringComparer.Ordinal),
    ];

    /// <summary>
    /// The tools of one turn: the caller's plugins constructed exactly as <see cref="TurnContext.Plugin{T}"/> does
    /// (so the caller, and with it identity, role and scope, is fixed in the instance; no tool takes a user id).
    /// A plugin is constructed when the model first calls it, so one that cannot be built here (ask --data has no
    /// database for proposals) fails only its own calls, with the message a person would get.
    /// </summary>
    public TurnTools Create(TurnContext turn, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var tools = new TurnTools(logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var instances = new Dictionary<Type, object>();
        foreach (var (type, method) in MethodsFor(turn.Caller.Role))
        {
            object Instance(AIFunctionArguments _)
            {
                if (!instances.TryGetValue(type, out var instance))
                {
                    instance = ActivatorUtilities.CreateInstance(turn.Services, type, new PluginContext(turn.Caller, turn.Workspace));
                    instances[type] = instance;
                }

                return instance;
            }

            tools.Add(AIFunctionFactory.Create(method, Instance, new AIFunctionFactoryOptions
            {
                Name = ToolName(type, method),
                SerializerOptions = LlmJson.Options,
                MarshalResult = (result, _, _) => new ValueTask<object?>(tools.Record(result)),
            }));
        }

        return tools;
    }

    /// <summary>Never offered to a model: marked human-only, or named like a change (the name rule catches a mark forgotten).</summary>
    internal static bool IsHumanOnly(MethodInfo method) =>
        method.IsDefined(typeof(HumanOnlyAttribute), inherit: false) || ChangeName().IsMatch(method.Name);

    internal static IEnumerable<MethodInfo> ToolMethods(Type plugin) =>
        plugin.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetCustomAttribute<DescriptionAttribute>() is not null && ReturnsView(m) && !IsHumanOnly(m))
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ThenByDescending(m => m.GetParameters().Length);

    internal static string ToolName(Type plugin, MethodInfo method)
    {
        var area = plugin.Name.EndsWith("Plugin", StringComparison.Ordinal) ? plugin.Name[..^"Plugin".Length] : plugin.Name;
        var name = method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name[..^"Async".Length] : method.Name;
        return $"{Snake(area)}_{Snake(name)}";
    }

    private static bool ReturnsView(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            type = type.GetGenericArguments()[0];
        }

        return typeof(IViewModel).IsAssignableFrom(type);
    }

    private static string Snake(string name) => SnakeBoundary().Replace(name, "_$1").ToLowerInvariant();

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex SnakeBoundary();

    /// <summary>Verbs that change data, as a whole first word (Propose and ProposeMoves match; Compare and Settings do not).</summary>
    [GeneratedRegex("^(Approve|Reject|Revert|Apply|Decide|Propose|Create|Add|Delete|Remove|Update|Set|Save|Import|Move|Assign|Reassign|Cancel|Send|Notify)(?![a-z])")]
    private static partial Regex ChangeName();
}

/// <summary>
/// The tools of one turn and what they returned: the last view model (its card ends the answer) and every result
/// as the model saw it (the sources the grounding check accepts numbers from).
/// </summary>
internal sealed class TurnTools(ILogger logger)
{
    /// <summary>Tool results larger than this reach the model as the view's text only.</summary>
    public const int MaxResultChars = 16_000;

    private readonly Dictionary<string, AIFunction> byName = new(StringComparer.Ordinal);
    private readonly List<string> sources = [];

    public IReadOnlyList<AITool> Functions => [.. byName.Values];
    public IReadOnlyCollection<string> Names => byName.Keys;
    public IViewModel? LastView { get; private set; }
    public IReadOnlyList<string> Sources => sources;

    public void Add(AIFunction function) => byName.Add(function.Name, function);

    /// <summary>Where the turn's tools travel in <see cref="ChatOptions.AdditionalProperties"/> to the loop's invoker.</summary>
    public const string OptionsKey = "territorybot.turn-tools";

    /// <summary>
    /// The function-invocation loop's <c>FunctionInvoker</c>: every call the model asks for runs here, with the turn's
    /// tools taken from the request's options. A call outside a turn (no tools in the options) runs nothing.
    /// </summary>
    public static ValueTask<object?> InvokeAsync(FunctionInvocationContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Options?.AdditionalProperties?.TryGetValue(OptionsKey, out var value) == true && value is TurnTools tools
            ? tools.InvokeOneAsync(context.CallContent, context.Function, context.Arguments, ct)
            : new ValueTask<object?>(Error("No tools are available here. Answer without them."));
    }

    /// <summary>
    /// Runs one call the model asked for. Only a function this turn offered runs (the loop already ends on an unknown
    /// name; this holds even for a function slipped in another way). Every failure (malformed or mistyped arguments, an
    /// argument the tool does not take, an unknown id, a plugin error) becomes an error result the model can read;
    /// nothing escapes but cancellation.
    /// </summary>
    internal async ValueTask<object?> InvokeOneAsync(FunctionCallContent call, AIFunction requested, AIFunctionArguments arguments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!byName.TryGetValue(call.Name, out var function) || !ReferenceEquals(function, requested))
        {
            return Error($"There is no tool named '{Clip(call.Name)}'. Use only the tools provided.");
        }

        if (call.Exception is not null)
        {
            return Error("The arguments were not a valid JSON object. Call the tool again with valid JSON arguments.");
        }

        if (UnknownArgument(function, arguments) is { } unknown)
        {
            return Error($"The arguments do not fit this tool (it takes no parameter '{Clip(unknown)}'). Check the parameter names and types.");
        }

        try
        {
            return await function.InvokeAsync(arguments, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (TurnInputException e)
        {
            return Error(e.Message);
        }
        catch (Exception e) when (e is ArgumentException or JsonException or FormatException or InvalidCastException or NotSupportedException)
        {
            return Error("The arguments do not fit this tool (" + Clip(e.Message) + "). Check the parameter names and types.");
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "LLM tool {Tool} failed", call.Name);
            return Error("The tool failed. Answer without it.");
        }
    }

    /// <summary>The first argument name the function's schema does not declare, or null (libraries ignore extras silently).</summary>
    internal static string? UnknownArgument(AIFunction function, IEnumerable<KeyValuePair<string, object?>> arguments)
    {
        if (!function.JsonSchema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return arguments.Select(a => a.Key).FirstOrDefault();
        }

        return arguments.Select(a => a.Key).FirstOrDefault(name => !properties.TryGetProperty(name, out _));
    }

    /// <summary>Records a view model the tool returned and gives the model its JSON inside a data block.</summary>
    internal string Record(object? result)
    {
        if (result is IViewModel view)
        {
            LastView = view;
        }

        var json = Serialize(result);
        sources.Add(json);
        return "<data>" + json + "</data>";
    }

    private static string Serialize(object? result)
    {
        if (result is null)
        {
            return "null";
        }

        try
        {
            var json = JsonSerializer.Serialize(result, result.GetType(), LlmJson.Options);
            if (json.Length <= MaxResultChars || result is not IViewModel view)
            {
                return json;
            }

            return JsonSerializer.Serialize(new { text = Truncate(view.Text) }, LlmJson.Options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return JsonSerializer.Serialize(new { text = result is IViewModel v ? Truncate(v.Text) : "" }, LlmJson.Options);
        }
    }

    private static string Truncate(string text) => text.Length <= MaxResultChars ? text : text[..MaxResultChars];

    private static string Error(string message) =>
        "<data>" + JsonSerializer.Serialize(new { error = message }, LlmJson.Options) + "</data>";

    private static string Clip(string text) => text.Length <= 120 ? text : text[..120] + "…";
}

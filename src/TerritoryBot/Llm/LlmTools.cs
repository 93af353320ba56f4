using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using FunctionCallContent = Microsoft.Extensions.AI.FunctionCallContent;
using FunctionInvocationContext = Microsoft.Extensions.AI.FunctionInvocationContext;
using TerritoryBot.Conversation;

namespace TerritoryBot.Llm;

/// <summary>
/// The tools of one turn and what they returned: the last view model (its card ends the answer) and every result
/// as the model saw it (the sources the grounding check accepts numbers from).
/// </summary>
internal sealed class TurnTools
{
    /// <summary>Tool results larger than this reach the model as the view's text only.</summary>
    public const int MaxResultChars = 16_000;

    private readonly Dictionary<string, KernelFunction> byName = new(StringComparer.Ordinal);
    private readonly List<string> sources = [];
    private readonly TurnContext turn;
    private readonly ILogger logger;

    private TurnTools(TurnContext turn, IEnumerable<KernelFunction> functions, ILogger logger)
    {
        this.turn = turn;
        this.logger = logger;
        foreach (var function in functions)
        {
            byName.Add(((AIFunction)function).Name, function);
        }
    }

    /// <summary>
    /// The tools of one turn: the caller's role's read-only kernel functions (a <see cref="KernelFunction"/> is an
    /// <see cref="AIFunction"/>), prebuilt by the plugin host. No tool takes a user id: who asks is the turn's.
    /// </summary>
    public static TurnTools Create(TurnContext turn, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new TurnTools(turn, turn.Kernels.Host.ToolsFor(turn.Caller.Role), logger ?? NullLogger.Instance);
    }

    public IReadOnlyList<AITool> Functions => [.. byName.Values];
    public IReadOnlyCollection<string> Names => byName.Keys;
    public IViewModel? LastView { get; private set; }
    public IReadOnlyList<string> Sources => sources;


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
    /// Runs one call the model asked for, through the turn's kernel so the filters run (a kernel function invoked as a
    /// plain <see cref="AIFunction"/> would skip them). Only a function this turn offered runs, and never one that
    /// writes, whatever reached the invoker. Every failure becomes an error result the model can read (the filters turn
    /// exceptions into <see cref="ProblemReply"/>); nothing escapes but cancellation.
    /// </summary>
    internal async ValueTask<object?> InvokeOneAsync(FunctionCallContent call, AIFunction requested, AIFunctionArguments arguments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!byName.TryGetValue(call.Name, out var function) || !ReferenceEquals(function, requested)
            || turn.Kernels.Host.TryDescribe(function) is not { Writes: false, ModelTool: true })
        {
            return Error($"There is no tool named '{TextClip.Clip(call.Name, TextClip.ModelFeedback)}'. Use only the tools provided.");
        }

        if (call.Exception is not null)
        {
            return Error("The arguments were not a valid JSON object. Call the tool again with valid JSON arguments.");
        }

        var result = await turn.Kernel.InvokeAsync(function, new KernelArguments(arguments), ct);
        var value = result.GetValue<object>();
        if (value is ProblemReply problem)
        {
            logger.LogDebug("LLM tool {Tool} answered with a problem", call.Name);
            return Error(problem.Text);
        }

        return Record(value);
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
}

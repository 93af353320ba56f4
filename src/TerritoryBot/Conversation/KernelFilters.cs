using System.Diagnostics;
using Microsoft.SemanticKernel;
using TerritoryBot.Plugins;

namespace TerritoryBot.Conversation;

/// <summary>
/// What cuts across every kernel call, as Semantic Kernel function-invocation filters, outermost first: structured
/// logging, the human-only guard, role permission, unknown argument names, and mapping exceptions to answers. They run
/// for the router's calls and the model's alike (the model's calls go through the kernel, see <c>TurnTools</c>).
/// </summary>
internal static class KernelFilters
{
    public const string ApologyText = "Sorry, something went wrong on my side while answering that. It has been logged; please try again.";

    public const string HumanOnlyText =
        "That changes data, and changes need a person's own words or button press; a model's tool call never makes them.";

    /// <summary>A call the model asked for runs inside the function-invocation loop, which says so for the current flow.</summary>
    public static bool FromModel => Microsoft.Extensions.AI.FunctionInvokingChatClient.CurrentContext is not null;

    public static IReadOnlyList<IFunctionInvocationFilter> All(PluginHost host, ILoggerFactory loggers) =>
    [
        new CallLog(host, loggers.CreateLogger("TerritoryBot.Conversation.KernelCalls")),
        new HumanOnly(host),
        new Permission(host),
        new KnownArguments(),
        new Errors(loggers.CreateLogger("TerritoryBot.Conversation.KernelErrors")),
    ];

    private static Caller? CallerOf(FunctionInvocationContext context) => context.Kernel.Services.GetService<PluginContext>()?.Caller;

    private static void Answer(FunctionInvocationContext context, IViewModel view) =>
        context.Result = new FunctionResult(context.Function, view);

    /// <summary>One line per call: function, caller role, duration and outcome — never the arguments (they carry people's data).</summary>
    private sealed class CallLog(PluginHost host, ILogger logger) : IFunctionInvocationFilter
    {
        public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
        {
            if (!logger.IsEnabled(LogLevel.Debug))
            {
                await next(context);
                return;
            }

            var started = Stopwatch.GetTimestamp();
            var outcome = "failed";
            try
            {
                await next(context);
                outcome = context.Result.GetValue<object>() switch
                {
                    Refusal => "refused",
                    ProblemReply => "problem",
                    _ => "answered",
                };
            }
            finally
            {
                logger.LogDebug(
                    "Kernel call {Function} by {Role} from {Origin}: {Outcome} in {Milliseconds:0.000} ms",
                    host.TryDescribe(context.Function)?.ToolName ?? context.Function.Name, CallerOf(context)?.Role, FromModel ? "model" : "person",
                    outcome, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    /// <summary>No model-originated call to a function that writes, whatever tool list or invoker let it through.</summary>
    private sealed class HumanOnly(PluginHost host) : IFunctionInvocationFilter
    {
        public Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
        {
            if (FromModel && host.TryDescribe(context.Function) is not { Writes: false })
            {
                Answer(context, new Refusal(HumanOnlyText));
                return Task.CompletedTask;
            }

            return next(context);
        }
    }

    /// <summary>A caller below a function's minimum role gets its refusal; scope within a role (whose accounts) is the plugin's.</summary>
    private sealed class Permission(PluginHost host) : IFunctionInvocationFilter
    {
        public Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
        {
            var descriptor = host.TryDescribe(context.Function);
            if (descriptor is null || CallerOf(context) is not { } caller)
            {
                // Not ours, or no caller: nothing runs without both.
                Answer(context, new Refusal("Sorry, I can't do that for you."));
                return Task.CompletedTask;
            }

            if (caller.Role < descriptor.MinimumRole)
            {
                Answer(context, descriptor.Subject is { } subject
                    ? TeamScope.TeamOnly(subject)
                    : new Refusal("Sorry, that is for managers and sales ops, so I can't do it for you."));
                return Task.CompletedTask;
            }

            return next(context);
        }
    }

    /// <summary>Semantic Kernel ignores argument names a function does not take; a call that names one is refused instead.</summary>
    private sealed class KnownArguments : IFunctionInvocationFilter
    {
        public Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
        {
            var parameters = context.Function.Metadata.Parameters;
            foreach (var name in context.Arguments.Names)
            {
                if (!parameters.Any(p => string.Equals(p.Name, name, StringComparison.Ordinal)))
                {
                    Answer(context, new ProblemReply(
                        $"The arguments do not fit this tool (it takes no parameter '{Clip(name)}'). Check the parameter names and types."));
                    return Task.CompletedTask;
                }
            }

            return next(context);
        }
    }

    /// <summary>
    /// Exceptions become answers in our words: input problems say what was wrong, arguments that do not bind say which
    /// parameter, anything else is logged and apologised for. Semantic Kernel's own messages never pass.
    /// </summary>
    private sealed class Errors(ILogger logger) : IFunctionInvocationFilter
    {
        public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
        {
            try
            {
                await next(context);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (TurnInputException e)
            {
                Answer(context, new ProblemReply(e.Message));
            }
            catch (Exception e) when (Binding(e) is { } parameter)
            {
                Answer(context, new ProblemReply(
                    parameter == "?"
                        ? "The arguments do not fit this tool. Check the parameter names and types."
                        : $"The arguments do not fit this tool (parameter '{Clip(parameter)}' is missing or has the wrong type). Check the parameter names and types."));
            }
            catch (Exception e)
            {
                logger.LogError(e, "Kernel call {Function} failed", context.Function.Name);
                Answer(context, new ProblemReply(FromModel ? "The tool failed. Answer without it." : ApologyText));
            }
        }

        /// <summary>
        /// The parameter an argument-binding failure is about ("?" when the exception does not say), or null for any other
        /// failure. As before the kernel, these exception types mean "the arguments do not fit" wherever they come from.
        /// </summary>
        private static string? Binding(Exception e) => e switch
        {
            KernelException { InnerException: ArgumentException { ParamName: { } name } } => name,
            KernelException => "?",
            ArgumentException { ParamName: { } name } => name,
            ArgumentException or System.Text.Json.JsonException or FormatException or InvalidCastException or NotSupportedException => "?",
            _ => null,
        };
    }

    private static string Clip(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

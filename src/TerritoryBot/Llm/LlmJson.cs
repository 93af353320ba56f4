using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace TerritoryBot.Llm;

internal static class LlmJson
{
    /// <summary>
    /// How view models and facts are written for the model and how tool arguments are bound. The default encoder
    /// escapes &lt; and &gt;, so a note containing "&lt;/data&gt;" cannot close the data block it is delimited by;
    /// unknown argument names are refused instead of silently ignored.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(AIJsonUtilities.DefaultOptions)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            ReferenceHandler = ReferenceHandler.IgnoreCycles,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            MaxDepth = 16,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

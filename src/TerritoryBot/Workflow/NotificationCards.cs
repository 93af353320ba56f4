using System.Text.Json;
using System.Text.Json.Serialization;
using TerritoryBot.Cards;

namespace TerritoryBot.Workflow;

/// <summary>Cards stored in the outbox's card_json column: written with <see cref="CardJson"/>, read back into the card model.</summary>
internal static class NotificationCards
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static string? Write(AdaptiveCard? card) => card is null ? null : CardJson.Serialize(card);

    /// <summary>The stored card, or null when there is none or it cannot be read (the text is still delivered).</summary>
    public static AdaptiveCard? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<AdaptiveCard>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        // The same naming as CardJson, so what it writes reads back.
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, AllowOutOfOrderMetadataProperties = true };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

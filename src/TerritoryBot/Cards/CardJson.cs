using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TerritoryBot.Cards;

/// <summary>Serialises the card model to Adaptive Card JSON and keeps cards under the host size limit.</summary>
internal static class CardJson
{
    /// <summary>Teams rejects bot messages over about 28 KB; every card must fit.</summary>
    public const int MaxBytes = 28 * 1024;

    private static readonly JsonSerializerOptions Compact = Create(indented: false);
    private static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Cards are JSON payloads, never embedded in HTML: keep "…", "€" and quotes readable and small.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>The JSON sent to a host (compact).</summary>
    public static string Serialize(AdaptiveCard card) => JsonSerializer.Serialize(card, Compact);

    /// <summary>Indented JSON, for snapshots and people.</summary>
    public static string SerializeIndented(AdaptiveCard card) => JsonSerializer.Serialize(card, Indented);

    public static int SizeInBytes(AdaptiveCard card) => JsonSerializer.SerializeToUtf8Bytes(card, Compact).Length;

    /// <summary>
    /// The compact JSON of the card made to fit <paramref name="maxBytes"/> (<see cref="FitToSize"/>): serialised once
    /// when it already fits, which is the usual case, so the JSON that was measured is the JSON sent.
    /// </summary>
    public static string SerializeFitted(AdaptiveCard card, int maxBytes = MaxBytes)
    {
        var json = Serialize(card);
        return Encoding.UTF8.GetByteCount(json) <= maxBytes ? json : Serialize(FitToSize(card, maxBytes));
    }

    /// <summary>
    /// Makes the card fit <paramref name="maxBytes"/>: when it is too large, every <see cref="Container.Trimmable"/>
    /// list keeps at most its first k rows, followed by "…and N more", with the largest k that fits.
    /// Changes the card in place and returns it.
    /// </summary>
    /// <exception cref="InvalidOperationException">Even with every trimmable list emptied the card is too large
    /// (a card design error, not a data condition).</exception>
    public static AdaptiveCard FitToSize(AdaptiveCard card, int maxBytes = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        if (SizeInBytes(card) <= maxBytes)
        {
            return card;
        }

        var lists = Trimmables(card).Select(c => (Container: c, Rows: c.Items.ToList())).ToList();
        int longest = lists.Count == 0 ? 0 : lists.Max(l => l.Rows.Count);

        void Keep(int k)
        {
            foreach (var (container, rows) in lists)
            {
                container.Items = rows.Count <= k ? [.. rows] : [.. rows.Take(k), MoreLine(rows.Count - k)];
            }
        }

        // The size grows with k, so a binary search finds the largest k that fits.
        int low = 0, high = longest - 1;
        Keep(0);
        if (lists.Count == 0 || SizeInBytes(card) > maxBytes)
        {
            Keep(longest);
            throw new InvalidOperationException(
                $"The card is {SizeInBytes(card)} bytes and still over {maxBytes} bytes with every trimmable list emptied.");
        }

        while (low < high)
        {
            int mid = low + ((high - low + 1) / 2);
            Keep(mid);
            if (SizeInBytes(card) <= maxBytes)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        Keep(low);
        return card;
    }

    private static TextBlock MoreLine(int more) =>
        new($"…and {more} more") { IsSubtle = true, Wrap = true, Spacing = Spacing.Small };

    private static IEnumerable<Container> Trimmables(AdaptiveCard card) =>
        card.Body.Concat(card.Actions?.OfType<ShowCardAction>().SelectMany(a => a.Card.Body) ?? [])
            .SelectMany(Walk)
            .OfType<Container>()
            .Where(c => c.Trimmable);

    private static IEnumerable<CardElement> Walk(CardElement element)
    {
        yield return element;
        IEnumerable<CardElement> children = element switch
        {
            Container c => c.Items,
            ColumnSet s => s.Columns.SelectMany(c => c.Items),
            _ => [],
        };
        if (element.Fallback is not null)
        {
            children = children.Append(element.Fallback);
        }

        foreach (var child in children)
        {
            foreach (var e in Walk(child))
            {
                yield return e;
            }
        }
    }
}

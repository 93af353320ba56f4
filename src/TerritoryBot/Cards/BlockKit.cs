using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TerritoryBot.Cards;

/// <summary>A Slack message: the notification/fallback text and the Block Kit blocks.</summary>
internal sealed record SlackMessage(string Text, JsonArray Blocks)
{
    /// <summary>
    /// A chat.postMessage / response_url body: text and blocks (copied, so one message can be sent many times) plus
    /// the given fields (null values are left out).
    /// </summary>
    public JsonObject Payload(params (string Name, JsonNode? Value)[] fields)
    {
        var payload = new JsonObject();
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                payload[name] = value;
            }
        }

        payload["text"] = Text;
        payload["blocks"] = Blocks.DeepClone();
        return payload;
    }

    /// <summary>The compact JSON of text and blocks: what Slack counts against its message size.</summary>
    public int JsonLength => BlockKit.Json(new JsonObject { ["text"] = Text, ["blocks"] = Blocks.DeepClone() }).Length;
}

/// <summary>
/// Renders the card model (<see cref="AdaptiveCard"/>) as a Slack Block Kit message within Slack's limits:
/// large text → header, text → section (mrkdwn, with data escaped so it cannot ping, link or format), subtle
/// text → context, facts → section fields, column-set rows → compact lines in one section, containers → their
/// items, charts → their fallback, Action.Execute / Action.Submit → buttons (action_id = verb, value = data JSON),
/// Action.ShowCard → its body (Input.Text → an input block) followed by its buttons.
/// </summary>
/// <remarks>
/// Buttons are grouped by a scope in their block id ("m" for the message, "s1", "s2"… for show-cards): the Slack
/// adapter merges into a button's data only the inputs of its own scope (<see cref="ScopeOf"/>), like an
/// Adaptive Card host sends a show-card's inputs with its own actions.
/// </remarks>
internal static class BlockKit
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxFields = 10;
    public const int MaxFieldText = 2000;
    public const int MaxHeaderText = 150;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;
    public const int MaxActionsPerBlock = 25;
    public const int MaxIdLength = 255;
    public const int MaxInputLabel = 2000;
    public const int MaxPlaceholder = 150;
    public const int MaxInputLength = 3000;
    public const int MaxText = 3000;

    /// <summary>Slack has rejected messages near 13k characters (msg_blocks_too_long); messages are kept under this.</summary>
    public const int TargetJsonLength = 12_000;

    /// <summary>Separates a verb from the counter that makes a repeated verb's action_id unique ("accounts.top#2").</summary>
    public const char ActionIdSuffix = '#';

    private const string MessageScope = "m";
    private const string ZeroWidthSpace = "\u200B";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Renders <paramref name="card"/> (text-only when null) with <paramref name="text"/> as the notification text.</summary>
    public static SlackMessage Render(AdaptiveCard? card, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fallback = Escape(TextClip.Clip(text, MaxText));
        if (card is null)
        {
            return new SlackMessage(fallback, fallback.Trim().Length == 0 ? [] : [Section(fallback)]);
        }

        var renderer = new Renderer();
        renderer.Body(card.Body, MessageScope);
        var body = renderer.TakeBlocks();
        var actions = new List<CardAction>(card.Actions ?? []);
        renderer.Actions(actions.Where(a => a is not ShowCardAction), MessageScope);
        foreach (var show in actions.OfType<ShowCardAction>())
        {
            renderer.ShowCard(show);
        }

        var tail = renderer.TakeBlocks();
        return Fit(fallback, body, tail);
    }

    /// <summary>The verb of an action_id ("accounts.top#2" → "accounts.top").</summary>
    public static string VerbOf(string actionId)
    {
        ArgumentNullException.ThrowIfNull(actionId);
        int hash = actionId.LastIndexOf(ActionIdSuffix);
        return hash > 0 && hash < actionId.Length - 1 && actionId[(hash + 1)..].All(char.IsAsciiDigit) ? actionId[..hash] : actionId;
    }

    /// <summary>The scope of a block id ("s1/a0" → "s1"; null when the block is not one of ours).</summary>
    public static string? ScopeOf(string? blockId)
    {
        if (blockId is null)
        {
            return null;
        }

        int slash = blockId.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? blockId[..slash] : null;
    }

    /// <summary>Whether a block id names an input block (its action_id is the input's id).</summary>
    public static bool IsInputBlock(string blockId) =>
        blockId.IndexOf("/in/", StringComparison.Ordinal) is var i && i > 0 && i == blockId.IndexOf('/', StringComparison.Ordinal);

    /// <summary>
    /// Text for a mrkdwn field: &amp;, &lt; and &gt; escaped (so nothing forms a link or a mention such as
    /// &lt;!channel&gt;), a zero-width space after the formatting characters * _ ~ ` (Slack has no escape for them)
    /// and after the @ of @channel / @here / @everyone.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 16);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '*' or '_' or '~' or '`': sb.Append(c).Append(ZeroWidthSpace); break;
                case '@' when StartsWithBroadcast(text.AsSpan(i + 1)): sb.Append(c).Append(ZeroWidthSpace); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    private static bool StartsWithBroadcast(ReadOnlySpan<char> rest) =>
        rest.StartsWith("channel", StringComparison.OrdinalIgnoreCase)
        || rest.StartsWith("here", StringComparison.OrdinalIgnoreCase)
        || rest.StartsWith("everyone", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Card text (the Adaptive Cards markdown subset the card model is written in) as Slack mrkdwn: <c>**bold**</c> →
    /// <c>*bold*</c>, <c>_italic_</c> / <c>*italic*</c> → <c>_italic_</c>, <c>[text](url)</c> → "text (url)", a
    /// backslash escape (<c>\*</c>, <c>\_</c>, <c>1\.</c>) → the literal character; every literal run is
    /// <see cref="Escape"/>d.
    /// </summary>
    public static string Markdown(string text, bool inBold = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert(text, inBold, plain: false);
    }

    /// <summary>Card markdown as plain text (markup dropped, escapes resolved), for plain_text objects.</summary>
    public static string Plain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert(text, inBold: true, plain: true);
    }

    private static string Convert(string text, bool inBold, bool plain)
    {
        var output = new StringBuilder(text.Length + 8);
        var literal = new StringBuilder();
        void Flush()
        {
            output.Append(plain ? literal.ToString() : Escape(literal.ToString()));
            literal.Clear();
        }

        void Markup(string inner, bool bold)
        {
            Flush();
            var converted = Convert(inner, inBold || bold, plain);
            if (plain || (bold && inBold) || converted.Trim().Length == 0)
            {
                output.Append(converted);
            }
            else
            {
                char mark = bold ? '*' : '_';
                output.Append(mark).Append(converted.Trim()).Append(mark);
            }
        }

        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\\' && i + 1 < text.Length && IsMarkdownEscapable(text[i + 1]))
            {
                literal.Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*' && Closing(text, i + 2, "**") is var boldEnd && boldEnd > i + 2)
            {
                Markup(text[(i + 2)..boldEnd], bold: true);
                i = boldEnd + 2;
                continue;
            }

            if (c is '*' or '_' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1])
                && Closing(text, i + 1, c.ToString()) is var end && end > i + 1 && !char.IsWhiteSpace(text[end - 1]))
            {
                Markup(text[(i + 1)..end], bold: false);
                i = end + 1;
                continue;
            }

            if (c == '[' && Closing(text, i + 1, "](") is var mid && mid > i && Closing(text, mid + 2, ")") is var close && close > mid + 2)
            {
                Flush();
                output.Append(Convert(text[(i + 1)..mid], inBold, plain));
                literal.Append(" (").Append(text, mid + 2, close - mid - 2).Append(')');
                i = close + 1;
                continue;
            }

            literal.Append(c);
            i++;
        }

        Flush();
        return output.ToString();
    }

    private static bool IsMarkdownEscapable(char c) => c is '\\' or '*' or '_' or '[' or ']' or '`' or '~' or '.' or '-' or '+' or '#' or '>' or '(' or ')' or '!';

    /// <summary>The index of <paramref name="token"/> at or after <paramref name="start"/>, skipping backslash escapes; -1 when absent.</summary>
    private static int Closing(string text, int start, string token)
    {
        for (int i = start; i <= text.Length - token.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (string.CompareOrdinal(text, i, token, 0, token.Length) == 0)
            {
                return i;
            }
        }

        return -1;
    }

    internal static string Json(JsonNode node) => node.ToJsonString(Compact);

    /// <summary>
    /// Keeps the message inside 50 blocks and the size target: the action blocks (the tail) always stay; body
    /// blocks are kept from the top and the rest replaced by one "…and N more" context block.
    /// </summary>
    private static SlackMessage Fit(string text, List<JsonObject> body, List<JsonObject> tail)
    {
        if (tail.Count > MaxBlocks - 1)
        {
            tail = tail.Take(MaxBlocks - 1).ToList();
        }

        // Compact JSON is the concatenation of its parts, so the length of any cut is known without building it.
        int frame = Json(new JsonObject { ["text"] = text, ["blocks"] = new JsonArray() }).Length;
        var bodyLengths = body.Select(b => Json(b).Length).ToList();
        int tailLength = tail.Sum(b => Json(b).Length);

        int Length(int k)
        {
            int count = k + (k < body.Count ? 1 : 0) + tail.Count;
            int more = k < body.Count ? Json(Context($"…and {body.Count - k} more")).Length : 0;
            return frame + bodyLengths.Take(k).Sum() + more + tailLength + Math.Max(0, count - 1);
        }

        int high = Math.Min(body.Count, MaxBlocks - tail.Count - (body.Count + tail.Count > MaxBlocks ? 1 : 0));
        if (Length(high) > TargetJsonLength)
        {
            // The length grows with k: binary search for the most body blocks that fit.
            int low = 0;
            while (low < high)
            {
                int mid = low + ((high - low + 1) / 2);
                if (Length(mid) <= TargetJsonLength)
                {
                    low = mid;
                }
                else
                {
                    high = mid - 1;
                }
            }
        }

        var blocks = new JsonArray();
        foreach (var b in body.Take(high))
        {
            blocks.Add(b);
        }

        if (high < body.Count)
        {
            blocks.Add(Context($"…and {body.Count - high} more"));
        }

        foreach (var b in tail)
        {
            blocks.Add(b);
        }

        return new SlackMessage(text, blocks);
    }

    private static JsonObject Mrkdwn(string escaped) =>
        new() { ["type"] = "mrkdwn", ["text"] = escaped, ["verbatim"] = true };

    private static JsonObject PlainText(string text, int max) =>
        new() { ["type"] = "plain_text", ["text"] = TextClip.Clip(text, max), ["emoji"] = true };

    private static JsonObject Section(string escaped) =>
        new() { ["type"] = "section", ["text"] = Mrkdwn(ClipEscaped(escaped, MaxSectionText)) };

    private static JsonObject Context(string text) => ContextMrkdwn(Escape(text));

    private static JsonObject ContextMrkdwn(string mrkdwn) =>
        new() { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn(ClipEscaped(mrkdwn, MaxText))) };

    /// <summary>Clips escaped text without cutting an entity (&amp;amp;) or a surrogate pair in half.</summary>
    private static string ClipEscaped(string escaped, int max)
    {
        if (escaped.Length <= max)
        {
            return escaped;
        }

        int cut = max - 1;
        int amp = escaped.LastIndexOf('&', cut - 1, Math.Min(cut, 5));
        if (amp >= 0 && escaped.IndexOf(';', amp) >= cut)
        {
            cut = amp;
        }

        if (cut > 0 && char.IsHighSurrogate(escaped[cut - 1]))
        {
            cut--;
        }

        return escaped[..cut] + "…";
    }

    /// <summary>Walks the card model, emitting blocks; consecutive rows are gathered into one section.</summary>
    private sealed class Renderer
    {
        private readonly List<JsonObject> blocks = [];
        private readonly List<string> lines = [];
        private readonly Dictionary<string, int> verbs = new(StringComparer.Ordinal);
        private int actionBlocks;
        private int rowBlocks;
        private int showCards;

        public List<JsonObject> TakeBlocks()
        {
            FlushLines();
            var taken = blocks.ToList();
            blocks.Clear();
            return taken;
        }

        public void Body(IEnumerable<CardElement> elements, string scope)
        {
            foreach (var element in elements)
            {
                Element(element, scope);
            }
        }

        public void ShowCard(ShowCardAction show)
        {
            FlushLines();
            string scope = $"s{++showCards}";
            var inner = show.Card;
            bool labelled = inner.Body.OfType<TextInput>().Any(i => !string.IsNullOrWhiteSpace(i.Label));
            if (!labelled && inner.Body.Any(e => e is not TextInput))
            {
                blocks.Add(Section($"*{Escape(show.Title)}*"));
            }

            foreach (var element in inner.Body)
            {
                if (element is TextInput input)
                {
                    Input(input, scope, labelled ? null : show.Title);
                }
                else
                {
                    Element(element, scope);
                }
            }

            Actions(inner.Actions ?? [], scope);
        }

        public void Actions(IEnumerable<CardAction> actions, string scope)
        {
            FlushLines();
            var buttons = actions.Select(Button).OfType<JsonObject>().ToList();
            foreach (var chunk in buttons.Chunk(MaxActionsPerBlock))
            {
                blocks.Add(new JsonObject
                {
                    ["type"] = "actions",
                    ["block_id"] = $"{scope}/a{actionBlocks++}",
                    ["elements"] = new JsonArray([.. chunk]),
                });
            }
        }

        private void Element(CardElement element, string scope)
        {
            switch (element)
            {
                case TextBlock text:
                    Text(text);
                    break;
                case FactSet facts:
                    Facts(facts);
                    break;
                case ColumnSet row:
                    Divider(row.Separator);
                    Row(row, scope);
                    break;
                case Container { Trimmable: true } list:
                    Divider(list.Separator);
                    ListItems(list.Items, scope);
                    FlushLines();
                    break;
                case Container container:
                    Divider(container.Separator);
                    Body(container.Items, scope);
                    break;
                case ActionSet set:
                    Actions(set.Actions.Where(a => a is not ShowCardAction), scope);
                    foreach (var show in set.Actions.OfType<ShowCardAction>())
                    {
                        ShowCard(show);
                    }

                    break;
                case TextInput input:
                    Input(input, scope, null);
                    break;
                default:
                    // Charts and anything else Slack cannot show: the fallback the card carries for such hosts.
                    if (element.Fallback is { } fallback)
                    {
                        Element(fallback, scope);
                    }

                    break;
            }
        }

        /// <summary>
        /// The items of a list as lines of one section: rows, texts and facts, and the same inside an item that is a
        /// container (a list entry of several texts); anything else as its own blocks.
        /// </summary>
        private void ListItems(IEnumerable<CardElement> items, string scope)
        {
            foreach (var item in items)
            {
                if (item is ColumnSet row)
                {
                    Row(row, scope);
                }
                else if (item is Container entry)
                {
                    ListItems(entry.Items, scope);
                }
                else if (Line(item) is { } line)
                {
                    lines.Add(line);
                }
                else
                {
                    Element(item, scope);
                }
            }
        }

        /// <summary>
        /// A row as one line. A row with one button becomes a section of its own with the button as its accessory
        /// (Slack's list-row layout); with several, they follow the line in an actions block.
        /// </summary>
        private void Row(ColumnSet row, string scope)
        {
            var sets = NestedActionSets(row).ToList();
            var actions = sets.SelectMany(s => s.Actions).ToList();
            if (actions.Count == 1 && actions[0] is not ShowCardAction && RowLine(row) is { Length: > 0 } text && Button(actions[0]) is { } button)
            {
                FlushLines();
                blocks.Add(new JsonObject
                {
                    ["type"] = "section",
                    ["block_id"] = $"{scope}/r{rowBlocks++}",
                    ["text"] = Mrkdwn(ClipEscaped(text, MaxSectionText)),
                    ["accessory"] = button,
                });
                return;
            }

            lines.Add(RowLine(row));
            foreach (var set in sets)
            {
                Element(set, scope);
            }
        }

        private static IEnumerable<ActionSet> NestedActionSets(CardElement element) => element switch
        {
            ActionSet set => [set],
            ColumnSet s => s.Columns.SelectMany(c => c.Items).SelectMany(NestedActionSets),
            Container c => c.Items.SelectMany(NestedActionSets),
            _ => [],
        };

        private void Text(TextBlock text)
        {
            FlushLines();
            Divider(text.Separator);
            if (string.IsNullOrWhiteSpace(text.Text))
            {
                return;
            }

            var plain = Plain(text.Text);
            if (text.Size is TextSize.Large or TextSize.ExtraLarge && plain.Length <= MaxHeaderText && !plain.Contains('\n'))
            {
                blocks.Add(new JsonObject { ["type"] = "header", ["text"] = PlainText(plain, MaxHeaderText) });
            }
            else if (text.IsSubtle == true)
            {
                blocks.Add(ContextMrkdwn(Markdown(text.Text)));
            }
            else
            {
                bool bold = text.Weight == TextWeight.Bolder || text.Size is TextSize.Large or TextSize.ExtraLarge;
                blocks.Add(Section(bold ? Bold(text.Text) : Markdown(text.Text)));
            }
        }

        private void Facts(FactSet facts)
        {
            FlushLines();
            Divider(facts.Separator);
            foreach (var chunk in facts.Facts.Chunk(MaxFields))
            {
                var fields = new JsonArray();
                foreach (var fact in chunk)
                {
                    fields.Add(Mrkdwn(ClipEscaped($"{Bold(fact.Title)}\n{Markdown(fact.Value)}", MaxFieldText)));
                }

                blocks.Add(new JsonObject { ["type"] = "section", ["fields"] = fields });
            }
        }

        private void Input(TextInput input, string scope, string? labelFallback)
        {
            FlushLines();
            var id = input.Id ?? "input";
            var element = new JsonObject
            {
                ["type"] = "plain_text_input",
                ["action_id"] = TextClip.Clip(id, MaxIdLength),
            };
            if (input.IsMultiline == true)
            {
                element["multiline"] = true;
            }

            if (input.MaxLength is > 0 and var max)
            {
                element["max_length"] = Math.Min(max, MaxInputLength);
            }

            if (!string.IsNullOrWhiteSpace(input.Placeholder))
            {
                element["placeholder"] = PlainText(input.Placeholder, MaxPlaceholder);
            }

            blocks.Add(new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = TextClip.Clip($"{scope}/in/{id}", MaxIdLength),
                ["label"] = PlainText(input.Label ?? labelFallback ?? id, MaxInputLabel),
                ["element"] = element,
                // Slack does not enforce required inputs on message buttons; the server checks again.
                ["optional"] = input.IsRequired != true,
            });
        }

        private JsonObject? Button(CardAction action)
        {
            string verb;
            JsonObject data;
            switch (action)
            {
                case ExecuteAction execute:
                    verb = execute.Verb;
                    data = execute.Data is null ? [] : (JsonObject)execute.Data.DeepClone();
                    break;
                case SubmitAction { Data: { } submitData } when submitData[ExecuteAction.VerbField] is JsonValue v
                                                              && v.GetValueKind() == JsonValueKind.String:
                    verb = v.GetValue<string>();
                    data = (JsonObject)submitData.DeepClone();
                    data.Remove(ExecuteAction.VerbField);
                    break;
                default:
                    // A button without a verb cannot be routed; Slack has no "open URL" use here.
                    return null;
            }

            var value = Json(data);
            if (verb.Length == 0 || verb.Length > MaxIdLength - 8 || value.Length > MaxButtonValue)
            {
                // The press could not be routed or its data would be cut: leave the button out rather than mislead.
                return null;
            }

            int n = verbs[verb] = verbs.GetValueOrDefault(verb) + 1;
            var button = new JsonObject
            {
                ["type"] = "button",
                ["text"] = PlainText(action.Title, MaxButtonText),
                ["action_id"] = n == 1 ? verb : $"{verb}{ActionIdSuffix}{n}",
                ["value"] = value,
            };
            if (action.Style is ActionStyle.Positive)
            {
                button["style"] = "primary";
            }
            else if (action.Style is ActionStyle.Destructive)
            {
                button["style"] = "danger";
            }

            return button;
        }

        private void Divider(bool? separator)
        {
            if (separator == true)
            {
                FlushLines();
                if (blocks.Count > 0)
                {
                    blocks.Add(new JsonObject { ["type"] = "divider" });
                }
            }
        }

        /// <summary>Gathers pending row lines into sections of at most 3000 characters.</summary>
        private void FlushLines()
        {
            if (lines.Count == 0)
            {
                return;
            }

            var sb = new StringBuilder();
            foreach (var line in lines.Where(l => l.Trim().Length > 0))
            {
                var clipped = ClipEscaped(line, MaxSectionText);
                if (sb.Length > 0 && sb.Length + 1 + clipped.Length > MaxSectionText)
                {
                    blocks.Add(Section(sb.ToString()));
                    sb.Clear();
                }

                if (sb.Length > 0)
                {
                    sb.Append('\n');
                }

                sb.Append(clipped);
            }

            if (sb.Length > 0)
            {
                blocks.Add(Section(sb.ToString()));
            }

            lines.Clear();
        }

        /// <summary>An element of a list as one mrkdwn line, or null when it is not line-like.</summary>
        private static string? Line(CardElement element) => element switch
        {
            TextBlock { IsSubtle: true } t => Italic(t.Text.ReplaceLineEndings(" ")),
            TextBlock t => t.Weight == TextWeight.Bolder ? Bold(t.Text.ReplaceLineEndings(" ")) : Markdown(t.Text.ReplaceLineEndings(" ")),
            FactSet f => string.Join(" · ", f.Facts.Select(x => $"{Bold(x.Title)} {Markdown(x.Value)}")),
            _ => null,
        };

        /// <summary>A column set as one line: each column's texts, columns separated by " · " (a rank "1." just by a space).</summary>
        private static string RowLine(ColumnSet row)
        {
            var sb = new StringBuilder();
            foreach (var column in row.Columns)
            {
                var parts = column.Items.Select(Inline).Where(p => p.Length > 0).ToList();
                if (parts.Count == 0)
                {
                    continue;
                }

                if (sb.Length > 0)
                {
                    sb.Append(sb[^1] is '.' or ':' ? " " : " · ");
                }

                sb.AppendJoin(" — ", parts);
            }

            return sb.ToString();
        }

        private static string Inline(CardElement element) => element switch
        {
            TextBlock t when string.IsNullOrWhiteSpace(t.Text) => "",
            TextBlock { Weight: TextWeight.Bolder } t => Bold(t.Text.ReplaceLineEndings(" ")),
            TextBlock t => Markdown(t.Text.ReplaceLineEndings(" ")),
            FactSet f => string.Join(" · ", f.Facts.Select(x => $"{Markdown(x.Title)}: {Markdown(x.Value)}")),
            ColumnSet s => RowLine(s),
            Container c => string.Join(" · ", c.Items.Select(Inline).Where(p => p.Length > 0)),
            { Fallback: { } fallback } => Inline(fallback),
            _ => "",
        };

        /// <summary>Bold card markdown; surrounding spaces stay outside the asterisks (Slack needs them adjacent to the text).</summary>
        private static string Bold(string text)
        {
            var inner = Markdown(text.Trim(), inBold: true);
            return inner.Length == 0 ? "" : $"*{inner}*";
        }

        private static string Italic(string text)
        {
            var inner = Markdown(text.Trim());
            return inner.Length == 0 ? "" : $"_{inner}_";
        }
    }
}

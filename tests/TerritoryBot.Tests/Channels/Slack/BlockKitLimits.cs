using System.Text.Json;
using System.Text.Json.Nodes;
using TerritoryBot.Cards;

namespace TerritoryBot.Tests.Channels.Slack;

/// <summary>Checks a rendered message against every Block Kit limit the renderer promises (PROTOCOLS.md D).</summary>
internal static class BlockKitLimits
{
    private static readonly HashSet<string> BlockTypes = ["header", "section", "context", "divider", "actions", "input"];

    public static void AssertWithin(SlackMessage message, string what = "message")
    {
        var blocks = message.Blocks;
        Assert.True(blocks.Count <= BlockKit.MaxBlocks, $"{what}: {blocks.Count} blocks");
        Assert.True(message.JsonLength <= BlockKit.TargetJsonLength, $"{what}: {message.JsonLength} characters of JSON");
        Assert.True(message.Text.Length <= BlockKit.MaxText + 200, $"{what}: text of {message.Text.Length} characters");
        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        var blockIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in blocks)
        {
            var block = node!.AsObject();
            var type = (string)block["type"]!;
            Assert.Contains(type, BlockTypes);
            if (block["block_id"] is { } blockId)
            {
                Assert.True(((string)blockId!).Length <= BlockKit.MaxIdLength, $"{what}: block_id too long");
                Assert.True(blockIds.Add((string)blockId!), $"{what}: block_id {blockId} repeated");
            }

            switch (type)
            {
                case "header":
                    AssertText(block["text"]!, "plain_text", BlockKit.MaxHeaderText, what);
                    break;
                case "section":
                    Assert.True(block["text"] is not null || block["fields"] is not null, $"{what}: a section without text or fields");
                    if (block["text"] is { } text)
                    {
                        AssertText(text, "mrkdwn", BlockKit.MaxSectionText, what);
                    }

                    if (block["accessory"] is JsonObject accessory)
                    {
                        AssertButton(accessory, actionIds, what);
                    }

                    if (block["fields"] is JsonArray fields)
                    {
                        Assert.InRange(fields.Count, 1, BlockKit.MaxFields);
                        foreach (var field in fields)
                        {
                            AssertText(field!, "mrkdwn", BlockKit.MaxFieldText, what);
                        }
                    }

                    break;
                case "context":
                    var elements = block["elements"]!.AsArray();
                    Assert.InRange(elements.Count, 1, 10);
                    foreach (var e in elements)
                    {
                        AssertText(e!, "mrkdwn", BlockKit.MaxText, what);
                    }

                    break;
                case "actions":
                    var buttons = block["elements"]!.AsArray();
                    Assert.InRange(buttons.Count, 1, BlockKit.MaxActionsPerBlock);
                    foreach (var b in buttons)
                    {
                        AssertButton(b!.AsObject(), actionIds, what);
                    }

                    break;
                case "input":
                    AssertText(block["label"]!, "plain_text", BlockKit.MaxInputLabel, what);
                    var element = block["element"]!;
                    Assert.Equal("plain_text_input", (string)element["type"]!);
                    Assert.True(actionIds.Add((string)element["action_id"]!), $"{what}: input action_id repeated");
                    break;
            }
        }
    }

    private static void AssertButton(JsonObject b, HashSet<string> actionIds, string what)
    {
        Assert.Equal("button", (string)b["type"]!);
        AssertText(b["text"]!, "plain_text", BlockKit.MaxButtonText, what);
        var actionId = (string)b["action_id"]!;
        Assert.InRange(actionId.Length, 1, BlockKit.MaxIdLength);
        Assert.True(actionIds.Add(actionId), $"{what}: action_id {actionId} repeated");
        var value = (string)b["value"]!;
        Assert.True(value.Length <= BlockKit.MaxButtonValue, $"{what}: button value too long");
        Assert.IsType<JsonObject>(JsonNode.Parse(value));
        if (b["style"] is { } style)
        {
            Assert.Contains((string)style!, new[] { "primary", "danger" });
        }
    }

    /// <summary>Every button: in actions blocks and as section accessories, in message order.</summary>
    public static List<JsonObject> Buttons(SlackMessage m) =>
    [
        .. m.Blocks.SelectMany(b => (string)b!["type"]! switch
        {
            "actions" => b!["elements"]!.AsArray().Select(e => e!.AsObject()),
            "section" when b!["accessory"] is JsonObject a => [a],
            _ => [],
        }),
    ];

    /// <summary>Whether the renderer cut the body ("…and N more").</summary>
    public static bool Truncated(SlackMessage m) =>
        m.Blocks.Any(b => (string)b!["type"]! == "context" && ((string?)b!["elements"]![0]!["text"])?.StartsWith("…and ", StringComparison.Ordinal) == true);

    private static void AssertText(JsonNode node, string type, int max, string what)
    {
        Assert.Equal(type, (string)node["type"]!);
        var text = (string)node["text"]!;
        Assert.True(text.Trim().Length > 0, $"{what}: empty {type} text");
        Assert.True(text.Length <= max, $"{what}: {type} text of {text.Length} characters over {max}");
        if (type == "mrkdwn")
        {
            // Nothing the renderer emits is a link or a mention: any '<' would be data that was not escaped.
            Assert.DoesNotContain('<', text);
            Assert.True(node["verbatim"]?.GetValueKind() == JsonValueKind.True, $"{what}: mrkdwn without verbatim");
        }
    }

    /// <summary>Every text of every block (for content assertions).</summary>
    public static IEnumerable<string> Texts(SlackMessage message)
    {
        foreach (var node in message.Blocks)
        {
            foreach (var text in Walk(node!))
            {
                yield return text;
            }
        }
    }

    private static IEnumerable<string> Walk(JsonNode node)
    {
        if (node is JsonObject o)
        {
            if (o["text"] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                yield return v.GetValue<string>();
            }

            foreach (var (key, child) in o)
            {
                if (child is JsonObject or JsonArray && key != "value")
                {
                    foreach (var t in Walk(child))
                    {
                        yield return t;
                    }
                }
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a)
            {
                foreach (var t in Walk(child!))
                {
                    yield return t;
                }
            }
        }
    }
}

using System.Text.Json.Nodes;
using TerritoryBot.Cards;
using TerritoryBot.Core.Scoring;
using TerritoryBot.Core.Tests.Planning;
using TerritoryBot.Tests.Cards;

namespace TerritoryBot.Tests.Channels.Slack;

public sealed class BlockKitTests
{
    private const string Zw = "\u200B";

    private static SlackMessage Render(params CardElement[] body) => BlockKit.Render(new AdaptiveCard { Body = [.. body] }, "fallback");

    private static SlackMessage RenderActions(params CardAction[] actions) =>
        BlockKit.Render(new AdaptiveCard { Body = [new TextBlock("t")], Actions = [.. actions] }, "fallback");

    private static JsonObject Block(SlackMessage m, int i) => m.Blocks[i]!.AsObject();

    private static string Type(SlackMessage m, int i) => (string)Block(m, i)["type"]!;

    private static List<JsonObject> Buttons(SlackMessage m) => BlockKitLimits.Buttons(m);

    [Fact]
    public void Render_LargeText_Header()
    {
        var m = Render(new TextBlock("Account scores") { Size = TextSize.Large, Weight = TextWeight.Bolder });

        Assert.Equal("header", Type(m, 0));
        Assert.Equal("plain_text", (string)Block(m, 0)["text"]!["type"]!);
        Assert.Equal("Account scores", (string)Block(m, 0)["text"]!["text"]!);
        BlockKitLimits.AssertWithin(m);
    }

    [Fact]
    public void Render_LargeTextOver150_BoldSectionNotHeader()
    {
        var m = Render(new TextBlock(new string('x', 151)) { Size = TextSize.Large });

        Assert.Equal("section", Type(m, 0));
        Assert.StartsWith("*xxx", (string)Block(m, 0)["text"]!["text"]!);
        BlockKitLimits.AssertWithin(m);
    }

    [Theory]
    [InlineData("Bolder", "section", "*Heading*")]
    [InlineData("Subtle", "context", "Heading")]
    [InlineData("Plain", "section", "Heading")]
    public void Render_TextBlockKinds_MapToBlocks(string kind, string blockType, string expected)
    {
        var text = new TextBlock("Heading");
        if (kind == "Bolder")
        {
            text.Weight = TextWeight.Bolder;
        }
        else if (kind == "Subtle")
        {
            text.IsSubtle = true;
        }

        var m = Render(text);

        Assert.Equal(blockType, Type(m, 0));
        var mrkdwn = blockType == "context" ? Block(m, 0)["elements"]![0]! : Block(m, 0)["text"]!;
        Assert.Equal(expected, (string)mrkdwn["text"]!);
        BlockKitLimits.AssertWithin(m);
    }

    [Fact]
    public void Render_Separator_DividerBetweenBlocks()
    {
        var m = Render(new TextBlock("a"), new TextBlock("b") { Separator = true });

        Assert.Equal(["section", "divider", "section"], m.Blocks.Select(b => (string)b!["type"]!));
    }

    [Fact]
    public void Render_LongText_SectionClippedTo3000()
    {
        var m = Render(new TextBlock(new string('a', 5000)));

        var text = (string)Block(m, 0)["text"]!["text"]!;
        Assert.Equal(BlockKit.MaxSectionText, text.Length);
        Assert.EndsWith("…", text);
    }

    [Fact]
    public void Render_LongTextOfAmpersands_ClipNeverCutsAnEntity()
    {
        var m = Render(new TextBlock(new string('&', 2000)));

        var text = (string)Block(m, 0)["text"]!["text"]!;
        Assert.True(text.Length <= BlockKit.MaxSectionText);
        Assert.Matches("^(&amp;)+…$", text);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 1)]
    [InlineData(11, 2)]
    [InlineData(23, 3)]
    public void Render_FactSet_SectionFieldsTenPerSection(int facts, int sections)
    {
        var m = Render(new FactSet { Facts = [.. Enumerable.Range(0, facts).Select(i => new Fact($"T{i}", $"V{i}"))] });

        Assert.Equal(sections, m.Blocks.Count);
        Assert.Equal(facts, m.Blocks.Sum(b => b!["fields"]!.AsArray().Count));
        Assert.Equal("*T0*\nV0", (string)Block(m, 0)["fields"]![0]!["text"]!);
        BlockKitLimits.AssertWithin(m);
    }

    [Fact]
    public void Render_FactWithLongValue_FieldClippedTo2000()
    {
        var m = Render(new FactSet { Facts = [new Fact("Title", new string('v', 4000))] });

        var field = (string)Block(m, 0)["fields"]![0]!["text"]!;
        Assert.Equal(BlockKit.MaxFieldText, field.Length);
        BlockKitLimits.AssertWithin(m);
    }

    [Fact]
    public void Render_TrimmableRows_OneCompactSectionWithALinePerRow()
    {
        var list = new Container { Trimmable = true };
        for (int i = 1; i <= 5; i++)
        {
            list.Items.Add(new ColumnSet
            {
                Columns =
                [
                    new Column { Width = "auto", Items = [new TextBlock($"{i}.") { IsSubtle = true }] },
                    new Column { Items = [new TextBlock($"Acme {i} (A00{i})") { Weight = TextWeight.Bolder }, new TextBlock("Strategic · Software") { IsSubtle = true }] },
                    new Column { Width = "auto", Items = [new TextBlock($"${i}.0M")] },
                ],
            });
        }

        var m = Render(list);

        var section = Assert.Single(m.Blocks);
        var lines = ((string)section!["text"]!["text"]!).Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.Equal("1. *Acme 1 (A001)* — Strategic · Software · $1.0M", lines[0]);
        BlockKitLimits.AssertWithin(m);
    }

    [Fact]
    public void Render_ListOfEntryContainers_LinesOfOneSection()
    {
        var list = new Container { Trimmable = true };
        for (int i = 1; i <= 3; i++)
        {
            list.Items.Add(new Container { Items = [new TextBlock($"**Move {i}** · A → B"), new TextBlock($"why {i}") { IsSubtle = true }] });
        }

        var m = Render(list);

        var section = Assert.Single(m.Blocks);
        Assert.Equal("*Move 1* · A → B\n_why 1_\n*Move 2* · A → B\n_why 2_\n*Move 3* · A → B\n_why 3_", (string)section!["text"]!["text"]!);
    }

    [Fact]
    public void Render_ConsecutiveColumnSets_MergedUntilAnotherBlock()
    {
        var row = () => new ColumnSet { Columns = [new Column { Items = [new TextBlock("a")] }, new Column { Items = [new TextBlock("b")] }] };

        var m = Render(row(), row(), new TextBlock("between"), row());

        Assert.Equal(3, m.Blocks.Count);
        Assert.Equal("a · b\na · b", (string)Block(m, 0)["text"]!["text"]!);
        Assert.Equal("a · b", (string)Block(m, 2)["text"]!["text"]!);
    }

    [Fact]
    public void Render_ButtonInsideARow_SectionWithTheButtonAsAccessory()
    {
        var list = new Container
        {
            Trimmable = true,
            Items =
            [
                new ColumnSet
                {
                    Columns =
                    [
                        new Column { Items = [new TextBlock("Acme (A001)")] },
                        new Column { Items = [new ActionSet { Actions = [new ExecuteAction("Open", "account.lookup") { Data = new JsonObject { ["accountId"] = "A001" } }] }] },
                    ],
                },
                new ColumnSet { Columns = [new Column { Items = [new TextBlock("Beta (A002)")] }] },
            ],
        };

        var m = Render(list);

        Assert.Equal(["section", "section"], m.Blocks.Select(b => (string)b!["type"]!));
        Assert.Equal("Acme (A001)", (string)Block(m, 0)["text"]!["text"]!);
        Assert.Equal("account.lookup", (string)Block(m, 0)["accessory"]!["action_id"]!);
        Assert.Equal("m", BlockKit.ScopeOf((string)Block(m, 0)["block_id"]!));
        Assert.Equal("""{"accountId":"A001"}""", (string)Buttons(m)[0]["value"]!);
        Assert.Equal("Beta (A002)", (string)Block(m, 1)["text"]!["text"]!);
        BlockKitLimits.AssertWithin(m);
    }

    [Fact]
    public void Render_RowWithTwoButtons_LineThenActionsBlock()
    {
        var row = new ColumnSet
        {
            Columns =
            [
                new Column { Items = [new TextBlock("Acme")] },
                new Column { Items = [new ActionSet { Actions = [new ExecuteAction("Open", "account.lookup"), new ExecuteAction("Plan", "plan.show")] }] },
            ],
        };

        var m = Render(row);

        Assert.Equal(["section", "actions"], m.Blocks.Select(b => (string)b!["type"]!));
        Assert.Equal(2, Buttons(m).Count);
    }

    [Fact]
    public void Render_ManyLongRows_SectionsUnder3000AndMessageUnderTarget()
    {
        var m = BlockKit.Render(CardSamples.HugeList(2000), "fallback");

        Assert.True(m.Blocks.Count > 3);
        Assert.Equal("context", (string)m.Blocks[^1]!["type"]!);
        Assert.Matches(@"^…and \d+ more$", (string)m.Blocks[^1]!["elements"]![0]!["text"]!);
        BlockKitLimits.AssertWithin(m);
    }

    [Fact]
    public void Render_Container_ItsItemsInOrder()
    {
        var m = Render(new Container { Items = [new TextBlock("one"), new Container { Items = [new TextBlock("two")] }] });

        Assert.Equal(["one", "two"], m.Blocks.Select(b => (string)b!["text"]!["text"]!));
    }

    [Fact]
    public void Render_Charts_RenderTheirFallback()
    {
        var m = Render(
            new DonutChart(new FactSet { Facts = [new Fact("Strategic", "12 accounts")] }) { Data = [new DonutDatum("Strategic", 12)] },
            new HorizontalBarChart(new TextBlock("R001 12")) { Data = [new BarDatum("R001", 12)] });

        Assert.Equal("*Strategic*\n12 accounts", (string)Block(m, 0)["fields"]![0]!["text"]!);
        Assert.Equal("R001 12", (string)Block(m, 1)["text"]!["text"]!);
    }

    [Fact]
    public void Render_ExecuteAndSubmit_ButtonsWithVerbDataAndStyle()
    {
        var m = RenderActions(
            ExecuteAction.Drill("Approve", "proposal.approve", new JsonObject { ["proposalId"] = 7, ["version"] = 2 }),
            new SubmitAction("Reject") { Data = new JsonObject { ["verb"] = "proposal.reject", ["proposalId"] = 7 }, Style = ActionStyle.Destructive },
            new SubmitAction("No verb") { Data = new JsonObject { ["x"] = 1 } });

        var buttons = Buttons(m);
        Assert.Equal(2, buttons.Count);
        Assert.Equal("proposal.approve", (string)buttons[0]["action_id"]!);
        Assert.Equal("""{"proposalId":7,"version":2}""", (string)buttons[0]["value"]!);
        Assert.Equal("proposal.reject", (string)buttons[1]["action_id"]!);
        Assert.Equal("""{"proposalId":7}""", (string)buttons[1]["value"]!);
        Assert.Equal("danger", (string)buttons[1]["style"]!);
        Assert.Null(buttons[0]["style"]);
        BlockKitLimits.AssertWithin(m);
    }

    [Theory]
    [InlineData("Positive", "primary")]
    [InlineData("Destructive", "danger")]
    [InlineData("Default", null)]
    public void Render_ActionStyle_ButtonStyle(string style, string? expected)
    {
        var action = new ExecuteAction("Go", "accounts.top") { Style = Enum.Parse<ActionStyle>(style) };

        var button = Assert.Single(Buttons(RenderActions(action)));

        Assert.Equal(expected, (string?)button["style"]);
    }

    [Fact]
    public void Render_RepeatedVerb_ActionIdsUniqueAndVerbRecoverable()
    {
        var m = RenderActions(
            new ExecuteAction("Top 5", "accounts.top") { Data = new JsonObject { ["top"] = 5 } },
            new ExecuteAction("Top 10", "accounts.top") { Data = new JsonObject { ["top"] = 10 } },
            new ExecuteAction("Top 25", "accounts.top") { Data = new JsonObject { ["top"] = 25 } });

        var ids = Buttons(m).Select(b => (string)b["action_id"]!).ToList();
        Assert.Equal(["accounts.top", "accounts.top#2", "accounts.top#3"], ids);
        Assert.All(ids, id => Assert.Equal("accounts.top", BlockKit.VerbOf(id)));
        BlockKitLimits.AssertWithin(m);
    }

    [Theory]
    [InlineData("accounts.top", "accounts.top")]
    [InlineData("accounts.top#2", "accounts.top")]
    [InlineData("accounts.top#x", "accounts.top#x")]
    [InlineData("a#", "a#")]
    [InlineData("#2", "#2")]
    public void VerbOf_ActionIds_StripsOnlyANumericSuffix(string actionId, string verb) =>
        Assert.Equal(verb, BlockKit.VerbOf(actionId));

    [Theory]
    [InlineData(25, 1)]
    [InlineData(26, 2)]
    [InlineData(60, 3)]
    public void Render_ManyButtons_25PerActionsBlock(int count, int blocks)
    {
        var m = RenderActions([.. Enumerable.Range(0, count).Select(i => new ExecuteAction($"B{i}", $"verb.{i}"))]);

        Assert.Equal(blocks, m.Blocks.Count(b => (string)b!["type"]! == "actions"));
        Assert.Equal(count, Buttons(m).Count);
        BlockKitLimits.AssertWithin(m);
    }

    [Fact]
    public void Render_LongButtonTitle_ClippedTo75()
    {
        var button = Assert.Single(Buttons(RenderActions(new ExecuteAction(new string('b', 200), "accounts.top"))));

        Assert.Equal(BlockKit.MaxButtonText, ((string)button["text"]!["text"]!).Length);
    }

    [Fact]
    public void Render_DataOver2000Characters_ButtonLeftOutOthersKept()
    {
        var m = RenderActions(
            new ExecuteAction("Huge", "huge.verb") { Data = new JsonObject { ["reason"] = new string('r', 2100) } },
            new ExecuteAction("Small", "small.verb"));

        var button = Assert.Single(Buttons(m));
        Assert.Equal("small.verb", (string)button["action_id"]!);
        Assert.Equal("{}", (string)button["value"]!);
    }

    [Fact]
    public void Render_VerbOver255_ButtonLeftOut()
    {
        Assert.Empty(Buttons(RenderActions(new ExecuteAction("Long", new string('v', 300)))));
    }

    [Fact]
    public void Render_ShowCardWithInput_InputBlockThenItsButtonsInTheirScope()
    {
        var reject = new ShowCardAction("Reject", new AdaptiveCard
        {
            Body = [new TextInput("reason") { Label = "Why reject?", Placeholder = "e.g. mid-renewal", IsMultiline = true, MaxLength = 500, IsRequired = true }],
            Actions = [ExecuteAction.Drill("Reject proposal", "proposal.reject", new JsonObject { ["proposalId"] = 7, ["version"] = 2 })],
        })
        { Style = ActionStyle.Destructive };
        var m = RenderActions(ExecuteAction.Drill("Approve", "proposal.approve", new JsonObject { ["proposalId"] = 7, ["version"] = 2 }), reject);

        Assert.Equal(["section", "actions", "input", "actions"], m.Blocks.Select(b => (string)b!["type"]!));
        var approve = Block(m, 1);
        var input = Block(m, 2);
        var rejectActions = Block(m, 3);
        Assert.Equal("m", BlockKit.ScopeOf((string)approve["block_id"]!));
        Assert.Equal("s1/in/reason", (string)input["block_id"]!);
        Assert.True(BlockKit.IsInputBlock((string)input["block_id"]!));
        Assert.Equal("s1", BlockKit.ScopeOf((string)rejectActions["block_id"]!));
        Assert.False(BlockKit.IsInputBlock((string)rejectActions["block_id"]!));
        Assert.Equal("Why reject?", (string)input["label"]!["text"]!);
        Assert.Equal("reason", (string)input["element"]!["action_id"]!);
        Assert.Equal(500, (int)input["element"]!["max_length"]!);
        Assert.True((bool)input["element"]!["multiline"]!);
        Assert.Equal("e.g. mid-renewal", (string)input["element"]!["placeholder"]!["text"]!);
        Assert.False((bool)input["optional"]!);
        Assert.Equal("proposal.reject", (string)rejectActions["elements"]![0]!["action_id"]!);
        BlockKitLimits.AssertWithin(m);
    }

    [Fact]
    public void Render_ShowCardInputWithoutLabel_TitleIsTheLabel()
    {
        var m = RenderActions(new ShowCardAction("Reason for rejecting", new AdaptiveCard
        {
            Body = [new TextInput("reason")],
            Actions = [new ExecuteAction("Reject", "proposal.reject")],
        }));

        var input = m.Blocks.Single(b => (string)b!["type"]! == "input")!;
        Assert.Equal("Reason for rejecting", (string)input["label"]!["text"]!);
        Assert.True((bool)input["optional"]!);
    }

    [Fact]
    public void Render_ShowCardWithoutInput_TitleBodyAndButtons()
    {
        var m = RenderActions(new ShowCardAction("Details", new AdaptiveCard
        {
            Body = [new TextBlock("More detail")],
            Actions = [new ExecuteAction("Drill", "accounts.top")],
        }));

        Assert.Equal(["section", "section", "section", "actions"], m.Blocks.Select(b => (string)b!["type"]!));
        Assert.Equal("*Details*", (string)Block(m, 1)["text"]!["text"]!);
        Assert.Equal("More detail", (string)Block(m, 2)["text"]!["text"]!);
    }

    [Fact]
    public void Render_ActionSetInBody_ButtonsInPlace()
    {
        var m = Render(new TextBlock("before"), new ActionSet { Actions = [new ExecuteAction("Go", "accounts.top")] }, new TextBlock("after"));

        Assert.Equal(["section", "actions", "section"], m.Blocks.Select(b => (string)b!["type"]!));
    }

    [Fact]
    public void Render_ManyBlocks_50WithMoreLineAndCardActionsKept()
    {
        var card = new AdaptiveCard
        {
            Body = [.. Enumerable.Range(0, 120).Select(i => new TextBlock($"line {i}"))],
            Actions = [ExecuteAction.Drill("Approve", "proposal.approve", new JsonObject { ["proposalId"] = 1, ["version"] = 1 })],
        };

        var m = BlockKit.Render(card, "fallback");

        Assert.Equal(BlockKit.MaxBlocks, m.Blocks.Count);
        Assert.Equal("line 0", (string)Block(m, 0)["text"]!["text"]!);
        Assert.Equal("…and 72 more", (string)Block(m, 48)["elements"]![0]!["text"]!);
        Assert.Equal("actions", Type(m, 49));
        BlockKitLimits.AssertWithin(m);
    }

    [Fact]
    public void Render_LargeBlocks_TrimmedToTheJsonTarget()
    {
        var m = Render([.. Enumerable.Range(0, 20).Select(i => new TextBlock(new string('x', 2500)))]);

        Assert.True(m.Blocks.Count < 20);
        Assert.StartsWith("…and ", (string)m.Blocks[^1]!["elements"]![0]!["text"]!);
        BlockKitLimits.AssertWithin(m);
        // The most that fit: one more 2,500-character block would not.
        Assert.True(m.JsonLength > BlockKit.TargetJsonLength - 2600, $"{m.JsonLength} characters: trimmed more than needed");
    }

    [Theory]
    [InlineData("<!channel> look", "&lt;!channel&gt; look")]
    [InlineData("@channel @here @everyone", "@" + Zw + "channel @" + Zw + "here @" + Zw + "everyone")]
    [InlineData("<https://evil.example|click me>", "&lt;https://evil.example|click me&gt;")]
    [InlineData("<@U123ABC>", "&lt;@U123ABC&gt;")]
    [InlineData("AT&T", "AT&amp;T")]
    [InlineData("*bold* _it_ ~s~ `c`", "*" + Zw + "bold*" + Zw + " _" + Zw + "it_" + Zw + " ~" + Zw + "s~" + Zw + " `" + Zw + "c`" + Zw)]
    [InlineData("email me @ noon", "email me @ noon")]
    [InlineData("plain", "plain")]
    public void Escape_HostileAndPlainText_Neutralised(string text, string expected) =>
        Assert.Equal(expected, BlockKit.Escape(text));

    [Theory]
    [InlineData("**Dana Lee** (R001)", "*Dana Lee* (R001)")]
    [InlineData("Smith\\_&\\_\\*Sons\\*", "Smith_" + Zw + "&amp;_" + Zw + "*" + Zw + "Sons*" + Zw)]
    [InlineData("1\\. Acme", "1. Acme")]
    [InlineData("\\- not a list", "- not a list")]
    [InlineData("\\[x\\](y) \\\\", "[x](y) \\")]
    [InlineData("_italic_ and *also*", "_italic_ and _also_")]
    [InlineData("a * b _ c", "a *" + Zw + " b _" + Zw + " c")]
    [InlineData("[the doc](https://example.com/d)", "the doc (https://example.com/d)")]
    [InlineData("**<!channel> & @here**", "*&lt;!channel&gt; &amp; @" + Zw + "here*")]
    [InlineData("**unclosed", "*" + Zw + "*" + Zw + "unclosed")]
    [InlineData("** **", " ")]
    public void Markdown_CardMarkdown_SlackMrkdwn(string card, string slack) =>
        Assert.Equal(slack, BlockKit.Markdown(card));

    [Theory]
    [InlineData("**Reassignment** proposal \\#7", "Reassignment proposal #7")]
    [InlineData("Acme <&> \\*Co\\*", "Acme <&> *Co*")]
    public void Plain_CardMarkdown_TextWithoutMarkup(string card, string plain) =>
        Assert.Equal(plain, BlockKit.Plain(card));

    [Fact]
    public void Render_BoldTextWithBoldMarkup_NotNested()
    {
        var m = Render(new TextBlock("**Dana** (R001) is over") { Weight = TextWeight.Bolder });

        Assert.Equal("*Dana (R001) is over*", (string)Block(m, 0)["text"]!["text"]!);
    }

    [Theory]
    [InlineData("<!channel>")]
    [InlineData("<!here|here>")]
    [InlineData("<https://evil.example|Click>")]
    [InlineData("<@U0123>")]
    [InlineData("<#C0123|general>")]
    [InlineData("&lt;!channel&gt;")]
    public void Render_HostileDataEverywhere_NoMarkupSurvives(string hostile)
    {
        var card = new AdaptiveCard
        {
            Body =
            [
                new TextBlock(hostile) { Weight = TextWeight.Bolder },
                new TextBlock(hostile) { IsSubtle = true },
                new FactSet { Facts = [new Fact(hostile, hostile)] },
                new Container { Trimmable = true, Items = [new ColumnSet { Columns = [new Column { Items = [new TextBlock(hostile)] }] }] },
            ],
            Actions = [new ShowCardAction(hostile, new AdaptiveCard { Body = [new TextBlock(hostile)], Actions = [new ExecuteAction(hostile, "accounts.top")] })],
        };

        var m = BlockKit.Render(card, hostile);

        BlockKitLimits.AssertWithin(m); // no raw '<' in any mrkdwn text
        Assert.DoesNotContain('<', m.Text);
        // plain_text (headers, buttons, labels) is shown as typed; only mrkdwn is parsed, and it has no '<' at all.
        Assert.Contains(BlockKitLimits.Texts(m), t => t.Contains("&lt;", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_NoCard_TextAsOneSection()
    {
        var m = BlockKit.Render(null, "Sorry, I can only show you <yours>.");

        var section = Assert.Single(m.Blocks);
        Assert.Equal("Sorry, I can only show you &lt;yours&gt;.", (string)section!["text"]!["text"]!);
        Assert.Equal("Sorry, I can only show you &lt;yours&gt;.", m.Text);
    }

    [Fact]
    public void Render_EmptyTextNoCard_NoBlocks() => Assert.Empty(BlockKit.Render(null, " ").Blocks);

    [Fact]
    public void Render_EveryElementSample_WithinLimits()
    {
        var m = BlockKit.Render(CardSamples.EveryElement(), "every element");

        BlockKitLimits.AssertWithin(m);
        Assert.Equal("header", Type(m, 0));
        Assert.Contains(Buttons(m), b => (string)b["action_id"]! == "help");
        Assert.Contains(Buttons(m), b => (string)b["action_id"]! == "proposal.approve");
    }

    [Fact]
    public void Render_ScoreCard_MatchesApprovedSnapshot()
    {
        var card = ScoreCard.Build(ScoringEngine.Score(PlanFixture.Data(), PlanFixture.AsOf));

        var m = BlockKit.Render(card, card.FallbackText!);

        BlockKitLimits.AssertWithin(m);
        Snapshot.Verify(m.Payload().ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }), "block-kit.score-card", "json");
    }

    [Fact]
    public void Payload_Twice_BlocksCopiedNotMoved()
    {
        var m = Render(new TextBlock("x"));

        var first = m.Payload(("channel", "C1"), ("thread_ts", null));
        var second = m.Payload(("channel", "C2"));

        Assert.Equal("C1", (string)first["channel"]!);
        Assert.False(first.ContainsKey("thread_ts"));
        Assert.Equal(first["blocks"]!.ToJsonString(), second["blocks"]!.ToJsonString());
    }
}

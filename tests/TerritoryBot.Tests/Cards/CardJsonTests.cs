using System.Text;
using System.Text.Json.Nodes;
using TerritoryBot.Cards;

namespace TerritoryBot.Tests.Cards;

public sealed class CardJsonTests
{
    [Fact]
    public void Serialize_Card_HasTypeAndVersionFirstAndNoNulls()
    {
        string json = CardJson.Serialize(new AdaptiveCard { Body = [new TextBlock("hi")] });
        Assert.Equal("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"hi"}]}""", json);
    }

    [Fact]
    public void Serialize_ShowCard_NestedCardHasNoVersion()
    {
        var json = JsonNode.Parse(CardJson.Serialize(CardSamples.EveryElement()))!;
        var showCard = json["actions"]!.AsArray().Single(a => (string?)a!["type"] == "Action.ShowCard")!;
        Assert.Equal("AdaptiveCard", (string?)showCard["card"]!["type"]);
        Assert.Null(showCard["card"]!["version"]);
        Assert.Equal("$schema", json.AsObject().ElementAt(1).Key);
    }

    [Fact]
    public void Drill_WithData_SubmitFallbackRepeatsVerbAndData()
    {
        var data = new JsonObject { ["proposalId"] = 7, ["version"] = 2 };
        var action = ExecuteAction.Drill("Approve", "proposal.approve", data);
        var json = JsonNode.Parse(CardJson.Serialize(new AdaptiveCard { Actions = [action] }))!["actions"]![0]!;

        Assert.Equal("""{"proposalId":7,"version":2}""", json["data"]!.ToJsonString());
        Assert.Equal("""{"type":"Action.Submit","title":"Approve","data":{"verb":"proposal.approve","proposalId":7,"version":2}}""",
            json["fallback"]!.ToJsonString());
    }

    [Theory]
    [InlineData(10)]
    [InlineData(400)]
    [InlineData(5000)]
    public void FitToSize_LongList_StaysUnderLimitAndSaysHowManyMore(int rows)
    {
        var card = CardJson.FitToSize(CardSamples.HugeList(rows));

        string json = CardJson.Serialize(card);
        int bytes = Encoding.UTF8.GetByteCount(json);
        Assert.True(bytes <= CardJson.MaxBytes, $"{bytes} bytes");
        var items = ((Container)card.Body[1]).Items;
        if (CardJson.SizeInBytes(CardSamples.HugeList(rows)) <= CardJson.MaxBytes)
        {
            Assert.Equal(rows, items.Count);
            return;
        }

        int kept = items.Count - 1;
        Assert.True(kept > 0);
        Assert.Equal($"…and {rows - kept} more", ((TextBlock)items[^1]).Text);
        // Largest fit: one more row would not fit.
        var oneMore = CardSamples.HugeList(rows);
        var list = (Container)oneMore.Body[1];
        list.Items = [.. list.Items.Take(kept + 1), new TextBlock($"…and {rows - kept - 1} more") { IsSubtle = true, Wrap = true, Spacing = Spacing.Small }];
        Assert.True(CardJson.SizeInBytes(oneMore) > CardJson.MaxBytes);
    }

    [Fact]
    public void FitToSize_SmallCard_Unchanged()
    {
        var card = CardSamples.HugeList(3);
        string before = CardJson.Serialize(card);
        Assert.Equal(before, CardJson.Serialize(CardJson.FitToSize(card)));
    }

    [Fact]
    public void FitToSize_TooLargeWithoutTrimmableList_Throws()
    {
        var card = new AdaptiveCard { Body = [new TextBlock(new string('x', CardJson.MaxBytes))] };
        Assert.Throws<InvalidOperationException>(() => CardJson.FitToSize(card));
    }

    [Fact]
    public void FitToSize_ListInsideShowCard_IsTrimmedToo()
    {
        var inner = CardSamples.HugeList(2000);
        var card = new AdaptiveCard { Body = [new TextBlock("outer")], Actions = [new ShowCardAction("All", inner)] };
        CardJson.FitToSize(card);
        Assert.True(CardJson.SizeInBytes(card) <= CardJson.MaxBytes);
        Assert.StartsWith("…and ", ((TextBlock)((Container)inner.Body[1]).Items[^1]).Text, StringComparison.Ordinal);
    }
}

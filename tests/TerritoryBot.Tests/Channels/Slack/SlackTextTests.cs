using TerritoryBot.Channels.Slack;

namespace TerritoryBot.Tests.Channels.Slack;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("<@UBOT> show my territory", true, "show my territory")]
    [InlineData("<@UBOT|territorybot>: fairness check", true, "fairness check")]
    [InlineData("  <@UBOT> <@UBOT>  help", true, "help")]
    [InlineData("<@UBOT> show my territory", false, "@UBOT show my territory")]
    [InlineData("what about <@U123|dana>?", true, "what about @dana?")]
    [InlineData("see <#C42|sales> and <https://example.com|the doc>", false, "see #sales and the doc")]
    [InlineData("see <https://example.com>", false, "see https://example.com")]
    [InlineData("AT&amp;T &lt;3 &gt; 2", false, "AT&T <3 > 2")]
    [InlineData("&amp;lt;", false, "&lt;")]
    [InlineData("", true, "")]
    [InlineData(null, true, "")]
    public void ToPlain_SlackMarkup_WhatThePersonTyped(string? text, bool dropLeadingMentions, string expected) =>
        Assert.Equal(expected, SlackText.ToPlain(text, dropLeadingMentions));
}

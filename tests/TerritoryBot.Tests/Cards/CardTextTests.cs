using TerritoryBot.Cards;

namespace TerritoryBot.Tests.Cards;

public sealed class CardTextTests
{
    [Theory]
    [InlineData("*Acme* [x](http://evil)")]
    [InlineData("**bold** __also__ _it_")]
    [InlineData("[link](javascript:alert(1))")]
    [InlineData("[ref]: http://evil.example")]
    [InlineData("<http://evil.example> <b>html</b>")]
    [InlineData("visit www.evil.example or https://evil.example/x")]
    [InlineData("{{DATE(2030-01-01T00:00:00Z, SHORT)}}")]
    [InlineData("`code`")]
    [InlineData("line one\n- a list item\n1. numbered")]
    public void Escape_MarkupInData_NoMarkupCharactersLeft(string data)
    {
        string escaped = CardText.Escape(data);
        foreach (var trigger in new[] { "*", "_", "[", "]", "<", ">", "`", "://", "{{", "www.", "\n", "\r" })
        {
            Assert.DoesNotContain(trigger, escaped, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("- item")]
    [InlineData("+ item")]
    [InlineData("# heading")]
    [InlineData("1. first")]
    [InlineData("12) twelfth")]
    [InlineData("> quote")]
    public void Escape_BlockMarkerAtStart_Neutralised(string data)
    {
        string escaped = CardText.Escape(data);
        Assert.Equal('\u200B', escaped[0]);
        Assert.Equal(data.Replace(">", "\u203A", StringComparison.Ordinal), escaped[1..]);
    }

    [Theory]
    [InlineData("Contoso Health", "Contoso Health")]
    [InlineData("Fabrikam & Sons, Inc. (US) – 1,200 employees · $1.2M", "Fabrikam & Sons, Inc. (US) – 1,200 employees · $1.2M")]
    [InlineData("  padded  ", "padded")]
    [InlineData("2024 results", "2024 results")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Escape_PlainText_Unchanged(string? data, string expected) =>
        Assert.Equal(expected, CardText.Escape(data));

    [Fact]
    public void Escape_LookAlikes_ReadTheSame()
    {
        Assert.Equal("∗Acme∗ ［x］(http:\u2060//evil)", CardText.Escape("*Acme* [x](http://evil)"));
    }
}

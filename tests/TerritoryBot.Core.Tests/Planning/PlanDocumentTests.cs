using TerritoryBot.Core.Planning;

namespace TerritoryBot.Core.Tests.Planning;

public sealed class PlanDocumentTests
{
    private static PlanDocument Document(PlanSection section = PlanSection.All, bool target = true) =>
        PlanDocumentBuilder.Build(TerritoryPlanner.Build(PlanFixture.Input("r1", target ? PlanFixture.Target() : null, target ? "scenario rebalance" : null)), section);

    [Fact]
    public void Markdown_CraftedTerritory_MatchesApprovedSnapshot() =>
        Snapshot.Verify(MarkdownRenderer.Render(Document()), "territory-r1", "md");

    [Fact]
    public void Html_CraftedTerritory_MatchesApprovedSnapshot() =>
        Snapshot.Verify(HtmlRenderer.Render(Document()), "territory-r1", "html");

    [Fact]
    public void Markdown_BusinessPlanSection_MatchesApprovedSnapshot() =>
        Snapshot.Verify(MarkdownRenderer.Render(PlanDocumentBuilder.Build(TerritoryPlanner.Build(PlanFixture.Input("r2")), PlanSection.BusinessPlan)), "business-plan-r2", "md");

    [Fact]
    public void Html_HostileAccountNameAndNotes_AreEscaped()
    {
        string html = HtmlRenderer.Render(Document());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Acme &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co | *Ltd*", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_Document_IsSelfContained()
    {
        string html = HtmlRenderer.Render(Document());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, CountOf(html, "<svg "));
        Assert.Contains("@media print", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_HostileAccountName_CannotInjectMarkupOrBreakTables()
    {
        string md = MarkdownRenderer.Render(Document());
        Assert.DoesNotContain("<script", md, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", md, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(@"Acme &lt;script&gt;alert(""x"")&lt;/script&gt; & Co \| \*Ltd\*", md, StringComparison.Ordinal);
        Assert.Contains(@"\[link\](javascript:alert(2))", md, StringComparison.Ordinal);
        // Every table row has as many unescaped pipes as its header.
        foreach (var table in md.Split("\n\n").Where(b => b.StartsWith('|')))
        {
            var rows = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            int columns = Pipes(rows[0]);
            Assert.All(rows, r => Assert.Equal(columns, Pipes(r)));
        }
    }

    [Theory]
    [InlineData(PlanSection.Territory, "Q1 coverage sequence", "Quota decomposition")]
    [InlineData(PlanSection.BusinessPlan, "Quota decomposition", "Q1 coverage sequence")]
    public void Build_Section_IncludesOnlyThatPart(PlanSection section, string present, string absent)
    {
        var headings = Document(section).Sections.Select(s => s.Heading).ToArray();
        Assert.Contains(present, headings);
        Assert.DoesNotContain(absent, headings);
    }

    [Fact]
    public void Build_AllSections_HasEveryRequiredPart()
    {
        var headings = Document().Sections.Select(s => s.Heading).ToArray();
        string[] required = ["Summary", "Strategic hypothesis", "Account portfolio", "Accounts changing hands", "Q1 coverage sequence",
            "Territory analysis", "Top 10 accounts", "Coverage strategy by tier", "Quota decomposition", "Quarterly milestones", "Resource needs", "Top 3 risks"];
        foreach (var heading in required.Where(h => h != "Top 10 accounts"))
        {
            Assert.Contains(heading, headings);
        }

        // The crafted r1 territory has 6 accounts under the target, so the top list holds 6.
        Assert.Contains("Top 6 accounts", headings);
    }

    [Fact]
    public void Render_SameInput_SameOutput() =>
        Assert.Equal(HtmlRenderer.Render(Document()), HtmlRenderer.Render(Document()));

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static int Pipes(string row)
    {
        int count = 0;
        for (int i = 0; i < row.Length; i++)
        {
            if (row[i] == '\\')
            {
                i++;
            }
            else if (row[i] == '|')
            {
                count++;
            }
        }

        return count;
    }
}

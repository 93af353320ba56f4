using CsCheck;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Core.Tests.Scoring;

public sealed class IndustryNormalizerTests
{
    // A slice of the shipped table's kind of rows (the app test checks the shipped table itself).
    private static readonly IndustrySynonym[] Table =
    [
        new("Financials", "Financial Services", "fortune"),
        new("Technology", "Software", "fortune"),
        new("Health Care", "Healthcare", "fortune"),
        new("Retailing", "Retail", "fortune"),
        new("Business Services", "Professional Services", "fortune"),
        new("COMPUTER_SOFTWARE", "Software", "hubspot"),
        new("HOSPITAL_HEALTH_CARE", "Healthcare", "hubspot"),
        new("Finance", "Financial Services", "salesforce"),
        new("Food, Beverages & Tobacco", "Manufacturing", "fortune"),
    ];

    private static IndustryNormalizer Default(IReadOnlyDictionary<string, IReadOnlyList<string>>? synonyms = null) =>
        new(IcpProfile.Default.TargetIndustries.Keys, synonyms ?? new Dictionary<string, IReadOnlyList<string>>(), Table);

    [Theory]
    [InlineData("Financials", "Financial Services", IndustryMatchKind.Table, true)]
    [InlineData("Technology", "Software", IndustryMatchKind.Table, true)]
    [InlineData("Health Care", "Healthcare", IndustryMatchKind.Table, true)]
    [InlineData("Retailing", "Retail", IndustryMatchKind.Table, true)]
    [InlineData("Hospital & Health Care", "Healthcare", IndustryMatchKind.Table, true)]
    [InlineData("computer software", "Software", IndustryMatchKind.Table, true)]
    [InlineData("  software ", "Software", IndustryMatchKind.Exact, true)]
    [InlineData("FINANCIAL_SERVICES", "Financial Services", IndustryMatchKind.Exact, true)]
    [InlineData("Finacial Services", "Financial Services", IndustryMatchKind.Fuzzy, true)]
    [InlineData("Business Services", "Professional Services", IndustryMatchKind.Table, false)]
    [InlineData("Food Beverages and Tobacco", "Manufacturing", IndustryMatchKind.Table, true)]
    [InlineData("Widgets", "Widgets", IndustryMatchKind.Unmatched, false)]
    [InlineData("", "", IndustryMatchKind.Unmatched, false)]
    public void Match_KnownSchemes_ResolveToIcpIndustries(string label, string industry, IndustryMatchKind kind, bool isTarget)
    {
        var m = Default().Match(label);
        Assert.Equal(industry, m.Industry);
        Assert.Equal(kind, m.Kind);
        Assert.Equal(isTarget, m.IsTarget);
    }

    [Fact]
    public void Match_IcpNamesTheTableIndustryDifferently_MeetsThroughTheTable()
    {
        // The ICP says "Finance"; the table maps both Finance and Financials to Financial Services.
        var n = new IndustryNormalizer(["Finance"], new Dictionary<string, IReadOnlyList<string>>(), Table);
        var m = n.Match("Financials");
        Assert.Equal("Finance", m.Industry);
        Assert.True(m.IsTarget);
    }

    [Fact]
    public void Match_IcpSynonym_WinsOverTheTable()
    {
        var n = Default(new Dictionary<string, IReadOnlyList<string>> { ["Software"] = ["SaaS", "Business Services"] });
        Assert.Equal(("Software", IndustryMatchKind.IcpSynonym), (n.Match("saas").Industry, n.Match("saas").Kind));
        Assert.Equal("Software", n.Match("Business Services").Industry);
    }

    [Fact]
    public void Create_TableMapsOneLabelTwice_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new IndustryNormalizer(["Software"], new Dictionary<string, IReadOnlyList<string>>(),
            [new("Technology", "Software", "a"), new("technology", "Manufacturing", "b")]));
        Assert.Contains("technology", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Create_SynonymForUnknownTarget_Throws()
    {
        Assert.Throws<ArgumentException>(() => Default(new Dictionary<string, IReadOnlyList<string>> { ["Crypto"] = ["DeFi"] }));
    }

    [Fact]
    public void Match_AnyCaseOrPunctuationOfATarget_IsThatTargetExactly()
    {
        var n = Default();
        var targets = IcpProfile.Default.TargetIndustries.Keys.ToArray();
        Gen.Select(Gen.Int[0, targets.Length - 1], Gen.Bool.Array[40], Gen.Int[0, 4].Select(i => new[] { " ", "_", " & ", "-", "  " }[i]))
            .Sample((t, upper, sep) =>
            {
                var name = targets[t];
                var chars = name.Replace(" ", sep, StringComparison.Ordinal).Select((c, i) => upper[i % upper.Length] ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
                var m = n.Match(new string([.. chars]));
                return m.Industry == name && m.Kind == IndustryMatchKind.Exact && m.IsTarget;
            });
    }

    [Fact]
    public void Match_ArbitraryText_DeterministicAndNeverThrows()
    {
        Gen.String.Sample(label =>
        {
            var a = Default().Match(label);
            var b = Default().Match(label);
            return a == b && a.Similarity is >= 0 and <= 1 && (a.Kind != IndustryMatchKind.Unmatched || a.Industry == label.Trim());
        });
    }

    [Fact]
    public void Apply_NormalisesIndustryAndKeepsTheLabel()
    {
        var data = new DataSet(
            [
                new Account { AccountId = "A1", Name = "Bank", Industry = "Financials", Employees = 5000 },
                new Account { AccountId = "A2", Name = "Soft", Industry = "Software", Employees = 500 },
                new Account { AccountId = "A3", Name = "Odd", Industry = "Widgets", Employees = 50 },
            ], [], [], IcpProfile.Default);
        var (normalised, labels) = IndustryNormalization.Apply(data, Table);
        Assert.Equal(["Financial Services", "Software", "Widgets"], normalised.Accounts.Select(a => a.Industry));
        Assert.Equal(["Financials", null, null], normalised.Accounts.Select(a => a.IndustryLabel));
        Assert.Single(labels, l => l.Match.Kind == IndustryMatchKind.Unmatched && l.Match.Label == "Widgets");

        // Applying twice changes nothing more (labels are read from IndustryLabel).
        var (again, _) = IndustryNormalization.Apply(normalised, Table);
        Assert.Same(normalised, again);
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Cards;

/// <summary>The portfolio score summary as an Adaptive Card: totals, concentration, tier mix and top accounts.</summary>
internal static class ScoreCard
{
    /// <summary>Drill-down verb: the top accounts by potential (data: {"top": N}).</summary>
    public const string TopAccountsVerb = "accounts.top";

    public const int DefaultTop = 5;

    /// <summary>The drill-down asks for this many accounts.</summary>
    public const int DrillTop = 25;

    /// <param name="result">The scores; only <see cref="ScoringResult.Summary"/> and the as-of date are read.</param>
    /// <param name="top">Top accounts listed.</param>
    /// <param name="scope">What the summary covers ("your accounts"), shown under the title; null for the whole portfolio.</param>
    public static AdaptiveCard Build(ScoringResult result, int top = DefaultTop, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        var s = result.Summary;
        var card = new AdaptiveCard
        {
            FallbackText = $"Account scores as of {Format.Date(result.AsOf)}: {s.Accounts} accounts, potential {Format.Money(s.TotalPotentialArr)}.",
            Msteams = new TeamsOptions("Full"),
        };

        card.Body.Add(new TextBlock("Account scores") { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true });
        string scopeText = scope is null ? "" : CardText.Escape(Capitalise(scope)) + " · ";
        card.Body.Add(new TextBlock($"{scopeText}As of {Format.Date(result.AsOf)} · {Format.Plural(s.Accounts, "account")}, {Format.Plural(s.Customers, "customer")}")
        {
            IsSubtle = true,
            Spacing = Spacing.None,
            Wrap = true,
        });

        card.Body.Add(new FactSet
        {
            Facts =
            [
                new("Potential ARR", Format.Money(s.TotalPotentialArr)),
                new("Current ARR", Format.Money(s.TotalCurrentArr)),
                new("Whitespace", Format.Plural(s.WhitespaceAccounts, "account")),
                new("Estimates", $"{s.ComparablesEstimates} from comparables, {s.FallbackEstimates} by formula"),
                new("Tier mismatches", Format.Plural(s.MisclassifiedCount, "account")),
            ],
        });

        card.Body.Add(Heading("Concentration"));
        card.Body.Add(new TextBlock(Capitalise(s.Concentration.Sentence)) { Wrap = true, Spacing = Spacing.Small });
        card.Body.Add(new FactSet
        {
            Spacing = Spacing.Small,
            Facts =
            [
                new($"Top {Format.Percent(s.Concentration.TopShareOfAccounts)} ({Format.Plural(s.Concentration.TopAccounts, "account")})",
                    $"{Format.Percent(s.Concentration.ShareOfPotential)} of potential"),
                new("Gini", s.Concentration.Gini.ToString("0.00", CultureInfo.InvariantCulture)),
            ],
        });

        card.Body.Add(Heading("Tier mix"));
        var tierFacts = new FactSet
        {
            Facts = [.. s.ByTier.Select(t => new Fact(t.Name, $"{Format.Plural(t.Accounts, "account")} · {Format.Money(t.PotentialArr)} ({Format.Percent(t.ShareOfPotential)})"))],
        };
        card.Body.Add(new DonutChart(tierFacts)
        {
            Title = "Potential ARR by tier",
            Data = [.. s.ByTier.Select(t => new DonutDatum(t.Name, Math.Round(t.PotentialArr)))],
        });

        var shown = s.TopAccounts.Take(top).ToList();
        card.Body.Add(Heading(shown.Count == s.TopAccounts.Count && shown.Count < top ? "Top accounts" : $"Top {shown.Count} accounts"));
        var rows = new Container { Trimmable = true, Spacing = Spacing.Small };
        foreach (var a in shown)
        {
            rows.Items.Add(new ColumnSet
            {
                Spacing = Spacing.Small,
                Columns =
                [
                    new Column { Width = "auto", Items = [new TextBlock($"{a.Rank}.") { IsSubtle = true }] },
                    new Column
                    {
                        Width = "stretch",
                        Items =
                        [
                            new TextBlock(CardText.Escape($"{a.Name} ({a.AccountId})")) { Wrap = true, Weight = TextWeight.Bolder },
                            new TextBlock(CardText.Escape($"{a.Tier} · {a.Industry} · fit {a.IcpFit}/5 · {a.CoverageApproach}"))
                            {
                                IsSubtle = true, Wrap = true, Spacing = Spacing.None,
                            },
                        ],
                    },
                    new Column
                    {
                        Width = "auto",
                        Items = [new TextBlock(Format.Money(a.PotentialArr)) { HorizontalAlignment = HorizontalAlignment.Right }],
                    },
                ],
            });
        }

        if (shown.Count == 0)
        {
            rows.Items.Add(new TextBlock("No accounts to show.") { IsSubtle = true });
        }

        card.Body.Add(rows);

        card.Actions =
        [
            ExecuteAction.Drill($"Top {DrillTop} accounts", TopAccountsVerb, new JsonObject { ["top"] = DrillTop }),
        ];

        return CardJson.FitToSize(card);
    }

    private static TextBlock Heading(string text) =>
        new(text) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Separator = true, Wrap = true };

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

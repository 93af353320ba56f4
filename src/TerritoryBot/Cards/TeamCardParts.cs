using TerritoryBot.Core.Planning;

namespace TerritoryBot.Cards;

/// <summary>Pieces the team cards (scenarios, fairness, coverage, fit) share: headings, scope notes, bar charts with fallbacks.</summary>
internal static class TeamCardParts
{
    public static TextBlock Title(string text) =>
        new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true };

    public static TextBlock Subtitle(string text) =>
        new(text) { IsSubtle = true, Spacing = Spacing.None, Wrap = true };

    public static TextBlock Heading(string text) =>
        new(text) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Separator = true, Wrap = true };

    public static TextBlock Paragraph(string escapedText) =>
        new(escapedText) { Wrap = true, Spacing = Spacing.Small };

    /// <summary>The manager's "these figures cover your team only" line, or nothing for ops.</summary>
    public static IEnumerable<CardElement> ScopeNote(string note) =>
        note.Length == 0 ? [] : [new TextBlock(CardText.Escape(note)) { Wrap = true, Color = TextColor.Accent, Spacing = Spacing.Small }];

    /// <summary>
    /// A Chart.HorizontalBar (one bar per label) whose fallback lists the same bars as facts, so hosts without
    /// charts (the web chat's renderer, Slack) still show every value. Labels are chart data, not markdown.
    /// </summary>
    public static HorizontalBarChart Bars(string title, IReadOnlyList<(string Label, double Value, string Shown)> bars)
    {
        var fallback = new Container
        {
            Items =
            [
                new TextBlock(CardText.Escape(title)) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Small },
                new FactSet { Spacing = Spacing.Small, Facts = [.. bars.Select(b => new Fact(CardText.Escape(b.Label), CardText.Escape(b.Shown)))] },
            ],
        };
        return new HorizontalBarChart(fallback)
        {
            Title = title,
            Data = [.. bars.Select(b => new BarDatum(b.Label, Math.Round(b.Value, 1)))],
        };
    }

    /// <summary>
    /// A table row of already-escaped cells. Weighted widths (the first cell twice as wide) keep the columns of
    /// separate rows aligned, which "auto" widths would not.
    /// </summary>
    public static ColumnSet Row(bool header, params string[] cells) => new()
    {
        Spacing = Spacing.Small,
        Columns =
        [
            .. cells.Select((c, i) => new Column
            {
                Width = i == 0 ? "2" : "1",
                Items = [new TextBlock(c) { Wrap = true, Weight = header ? TextWeight.Bolder : null, IsSubtle = header ? true : null,
                    HorizontalAlignment = i == 0 ? null : HorizontalAlignment.Right }],
            }),
        ],
    };

    public static string Signed(double pct, string format = "0.0") => (pct >= 0 ? "+" : "−") + Format.Number(Math.Abs(pct), format) + "%";
}

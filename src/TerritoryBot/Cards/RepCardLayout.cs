using System.Text.Json.Nodes;
using TerritoryBot.Core.Planning;

namespace TerritoryBot.Cards;

/// <summary>
/// Building blocks shared by the rep cards (territory, accounts, whitespace, plans). Every text that can carry
/// data goes through <see cref="CardText.Escape"/> here, so a card cannot forget it.
/// </summary>
internal static class RepCardLayout
{
    /// <summary>
    /// A full-width card whose fallback text is the first line of <paramref name="text"/> (the whole text would double
    /// the card's size), escaped too: some hosts show the fallback with markdown in previews.
    /// </summary>
    public static AdaptiveCard NewCard(string text) => new()
    {
        FallbackText = CardText.Escape(text.Split('\n', 2)[0]),
        Msteams = new TeamsOptions("Full"),
    };

    public static TextBlock Title(string text) =>
        new(CardText.Escape(text)) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true };

    public static TextBlock Subtitle(string text) =>
        new(CardText.Escape(text)) { IsSubtle = true, Spacing = Spacing.None, Wrap = true };

    public static TextBlock Heading(string text) =>
        new(CardText.Escape(text)) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Separator = true, Wrap = true };

    public static TextBlock Paragraph(string text, bool subtle = false) =>
        new(CardText.Escape(text)) { Wrap = true, Spacing = Spacing.Small, IsSubtle = subtle ? true : null };

    public static FactSet Facts(params (string Title, string Value)[] facts) =>
        new() { Facts = [.. facts.Select(f => new Fact(CardText.Escape(f.Title), CardText.Escape(f.Value)))] };

    public static FactSet Facts(IEnumerable<(string Title, string Value)> facts) => Facts([.. facts]);

    /// <summary>A list the size guard may shorten; shows <paramref name="empty"/> when there are no rows.</summary>
    public static Container List(IEnumerable<CardElement> rows, string empty)
    {
        var list = new Container { Trimmable = true, Spacing = Spacing.Small, Items = [.. rows] };
        if (list.Items.Count == 0)
        {
            list.Items.Add(new TextBlock(CardText.Escape(empty)) { IsSubtle = true, Wrap = true });
        }

        return list;
    }

    /// <summary>One list row: a rank, a bold line with details under it, a figure on the right and an optional button.</summary>
    public static ColumnSet Row(string? rank, string headline, string? details, string? figure, CardAction? action = null)
    {
        var main = new Column
        {
            Width = "stretch",
            Items = [new TextBlock(CardText.Escape(headline)) { Wrap = true, Weight = TextWeight.Bolder }],
        };
        if (!string.IsNullOrEmpty(details))
        {
            main.Items.Add(new TextBlock(CardText.Escape(details)) { IsSubtle = true, Wrap = true, Spacing = Spacing.None });
        }

        if (action is not null)
        {
            main.Items.Add(new ActionSet { Spacing = Spacing.Small, Actions = [action] });
        }

        var row = new ColumnSet { Spacing = Spacing.Small, Separator = true };
        if (rank is not null)
        {
            row.Columns.Add(new Column { Width = "auto", Items = [new TextBlock(CardText.Escape(rank)) { IsSubtle = true }] });
        }

        row.Columns.Add(main);
        if (figure is not null)
        {
            row.Columns.Add(new Column
            {
                Width = "auto",
                Items = [new TextBlock(CardText.Escape(figure)) { HorizontalAlignment = HorizontalAlignment.Right }],
            });
        }

        return row;
    }

    /// <summary>A bar chart with a label/value fact list as the fallback for hosts without Teams charts.</summary>
    public static HorizontalBarChart Bars(string title, IEnumerable<(string Label, double Value)> bars, Func<double, string> format)
    {
        var data = bars.ToList();
        var fallback = Facts(data.Select(d => (d.Label, format(d.Value))));
        return new HorizontalBarChart(fallback)
        {
            Title = CardText.Escape(title),
            Data = [.. data.Select(d => new BarDatum(CardText.Escape(d.Label), Math.Round(d.Value)))],
        };
    }

    /// <summary>A donut with a fact list fallback; slices with nothing in them are left out.</summary>
    public static DonutChart Donut(string title, IEnumerable<(string Label, double Value, string Shown)> slices)
    {
        var data = slices.ToList();
        var fallback = Facts(data.Select(d => (d.Label, d.Shown)));
        return new DonutChart(fallback)
        {
            Title = CardText.Escape(title),
            Data = [.. data.Where(d => d.Value > 0).Select(d => new DonutDatum(CardText.Escape(d.Label), Math.Round(d.Value)))],
        };
    }

    public static ExecuteAction Drill(string title, string verb, params (string Key, JsonNode? Value)[] data)
    {
        var json = new JsonObject();
        foreach (var (key, value) in data)
        {
            json[key] = value;
        }

        return ExecuteAction.Drill(title, verb, json);
    }
}

using System.Text.Json.Nodes;
using TerritoryBot.Cards;

namespace TerritoryBot.Tests.Cards;

/// <summary>Cards that exercise every element of the model, for the schema and renderer check.</summary>
internal static class CardSamples
{
    public static AdaptiveCard EveryElement() => new()
    {
        Schema = "http://adaptivecards.io/schemas/adaptive-card.json",
        Msteams = new TeamsOptions("Full"),
        Body =
        [
            new TextBlock("Sample") { Size = TextSize.ExtraLarge, Weight = TextWeight.Bolder, Color = TextColor.Accent, MaxLines = 2, Id = "title" },
            new FactSet { Facts = [new("A", "1"), new("B", "2")], Separator = true, Spacing = Spacing.Padding },
            new HorizontalBarChart(new ColumnSet
            {
                Columns =
                [
                    new Column { Width = "stretch", Items = [new TextBlock("R001")] },
                    new Column { Width = "80px", VerticalContentAlignment = VerticalAlignment.Center, Items = [new TextBlock("12") { HorizontalAlignment = HorizontalAlignment.Right }] },
                ],
            })
            {
                Title = "Load by rep",
                Data = [new BarDatum("R001", 12), new BarDatum("R002", 9.5)],
            },
            new Container
            {
                Style = ContainerStyle.Emphasis,
                Items = [new TextBlock("inside") { IsSubtle = true, Wrap = true }],
            },
            new ActionSet
            {
                Actions = [new SubmitAction("Plain submit") { Data = new JsonObject { ["verb"] = "help" }, Style = ActionStyle.Positive }],
            },
        ],
        Actions =
        [
            ExecuteAction.Drill("Approve", "proposal.approve", new JsonObject { ["proposalId"] = 7, ["version"] = 2 }),
            new ShowCardAction("Details", new AdaptiveCard { Body = [new TextBlock("More detail") { Wrap = true }] }),
        ],
    };

    /// <summary>A card with one trimmable list of <paramref name="rows"/> account lines.</summary>
    public static AdaptiveCard HugeList(int rows)
    {
        var list = new Container { Trimmable = true };
        for (int i = 0; i < rows; i++)
        {
            list.Items.Add(new ColumnSet
            {
                Columns =
                [
                    new Column { Width = "stretch", Items = [new TextBlock($"Account {i:D6} with a reasonably long name") { Wrap = true }] },
                    new Column { Width = "auto", Items = [new TextBlock($"${i * 1000:N0}")] },
                ],
            });
        }

        return new AdaptiveCard { Body = [new TextBlock("Accounts") { Weight = TextWeight.Bolder }, list] };
    }
}

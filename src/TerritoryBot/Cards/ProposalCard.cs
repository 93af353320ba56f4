using System.Text.Json.Nodes;
using TerritoryBot.Conversation;
using TerritoryBot.Plugins;

namespace TerritoryBot.Cards;

/// <summary>
/// Reassignment proposal cards. Ops see Approve (Action.Execute <see cref="ApproveVerb"/>) and Reject (a ShowCard
/// asking for the reason, then Action.Execute <see cref="RejectVerb"/>) on a pending proposal, and Revert on an
/// applied one; both decision buttons carry {proposalId, version}, so a press on an outdated card changes nothing.
/// </summary>
internal static class ProposalCard
{
    public const string ApproveVerb = "proposal.approve";
    public const string RejectVerb = "proposal.reject";
    public const string RevertVerb = "proposal.revert";
    public const string ShowVerb = "proposal.show";
    public const string FromScenarioVerb = "proposal.fromScenario";
    public const string FromFairnessVerb = "proposal.fromFairness";

    /// <summary>The Input.Text id; its value arrives merged into the reject action's data.</summary>
    public const string ReasonInput = "reason";

    public static AdaptiveCard Build(ProposalView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var card = new AdaptiveCard { Msteams = new TeamsOptions("Full") };
        card.Body.Add(new TextBlock($"Reassignment proposal #{view.Id}") { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true });
        card.Body.Add(new TextBlock(CardText.Escape(view.StatusLine))
        {
            Spacing = Spacing.None,
            Wrap = true,
            Weight = TextWeight.Bolder,
            Color = view.Status switch
            {
                ProposalView.Applied => TextColor.Good,
                ProposalView.Rejected => TextColor.Attention,
                ProposalView.Superseded => TextColor.Warning,
                _ => TextColor.Accent,
            },
        });
        if (view.Note is not null)
        {
            card.Body.Add(new Container
            {
                Style = ContainerStyle.Warning,
                Items = [new TextBlock(CardText.Escape(view.Note)) { Wrap = true }],
            });
        }

        var facts = new List<Fact>
        {
            new("Proposed by", CardText.Escape($"{view.ProposerName} ({view.ProposerRepId})")),
            new("From", CardText.Escape(view.SourceText)),
            new("Reason", view.Reason is null ? "No reason given" : CardText.Escape(view.Reason)),
            new("Accounts", view.Moves.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (view.DecisionReason is not null)
        {
            facts.Add(new Fact(view.Status == ProposalView.Rejected ? "Rejection reason" : "Decision", CardText.Escape(view.DecisionReason)));
        }

        card.Body.Add(new FactSet { Facts = facts });
        card.Body.Add(new TextBlock("Moves") { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Separator = true });
        card.Body.Add(MoveRow("Account", "From", "To", header: true));
        var rows = new Container { Trimmable = true, Spacing = Spacing.None };
        foreach (var move in view.Moves)
        {
            rows.Items.Add(MoveRow(
                $"{move.AccountName} ({move.AccountId})",
                ProposalView.Who(move.FromName),
                ProposalView.Who(move.ToName),
                header: false,
                move.Rationale));
        }

        card.Body.Add(rows);
        card.Actions = Actions(view);
        return CardJson.FitToSize(card);
    }

    public static AdaptiveCard BuildList(ProposalListView list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var card = new AdaptiveCard { Msteams = new TeamsOptions("Full") };
        card.Body.Add(new TextBlock("Reassignment proposals") { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true });
        var pending = list.Proposals.Count(p => p.Status == ProposalView.Pending);
        card.Body.Add(new TextBlock(CardText.Escape($"{pending} pending, {list.Proposals.Count - pending} recently decided · {list.Scope}"))
        {
            IsSubtle = true, Spacing = Spacing.None, Wrap = true,
        });
        var rows = new Container { Trimmable = true };
        foreach (var p in list.Proposals)
        {
            var movesText = p.Moves.Count == 1
                ? $"{p.Moves[0].AccountName}: {ProposalView.Who(p.Moves[0].FromName)} → {ProposalView.Who(p.Moves[0].ToName)}"
                : $"{p.Moves.Count} accounts";
            rows.Items.Add(new ColumnSet
            {
                Separator = true,
                Columns =
                [
                    new Column
                    {
                        Width = "stretch",
                        Items =
                        [
                            new TextBlock(CardText.Escape($"#{p.Id} · {movesText}")) { Weight = TextWeight.Bolder, Wrap = true },
                            new TextBlock(CardText.Escape($"{p.StatusLine} · {p.SourceText}")) { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
                        ],
                    },
                    new Column
                    {
                        Width = "auto",
                        VerticalContentAlignment = VerticalAlignment.Center,
                        Items = [new ActionSet { Actions = [ExecuteAction.Drill("Open", ShowVerb, new JsonObject { ["proposalId"] = checked((int)p.Id) })] }],
                    },
                ],
            });
        }

        if (list.Proposals.Count == 0)
        {
            rows.Items.Add(new TextBlock("No proposals.") { IsSubtle = true });
        }

        card.Body.Add(rows);
        return CardJson.FitToSize(card);
    }

    private static List<CardAction>? Actions(ProposalView view)
    {
        if (view.CanDecide)
        {
            var decision = new JsonObject { ["proposalId"] = checked((int)view.Id), ["version"] = view.Version };
            var approve = ExecuteAction.Drill("Approve", ApproveVerb, (JsonObject)decision.DeepClone());
            approve.Style = ActionStyle.Positive;
            approve.Fallback!.Style = ActionStyle.Positive;
            var reject = ExecuteAction.Drill("Reject", RejectVerb, (JsonObject)decision.DeepClone());
            reject.Style = ActionStyle.Destructive;
            reject.Fallback!.Style = ActionStyle.Destructive;
            var reasonCard = new AdaptiveCard
            {
                Body =
                [
                    new TextInput(ReasonInput)
                    {
                        Label = "Why reject it?",
                        Placeholder = "The reason the proposer and the reps will see",
                        IsMultiline = true,
                        IsRequired = true,
                        MaxLength = CardActionData.MaxReasonLength,
                        ErrorMessage = $"A reason is required (at most {CardActionData.MaxReasonLength} characters).",
                    },
                ],
                Actions = [reject],
            };
            return [approve, new ShowCardAction("Reject…", reasonCard)];
        }

        if (view.CanRevert)
        {
            return [ExecuteAction.Drill("Revert", RevertVerb, new JsonObject { ["proposalId"] = checked((int)view.Id) })];
        }

        return null;
    }

    private static ColumnSet MoveRow(string account, string from, string to, bool header, string? rationale = null)
    {
        TextBlock Cell(string text) => new(CardText.Escape(text))
        {
            Wrap = true,
            Weight = header ? TextWeight.Bolder : null,
            IsSubtle = header ? true : null,
        };

        var accountItems = new List<CardElement> { Cell(account) };
        if (rationale is not null)
        {
            accountItems.Add(new TextBlock(CardText.Escape(rationale)) { IsSubtle = true, Wrap = true, Spacing = Spacing.None, Size = TextSize.Small });
        }

        return new ColumnSet
        {
            Spacing = Spacing.Small,
            Columns =
            [
                new Column { Width = "3", Items = accountItems },
                new Column { Width = "2", Items = [Cell(from)] },
                new Column { Width = "2", Items = [Cell(header ? to : "→ " + to)] },
            ],
        };
    }
}

using System.Globalization;
using System.Text;
using TerritoryBot.Cards;
using TerritoryBot.Conversation;
using TerritoryBot.Workflow;

namespace TerritoryBot.Plugins;

/// <summary>One account move with the names people know.</summary>
internal sealed record ProposalMoveView(
    string AccountId, string AccountName, string? FromRepId, string? FromName, string? ToRepId, string? ToName, string? Rationale);

/// <summary>A reassignment proposal as a person (or a model) reads it; <see cref="Note"/> says what just happened when it needs saying.</summary>
internal sealed record ProposalView(
    long Id,
    int Version,
    string Status,
    string Source,
    string? Scenario,
    string ProposerRepId,
    string ProposerName,
    string? Reason,
    DateTime CreatedAtUtc,
    string? DecidedBy,
    string? DecidedByName,
    DateTime? DecidedAtUtc,
    string? DecisionReason,
    long? RevertsProposalId,
    IReadOnlyList<ProposalMoveView> Moves,
    string? Note,
    bool ViewerIsOps) : IViewModel
{
    public const string Pending = "pending";
    public const string Applied = "applied";
    public const string Rejected = "rejected";
    public const string Superseded = "superseded";

    public bool CanDecide => ViewerIsOps && Status == Pending;
    public bool CanRevert => ViewerIsOps && Status == Applied;

    /// <summary>"Pending approval", "Approved by Sam Patel at 2026-11-22 14:05 UTC", …</summary>
    public string StatusLine => Status switch
    {
        Pending => $"Pending approval · proposed by {ProposerName} at {When(CreatedAtUtc)}",
        Applied => $"Approved by {DecidedByName ?? DecidedBy} at {When(DecidedAtUtc)}",
        Rejected => $"Rejected by {DecidedByName ?? DecidedBy} at {When(DecidedAtUtc)}",
        _ => $"Superseded at {When(DecidedAtUtc)}",
    };

    public string SourceText => Source switch
    {
        "scenario" => $"the {Scenario} scenario",
        "fairness" => "fairness adjustments",
        "revert" => $"revert of proposal #{RevertsProposalId}",
        _ => "chat request",
    };

    public string Text
    {
        get
        {
            var sb = new StringBuilder();
            if (Note is not null)
            {
                sb.AppendLine(Note);
            }

            sb.AppendLine(CultureInfo.InvariantCulture, $"Proposal #{Id} ({SourceText}): {StatusLine}.");
            if (DecisionReason is not null)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"Decision reason: {DecisionReason}");
            }

            sb.AppendLine(CultureInfo.InvariantCulture, $"Reason: {Reason ?? "none given"}");
            foreach (var move in Moves.Take(MaxTextMoves))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- {move.AccountName} ({move.AccountId}): {Who(move.FromName)} → {Who(move.ToName)}");
            }

            if (Moves.Count > MaxTextMoves)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"…and {Moves.Count - MaxTextMoves} more");
            }

            if (CanDecide)
            {
                sb.Append(CultureInfo.InvariantCulture, $"Say \"approve {Id}\" or \"reject {Id} because …\".");
            }
            else if (CanRevert)
            {
                sb.Append(CultureInfo.InvariantCulture, $"Say \"revert proposal {Id}\" to propose undoing it.");
            }

            return sb.ToString().TrimEnd();
        }
    }

    private const int MaxTextMoves = 20;

    public AdaptiveCard? ToCard() => ProposalCard.Build(this);

    public static string Who(string? name) => name ?? "unassigned";

    public static string When(DateTime? utc) =>
        utc is { } at ? at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "an unknown time";
}

/// <summary>The proposals a caller may see: pending first, then the latest decided.</summary>
internal sealed record ProposalListView(IReadOnlyList<ProposalView> Proposals, string Scope) : IViewModel
{
    public string Text => Proposals.Count == 0
        ? $"There are no reassignment proposals {Scope}."
        : $"Reassignment proposals {Scope}:" + Environment.NewLine + string.Join(Environment.NewLine, Proposals.Select(p =>
            $"- #{p.Id} {p.Status}: {p.Moves.Count} account(s), {p.SourceText}, by {p.ProposerName}"));

    public AdaptiveCard? ToCard() => ProposalCard.BuildList(this);
}

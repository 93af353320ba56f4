using System.Text;
using TerritoryBot.Core.Fairness;
using TerritoryBot.Core.Planning;

namespace TerritoryBot.Plugins;

/// <summary>
/// A suggested move as a manager says it out loud, built from the engine's facts (deviations, distances,
/// move kind, relationship flags): who gains what, how far the account ends from its new owner and
/// whether that is closer or farther than today (and why when farther), and what the relationship
/// hand-over involves. The engine returns numbers and flags; the words live here.
/// </summary>
internal static class FairnessWording
{
    /// <summary>The rationale of <paramref name="m"/>; <paramref name="name"/> turns a rep id into a display name.</summary>
    /// <param name="lead">False where the account, the two reps and the potential are already shown beside the text (the card).</param>
    public static string Rationale(AccountMove m, FairnessReport report, Func<string, string> name, string? place = null, bool lead = true)
    {
        string to = name(m.ToRepId);
        var sb = new StringBuilder();
        string where = place is { Length: > 0 } ? $", {place}" : "";
        if (m.FromRepId.Length > 0)
        {
            string from = name(m.FromRepId);
            if (lead)
            {
                sb.Append($"Move {m.AccountName} ({Format.Money(m.PotentialArr)} potential{where}) from {from} to {to}: ");
            }

            sb.Append($"{from} {Signed(m.FromDeviationBeforePct!.Value)} → {Signed(m.FromDeviationAfterPct!.Value)}, ");
            sb.Append($"{to} {Signed(m.ToDeviationBeforePct)} → {Signed(m.ToDeviationAfterPct)} against the mean.");
        }
        else
        {
            if (lead)
            {
                sb.Append($"Give unassigned {m.AccountName} ({Format.Money(m.PotentialArr)} potential{where}) to {to}: ");
            }

            sb.Append($"{to} {Signed(m.ToDeviationBeforePct)} → {Signed(m.ToDeviationAfterPct)} against the mean.");
        }

        sb.Append(' ').Append(Distance(m, report, name));
        if (m.PartnerAccountId is { } partnerId && report.Adjustments.Moves.FirstOrDefault(x => x.AccountId == partnerId) is { } partner)
        {
            sb.Append(m.Kind == MoveKind.Chain
                ? $" Chain with {partner.AccountName} ({name(partner.FromRepId)} to {name(partner.ToRepId)})."
                : $" Swap with {partner.AccountName}.");
        }

        sb.Append(' ').Append(Relationship(m, to));
        return sb.ToString();
    }

    /// <summary>The distance sentence: where the account ends up against where it is today, with the reason when it is farther.</summary>
    public static string Distance(AccountMove m, FairnessReport report, Func<string, string> name)
    {
        string to = name(m.ToRepId);
        string toBase = m.ReceiverBaseIsTerritoryCentre ? $"the centre of {to}'s territory" : $"{to}'s home";
        if (m.DistanceKm is not { } km)
        {
            return "Its location or the rep's base is not recorded, so the distance is unknown.";
        }

        if (m.FromDistanceKm is not { } was)
        {
            return $"It is {Km(km)} from {toBase}.";
        }

        string from = name(m.FromRepId);
        double change = km - was;
        if (Math.Abs(change) < 1)
        {
            return $"It is {Km(km)} from {toBase}, as far as from {from}.";
        }

        if (change < 0)
        {
            return $"It is {Km(km)} from {toBase}, {Km(-change)} closer than to {from} ({Km(was)}).";
        }

        string because = m.FartherReason switch
        {
            FartherReason.OnlyGiverIsCloser => $"no rep but {from} is closer to it",
            FartherReason.CloserRepsAtOrAboveMean when m.CloserRepId is { } c =>
                $"{name(c)}, who is closer, ends at {Signed(m.CloserRepDeviationAfterPct ?? 0)} of the mean and needs no more",
            FartherReason.ReceiverFurtherBelowMean when m.CloserRepId is { } c =>
                $"{to} was further below the mean ({Signed(m.ToDeviationBeforePct)}) than {name(c)}, who is closer",
            FartherReason.NoFittingAccountForCloserRep when m.CloserRepId is { } c =>
                $"{name(c)}, who is closer, could not take an account of this size without leaving the band",
            FartherReason.NoNearbyFix => report.Adjustments.NeighbourhoodKm is { } n
                ? $"a far move, as no neighbour, swap or short chain within {Km(2 * n)} closes the gap"
                : "a far move, as no neighbour, swap or short chain closes the gap",
            _ => "it removes the most imbalance",
        };
        return $"It is {Km(km)} from {toBase}, {Km(change)} farther than from {from} ({Km(was)}): {because}.";
    }

    /// <summary>What the relationship hand-over involves.</summary>
    public static string Relationship(AccountMove m, string to)
    {
        var parts = new List<string>();
        if (m.OpenPipeline > 0)
        {
            parts.Add($"{Format.Money(m.OpenPipeline)} open pipeline goes with it: plan the hand-over");
        }

        if (m.IsCustomer)
        {
            parts.Add(m.CurrentArr > 0 ? $"customer ({Format.Money(m.CurrentArr)} ARR): introduce {to} first" : $"customer: introduce {to} first");
        }

        if (m.HasRelationshipNotes)
        {
            parts.Add("relationship notes go into the transition package");
        }

        if (parts.Count == 0)
        {
            return "Nothing to hand over.";
        }

        string text = string.Join("; ", parts);
        return char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }

    /// <summary>Workload before and after the moves, one sentence.</summary>
    public static string Workload(AdjustmentPlan plan, double tolerancePct)
    {
        string band = $"±{Format.Number(tolerancePct, "0.##")}%";
        string what = plan.BalancedWorkload ? "Workload was balanced too" : "Workload was not balanced, only reported";
        return $"{what}: the largest workload deviation goes from {Format.Number(plan.MaxAbsWorkloadDeviationBeforePct, "0.0")}% to "
            + $"{Format.Number(plan.MaxAbsWorkloadDeviationAfterPct, "0.0")}%, {(plan.WorkloadWithinTolerance ? "inside" : "outside")} the {band} band.";
    }

    private static string Signed(double pct) =>
        Math.Abs(pct) < 0.5 ? "0%" : (pct > 0 ? "+" : "−") + Format.Number(Math.Abs(pct), "0") + "%";

    private static string Km(double km) => Format.Int((long)Math.Round(km)) + " km";
}

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
    public static string Rationale(AccountMove m, FairnessReport report, Func<string, string> name, string? place = null)
    {
        string to = name(m.ToRepId);
        var sb = new StringBuilder();
        string where = place is { Length: > 0 } ? $", {place}" : "";
        if (m.FromRepId.Length > 0)
        {
            string from = name(m.FromRepId);
            sb.Append($"Move {m.AccountName} ({Format.Money(m.PotentialArr)} potential{where}) from {from} to {to}: ");
            sb.Append($"{from} goes from {Signed(m.FromDeviationBeforePct!.Value)} to {Signed(m.FromDeviationAfterPct!.Value)} of the team mean, ");
            sb.Append($"{to} from {Signed(m.ToDeviationBeforePct)} to {Signed(m.ToDeviationAfterPct)}.");
        }
        else
        {
            sb.Append($"Give unassigned {m.AccountName} ({Format.Money(m.PotentialArr)} potential{where}) to {to}: ");
            sb.Append($"{to} goes from {Signed(m.ToDeviationBeforePct)} to {Signed(m.ToDeviationAfterPct)} of the team mean.");
        }

        sb.Append(' ').Append(Distance(m, report, name));
        if (m.PartnerAccountId is { } partnerId && report.Adjustments.Moves.FirstOrDefault(x => x.AccountId == partnerId) is { } partner)
        {
            sb.Append(m.Kind == MoveKind.Chain
                ? $" Part of a two-step chain with {partner.AccountName} ({name(partner.FromRepId)} to {name(partner.ToRepId)}), so neither account has to travel far."
                : $" Part of a swap with {partner.AccountName}, which goes the other way.");
        }

        sb.Append(' ').Append(Relationship(m, to));
        return sb.ToString();
    }

    /// <summary>The distance sentence: where the account ends up against where it is today, with the reason when it is farther.</summary>
    public static string Distance(AccountMove m, FairnessReport report, Func<string, string> name)
    {
        string to = name(m.ToRepId);
        string toBase = m.ReceiverBaseIsTerritoryCentre ? $"the centre of {to}'s territory" : $"{to}'s home base";
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
            return $"It is {Km(km)} from {toBase}, as far as from {from} today.";
        }

        if (change < 0)
        {
            return $"It is {Km(km)} from {toBase}, {Km(-change)} closer than to {from} today ({Km(was)}).";
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
                ? $"no neighbouring territory, swap or short chain within {Km(2 * n)} could close the gap, so this is a far move"
                : "no neighbouring territory, swap or short chain could close the gap, so this is a far move",
            _ => "it is the move that removes the most imbalance",
        };
        return $"It is {Km(km)} from {toBase}, {Km(change)} farther than from {from} today ({Km(was)}), because {because}.";
    }

    /// <summary>What the relationship hand-over involves.</summary>
    public static string Relationship(AccountMove m, string to)
    {
        var parts = new List<string>();
        if (m.OpenPipeline > 0)
        {
            parts.Add($"{Format.Money(m.OpenPipeline)} of open pipeline goes with it, so plan the hand-over of those deals");
        }

        if (m.IsCustomer)
        {
            parts.Add(m.CurrentArr > 0 ? $"it is a customer paying {Format.Money(m.CurrentArr)} a year, so introduce {to} before the switch"
                : $"it is a customer, so introduce {to} before the switch");
        }

        if (m.HasRelationshipNotes)
        {
            parts.Add("its relationship notes go into the transition package");
        }

        if (parts.Count == 0)
        {
            return "No open pipeline, no customer contract and no relationship notes: nothing to hand over.";
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

using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Design;

/// <summary>What the per-rep target shares were built from, and which reps had to borrow a value.</summary>
/// <param name="Shares">One share per rep, in rep order, summing to 1.</param>
/// <param name="Mode">The mode asked for.</param>
/// <param name="Filled">Rep ids whose quota or capacity was missing and took the team mean of those that have one.</param>
/// <param name="FellBackToEqual">True when no rep had the value at all, so every rep got the same weight.</param>
public sealed record TargetShareSet(IReadOnlyList<double> Shares, TargetMode Mode, IReadOnlyList<string> Filled, bool FellBackToEqual);

/// <summary>
/// Per-rep target shares of every balanced dimension: equal, by quota or by capacity, with ramping reps
/// scaled by a factor, then normalised. Shared by design (targets of every dimension) and fairness
/// (deviation against each rep's target) so both read "their share" the same way.
/// </summary>
public static class TargetShares
{
    /// <summary>
    /// Weight of each rep: 1 (equal), its quota, or its capacity (or <paramref name="defaultCapacity"/>). A rep
    /// without a positive value takes the mean of the reps that have one; when none has one the weights are
    /// equal. Ramping reps' weights are multiplied by <paramref name="rampingFactor"/>; shares sum to 1.
    /// </summary>
    public static TargetShareSet Compute(IReadOnlyList<Rep> reps, TargetMode mode, double rampingFactor = 1, int? defaultCapacity = null)
    {
        ArgumentNullException.ThrowIfNull(reps);
        if (!double.IsFinite(rampingFactor) || rampingFactor <= 0 || rampingFactor > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rampingFactor), rampingFactor, "The ramping factor must be in (0, 1].");
        }

        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown target mode.");
        }

        int k = reps.Count;
        var raw = new double?[k];
        for (int r = 0; r < k; r++)
        {
            var rep = reps[r] ?? throw new ArgumentException($"Rep at position {r} is null.", nameof(reps));
            raw[r] = mode switch
            {
                TargetMode.Quota => rep.Quota is { } q && double.IsFinite(q) && q > 0 ? q : null,
                TargetMode.Capacity => (rep.Capacity ?? defaultCapacity) is { } c && c > 0 ? c : null,
                _ => 1,
            };
        }

        var known = raw.Where(v => v is not null).Select(v => v!.Value).ToArray();
        bool fallBack = known.Length == 0;
        double mean = fallBack ? 1 : known.Average();
        var filled = new List<string>();
        var shares = new double[k];
        for (int r = 0; r < k; r++)
        {
            double w = fallBack ? 1 : raw[r] ?? mean;
            if (!fallBack && raw[r] is null)
            {
                filled.Add(reps[r].RepId);
            }

            shares[r] = reps[r].Ramping ? w * rampingFactor : w;
        }

        double sum = shares.Sum();
        for (int r = 0; r < k; r++)
        {
            shares[r] = sum > 0 ? shares[r] / sum : 1.0 / k;
        }

        return new TargetShareSet(shares, mode, filled, fallBack && mode != TargetMode.Equal && k > 0);
    }
}

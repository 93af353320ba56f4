namespace TerritoryBot.Core.Fit;

/// <summary>
/// A win rate from closed deals: the raw count and the beta-binomial posterior mean that shrinks a small
/// sample toward a prior rate (the team's). <see cref="Deals"/> is the sample size to show next to it.
/// </summary>
public readonly record struct WinRate(int Wins, int Deals, double Smoothed)
{
    public int Losses => Deals - Wins;

    /// <summary>Wins / deals; null when there are no closed deals.</summary>
    public double? Raw => Deals == 0 ? null : (double)Wins / Deals;

    /// <summary>
    /// Posterior mean of a Beta(k·p, k·(1−p)) prior updated with <paramref name="wins"/> of
    /// <paramref name="deals"/>: (wins + k·p) / (deals + k). k is the prior strength in deals.
    /// </summary>
    public static WinRate Smooth(int wins, int deals, double priorRate, double priorStrength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(wins);
        ArgumentOutOfRangeException.ThrowIfLessThan(deals, wins);
        ArgumentOutOfRangeException.ThrowIfNegative(priorStrength);
        if (double.IsNaN(priorRate) || priorRate < 0 || priorRate > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(priorRate), priorRate, "A prior rate is a probability in [0, 1].");
        }

        double denominator = deals + priorStrength;
        double smoothed = denominator == 0 ? priorRate : (wins + priorStrength * priorRate) / denominator;
        return new WinRate(wins, deals, Math.Clamp(smoothed, 0, 1));
    }
}

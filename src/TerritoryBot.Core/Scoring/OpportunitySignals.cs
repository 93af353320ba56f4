namespace TerritoryBot.Core.Scoring;

/// <summary>
/// Opportunity score 0–100: ICP fit plus buying signals. Weights sum to 1; a missing signal contributes
/// nothing (intent, activity) or a below-middle neutral (funding), never more than a real positive signal.
/// </summary>
internal static class OpportunitySignals
{
    public const double FitWeight = 0.45;
    public const double IntentWeight = 0.25;
    public const double GrowthWeight = 0.10;
    public const double FundingWeight = 0.10;
    public const double RecencyWeight = 0.10;

    /// <summary>Activity within this many days counts in full; it fades to nothing at <see cref="FadeDays"/>.</summary>
    public const int FreshDays = 90;
    public const int FadeDays = 365;

    public const double UnknownFunding = 0.3;

    public static double Score(double fitScore, double? intent, double? growth, string? fundingStage, DateOnly? lastActivity, DateOnly asOf)
    {
        double intentSub = intent is { } i && double.IsFinite(i) ? Math.Clamp(i / 100, 0, 1) : 0;
        double score = FitWeight * fitScore
            + IntentWeight * intentSub
            + GrowthWeight * IcpFitModel.GrowthSub(growth)
            + FundingWeight * FundingSub(fundingStage)
            + RecencyWeight * RecencySub(lastActivity, asOf);
        return Math.Round(Math.Clamp(score * 100, 0, 100), 1);
    }

    /// <summary>Funding stage as a budget and change signal: a recent growth round is the strongest trigger.</summary>
    public static double FundingSub(string? stage)
    {
        if (string.IsNullOrWhiteSpace(stage))
        {
            return UnknownFunding;
        }

        var s = stage.Trim().ToLowerInvariant().Replace('-', ' ');
        return s switch
        {
            "pre seed" or "preseed" => 0.2,
            "seed" or "angel" => 0.3,
            "series a" => 0.55,
            "series b" => 0.75,
            "series c" => 0.9,
            "public" or "ipo" => 0.6,
            "private equity" or "pe backed" => 0.6,
            "bootstrapped" or "self funded" => 0.3,
            _ when s.StartsWith("series ", StringComparison.Ordinal) => 0.85, // Series D and later
            _ when s.Contains("growth", StringComparison.Ordinal) || s.Contains("late", StringComparison.Ordinal) => 0.85,
            _ => UnknownFunding,
        };
    }

    /// <summary>True when the stage names a recent venture round that usually funds new tooling.</summary>
    public static bool IsGrowthRound(string? stage) => FundingSub(stage) >= 0.75;

    public static double RecencySub(DateOnly? lastActivity, DateOnly asOf)
    {
        if (lastActivity is not { } d)
        {
            return 0;
        }

        int days = asOf.DayNumber - d.DayNumber;
        if (days <= FreshDays)
        {
            return 1;
        }

        return days >= FadeDays ? 0 : 1 - (double)(days - FreshDays) / (FadeDays - FreshDays);
    }
}

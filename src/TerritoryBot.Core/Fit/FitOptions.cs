namespace TerritoryBot.Core.Fit;

/// <summary>Tunable parameters of the fit engine.</summary>
public sealed record FitOptions
{
    /// <summary>
    /// Strength of the team-rate prior, in deals: a rep's rate counts as much as this many deals at the
    /// team rate before their own record. 10 turns 6 wins of 6 at a 30% team rate into 56%, not 100%.
    /// </summary>
    public double PriorStrength { get; init; } = 10;

    /// <summary>Share of the affinity that comes from declared industry strengths (the rest from win rates).</summary>
    public double StrengthWeight { get; init; } = 0.3;

    /// <summary>Open pipeline below this multiple of the yearly quota is flagged as thin.</summary>
    public double ThinPipelineCoverage { get; init; } = 1.0;

    /// <summary>Team rate used when the whole data set has no closed deal (an uninformative 50%).</summary>
    public double NoDataTeamRate { get; init; } = 0.5;

    public static FitOptions Default { get; } = new();

    internal void Validate()
    {
        if (!(PriorStrength >= 0) || double.IsInfinity(PriorStrength))
        {
            throw new ArgumentOutOfRangeException(nameof(PriorStrength), PriorStrength, "Prior strength must be a finite number of deals ≥ 0.");
        }

        if (!(StrengthWeight is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(StrengthWeight), StrengthWeight, "Strength weight must be in [0, 1].");
        }

        if (!(ThinPipelineCoverage >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(ThinPipelineCoverage), ThinPipelineCoverage, "Thin-pipeline threshold must be ≥ 0.");
        }

        if (!(NoDataTeamRate is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(NoDataTeamRate), NoDataTeamRate, "The no-data team rate must be in [0, 1].");
        }
    }
}

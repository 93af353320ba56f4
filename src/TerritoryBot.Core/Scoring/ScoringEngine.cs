using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Scoring;

/// <summary>Scores every account: fit, opportunity, potential, tier, status, priority, whitespace.</summary>
public static class ScoringEngine
{
    /// <summary>
    /// Scores every account of <paramref name="data"/> as of <paramref name="asOf"/>.
    /// BASELINE ONLY until issue 3 lands: size-based potential, neutral fit. Replace wholesale.
    /// </summary>
    public static ScoringResult Score(DataSet data, DateOnly asOf, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var openAccounts = data.Opportunities.Where(o => o.IsOpen).Select(o => o.AccountId).ToHashSet(StringComparer.Ordinal);
        var scores = data.Accounts.Select(a =>
        {
            double potential = Math.Max(a.CurrentArr, data.Icp.AverageAcv * Math.Pow(Math.Max(1, a.Employees) / 1000.0, 0.7));
            var status = a.IsCustomer ? AccountStatus.ActiveCustomer
                : openAccounts.Contains(a.AccountId) ? AccountStatus.ActiveProspect
                : AccountStatus.ColdProspect;
            return new AccountScore
            {
                AccountId = a.AccountId,
                IcpFit = 3,
                OpportunityScore = 50,
                PotentialArr = potential,
                PotentialLow = potential * 0.8,
                PotentialHigh = potential * 1.2,
                Tier = potential > 500_000 ? Tier.Strategic : potential > 150_000 ? Tier.Enterprise : potential > 50_000 ? Tier.Commercial : Tier.SMB,
                Status = status,
                Priority = Priority.Medium,
                Whitespace = false,
            };
        }).ToArray();
        return new ScoringResult(scores);
    }
}

/// <summary>Tunable thresholds of the scoring engine.</summary>
public sealed record ScoringOptions;

/// <summary>Scores for every account, in the input order.</summary>
public sealed record ScoringResult(IReadOnlyList<AccountScore> Accounts);

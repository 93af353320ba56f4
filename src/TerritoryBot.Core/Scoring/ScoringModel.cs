using TerritoryBot.Core.Model;
using TerritoryBot.Core.Tiering;

namespace TerritoryBot.Core.Scoring;

/// <summary>
/// What a scoring run keeps to explain any account later: explanations are built on demand because a
/// million breakdowns with their sentences would cost more than the scoring itself.
/// </summary>
internal sealed class ScoringModel(
    DataSet data,
    Dictionary<string, int> positions,
    IcpFitModel fit,
    PotentialEstimator estimator,
    PotentialEstimates estimates,
    TierThresholds thresholds,
    ScoringOptions options,
    bool[] isCustomer,
    DateOnly?[] lastActivity)
{
    public DataSet Data => data;

    public TierThresholds Thresholds => thresholds;

    public ScoringOptions Options => options;

    public int IndexOf(string accountId) => positions.GetValueOrDefault(accountId, -1);

    public bool IsCustomer(int i) => isCustomer[i];

    /// <summary>Latest sales activity on the account or any of its opportunities.</summary>
    public DateOnly? LastActivity(int i) => lastActivity[i];

    public AccountExplanation Explain(int i, AccountScore score) =>
        new(score, fit.Explain(data.Accounts[i]), estimator.Detail(i, score, estimates));
}

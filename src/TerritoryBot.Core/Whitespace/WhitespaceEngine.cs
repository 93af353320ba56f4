using System.Globalization;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Planning;
using TerritoryBot.Core.Scoring;
using TerritoryBot.Core.Tiering;

namespace TerritoryBot.Core.Whitespace;

/// <summary>Settings of a whitespace report.</summary>
public sealed record WhitespaceOptions
{
    /// <summary>Accounts listed (all are counted).</summary>
    public int Top { get; init; } = 15;

    /// <summary>Intent at or above this is a trigger signal.</summary>
    public double IntentTrigger { get; init; } = 60;

    /// <summary>Yearly growth at or above this is a trigger signal.</summary>
    public double GrowthTrigger { get; init; } = 0.15;
}

/// <summary>A rep's whitespace: how much there is, how it compares to the book they work, and the best accounts to open.</summary>
public sealed record WhitespaceReport(
    string RepId,
    string RepName,
    string ScopeRule,
    int WhitespaceAccounts,
    int OwnedWhitespace,
    int UnassignedWhitespace,
    double WhitespacePotentialArr,
    int HighFitAlreadyWorked,
    double? IncreaseOverWorkedPct,
    string Sentence,
    IReadOnlyList<WhitespaceCandidate> Top);

/// <summary>One whitespace account with what a rep needs to open it.</summary>
public sealed record WhitespaceCandidate(
    int Rank,
    string AccountId,
    string Name,
    string Industry,
    string? Region,
    int Employees,
    bool Owned,
    int IcpFit,
    double OpportunityScore,
    double EstimatedArr,
    double EstimatedArrLow,
    double EstimatedArrHigh,
    PotentialMethod Method,
    IReadOnlyList<string> FitRationale,
    IReadOnlyList<string> Pains,
    string EntryPersona,
    IReadOnlyList<string> TriggerSignals,
    string OutreachHypothesis);

/// <summary>
/// Whitespace per rep. A rep's whitespace is the whitespace accounts they own, plus unassigned ones that
/// are theirs by geography: nearest to their home among all territory reps with a home (when the account
/// has coordinates), otherwise in their home region (shared by every rep of that region).
/// </summary>
public static class WhitespaceEngine
{
    public const string ScopeRule =
        "accounts you own, plus unassigned accounts nearest your home base (or, without coordinates, in your region)";

    /// <summary>The whitespace report of one rep.</summary>
    /// <exception cref="KeyNotFoundException">No rep with that id.</exception>
    /// <exception cref="ArgumentException">The person does not carry a territory (a manager or ops).</exception>
    /// <exception cref="InvalidOperationException">The result was not produced by <see cref="ScoringEngine"/>.</exception>
    public static WhitespaceReport ForRep(ScoringResult scoring, string repId, WhitespaceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scoring);
        ArgumentNullException.ThrowIfNull(repId);
        options ??= new WhitespaceOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Top, nameof(options.Top));
        var model = scoring.Model ?? throw new InvalidOperationException("Whitespace needs a result produced by ScoringEngine.Score.");
        var data = model.Data;
        var rep = data.Reps.FirstOrDefault(r => r.RepId == repId) ?? throw new KeyNotFoundException($"No rep '{repId}'.");
        if (!rep.CarriesTerritory)
        {
            throw new ArgumentException($"'{repId}' is a {rep.Role.ToString().ToLowerInvariant()}, not a rep with a territory.", nameof(repId));
        }

        var territoryReps = data.TerritoryReps.ToList();
        var repIds = territoryReps.Select(r => r.RepId).ToHashSet(StringComparer.Ordinal);
        var homed = territoryReps.Where(r => r.Home is not null).ToList();
        var accounts = data.Accounts;
        var scores = scoring.Accounts;
        var inScope = new List<int>();
        int owned = 0, unassigned = 0, worked = 0;
        double potential = 0;
        for (int i = 0; i < accounts.Count; i++)
        {
            var a = accounts[i];
            var s = scores[i];
            bool mine = a.OwnerId == repId;
            if (mine && s.IcpFit >= model.Options.WhitespaceMinFit && !s.Whitespace)
            {
                worked++;
            }

            if (!s.Whitespace)
            {
                continue;
            }

            bool isUnassigned = string.IsNullOrEmpty(a.OwnerId) || !repIds.Contains(a.OwnerId);
            if (mine || (isUnassigned && BelongsTo(a, rep, homed)))
            {
                inScope.Add(i);
                potential += s.PotentialArr;
                owned += mine ? 1 : 0;
                unassigned += mine ? 0 : 1;
            }
        }

        // Expected value first: potential weighted by the opportunity score; then potential; then input order.
        var ranked = inScope
            .OrderByDescending(i => scores[i].PotentialArr * scores[i].OpportunityScore / 100)
            .ThenByDescending(i => scores[i].PotentialArr)
            .ThenBy(i => i)
            .Take(options.Top)
            .Select((i, rank) => Candidate(scoring, accounts[i], i, rank + 1, accounts[i].OwnerId == repId, options))
            .ToList();

        double? increase = worked == 0 ? null : 100.0 * inScope.Count / worked;
        string sentence = worked == 0
            ? string.Format(CultureInfo.InvariantCulture, "Whitespace surfaces {0:N0} high-fit accounts worth {1}; you work no high-fit account today.",
                inScope.Count, Format.Money(potential))
            : string.Format(CultureInfo.InvariantCulture, "Whitespace surfaces {0:N0} more high-fit accounts ({1}) on top of the {2:N0} you already work: +{3:0}%.",
                inScope.Count, Format.Money(potential), worked, increase);
        return new WhitespaceReport(rep.RepId, rep.Name, ScopeRule, inScope.Count, owned, unassigned, potential, worked, increase, sentence, ranked);
    }

    private static bool BelongsTo(Account account, Rep rep, List<Rep> homed)
    {
        if (account.Location is { } where && homed.Count > 0)
        {
            // Nearest home wins; equal distances go to the smaller rep id so exactly one rep owns the account.
            Rep? best = null;
            double bestKm = double.PositiveInfinity;
            foreach (var r in homed)
            {
                double km = where.DistanceKm(r.Home!.Value);
                if (km < bestKm || (km == bestKm && string.CompareOrdinal(r.RepId, best!.RepId) < 0))
                {
                    (best, bestKm) = (r, km);
                }
            }

            return best?.RepId == rep.RepId;
        }

        return rep.Region is not null && account.Region is not null
            && string.Equals(rep.Region.Trim(), account.Region.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    private static WhitespaceCandidate Candidate(ScoringResult scoring, Account a, int index, int rank, bool owned, WhitespaceOptions options)
    {
        var c = CultureInfo.InvariantCulture;
        var explanation = scoring.Explain(index);
        var s = explanation.Score;
        var rationale = explanation.Fit
            .OrderByDescending(d => d.SubScore * d.Weight)
            .Select(d => d.Reason)
            .ToList();
        var play = IndustryPlaybook.For(a.Industry);
        string persona = IndustryPlaybook.Persona(a.Industry, a.Employees);

        var triggers = new List<string>();
        if (a.IntentScore is { } intent && intent >= options.IntentTrigger)
        {
            triggers.Add(string.Format(c, "buying intent {0:0}/100", intent));
        }

        if (a.GrowthRate is { } growth && growth >= options.GrowthTrigger)
        {
            triggers.Add(string.Format(c, "growing {0:0%} a year", growth));
        }

        if (OpportunitySignals.IsGrowthRound(a.FundingStage))
        {
            triggers.Add($"{a.FundingStage!.Trim()} funded");
        }

        var comparables = explanation.Potential.Comparables;
        string lookalike = explanation.Potential.Method == PotentialMethod.Comparables && comparables.Count > 0
            ? $"looks like our customers {string.Join(" and ", comparables.Take(2).Select(x => x.Name))}"
            : "fits our profile";
        string why = triggers.Count > 0 ? $", with {string.Join(" and ", triggers)}" : "";
        string hypothesis = string.Format(c,
            "{0} ({1}, {2:N0} employees, fit {3}/5) {4}{5}: open with the {6} on {7} — comparable accounts point to about {8} a year ({9}–{10}).",
            a.Name, a.Industry, a.Employees, s.IcpFit, lookalike, why, persona, play.Pains[0],
            Format.Money(s.PotentialArr), Format.Money(s.PotentialLow), Format.Money(s.PotentialHigh));
        if (explanation.Potential.Method == PotentialMethod.Fallback)
        {
            hypothesis = hypothesis.Replace("comparable accounts point to", "our average deal size suggests", StringComparison.Ordinal);
        }

        return new WhitespaceCandidate(rank, a.AccountId, a.Name, a.Industry, a.Region, a.Employees, owned, s.IcpFit, s.OpportunityScore,
            s.PotentialArr, s.PotentialLow, s.PotentialHigh, s.PotentialMethod, rationale, play.Pains, persona,
            triggers.Count > 0 ? triggers : ["no trigger signal yet: lead with the look-alike customers"], hypothesis);
    }
}

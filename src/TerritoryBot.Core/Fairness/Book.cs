using TerritoryBot.Core.Model;

namespace TerritoryBot.Core.Fairness;

/// <summary>
/// An assignment resolved to array indices: who owns which account, with every per-account number the
/// fairness and coverage engines read. Owner −1 means unassigned; −2 means held by someone who carries
/// no territory (a manager, or an owner id that is not a rep) and is left alone.
/// </summary>
internal sealed class Book
{
    public const int Unassigned = -1;
    public const int HeldOutside = -2;

    public required DataSet Data { get; init; }
    public required Rep[] Reps { get; init; }
    public required AccountScore[] Scores { get; init; }
    public required int[] Owner { get; init; }
    public required double[] Potential { get; init; }
    public required double[] OpenPipeline { get; init; }
    public required double[] WonLast12Months { get; init; }

    /// <summary>Account id → index, built on first use.</summary>
    public Dictionary<string, int>? IdIndex { get; set; }

    public int RepCount => Reps.Length;

    public int AccountCount => Owner.Length;

    /// <summary>Builds the book; <paramref name="assignments"/> null means the accounts' current owners.</summary>
    public static Book Create(DataSet data, IReadOnlyList<AccountScore> scores, IReadOnlyList<Assignment>? assignments, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(scores);
        var reps = data.TerritoryReps.ToArray();
        var repIndex = new Dictionary<string, int>(reps.Length, StringComparer.Ordinal);
        for (int r = 0; r < reps.Length; r++)
        {
            if (!repIndex.TryAdd(reps[r].RepId, r))
            {
                throw new ArgumentException($"Duplicate rep id '{reps[r].RepId}'.", nameof(data));
            }
        }

        var accounts = data.Accounts;
        var accountIndex = new Dictionary<string, int>(accounts.Count, StringComparer.Ordinal);
        for (int i = 0; i < accounts.Count; i++)
        {
            if (!accountIndex.TryAdd(accounts[i].AccountId, i))
            {
                throw new ArgumentException($"Duplicate account id '{accounts[i].AccountId}'.", nameof(data));
            }
        }

        var aligned = Align(accounts, scores, accountIndex);
        var potential = new double[accounts.Count];
        for (int i = 0; i < potential.Length; i++)
        {
            double p = aligned[i].PotentialArr;
            if (!double.IsFinite(p) || p < 0)
            {
                throw new ArgumentException($"Account '{accounts[i].AccountId}' has an invalid potential {p}.", nameof(scores));
            }

            potential[i] = p;
        }

        var owner = new int[accounts.Count];
        if (assignments is null)
        {
            var everyone = data.Reps.Select(r => r.RepId).ToHashSet(StringComparer.Ordinal);
            for (int i = 0; i < owner.Length; i++)
            {
                string? id = accounts[i].OwnerId;
                owner[i] = string.IsNullOrEmpty(id) ? Unassigned
                    : repIndex.TryGetValue(id, out int r) ? r
                    : everyone.Contains(id) ? HeldOutside
                    : Unassigned;
            }
        }
        else
        {
            Array.Fill(owner, Unassigned);
            var seen = new bool[accounts.Count];
            foreach (var a in assignments)
            {
                if (a.AccountId is null || !accountIndex.TryGetValue(a.AccountId, out int i))
                {
                    throw new ArgumentException($"Assignment names unknown account '{a.AccountId}'.", nameof(assignments));
                }

                if (seen[i])
                {
                    throw new ArgumentException($"Account '{a.AccountId}' is assigned more than once.", nameof(assignments));
                }

                seen[i] = true;
                if (string.IsNullOrEmpty(a.RepId))
                {
                    continue;
                }

                if (!repIndex.TryGetValue(a.RepId, out int r))
                {
                    throw new ArgumentException($"Assignment of '{a.AccountId}' names '{a.RepId}', which is not a rep carrying a territory.", nameof(assignments));
                }

                owner[i] = r;
            }
        }

        var open = new double[accounts.Count];
        var won = new double[accounts.Count];
        foreach (var o in data.Opportunities)
        {
            if (!accountIndex.TryGetValue(o.AccountId, out int i) || !double.IsFinite(o.Amount))
            {
                continue;
            }

            if (o.IsOpen)
            {
                open[i] += Math.Max(0, o.Amount);
            }
            else if (o.IsWon && asOf is { } day && o.CloseDate is { } close && close > day.AddDays(-365) && close <= day)
            {
                won[i] += Math.Max(0, o.Amount);
            }
        }

        return new Book
        {
            Data = data,
            Reps = reps,
            Scores = aligned,
            Owner = owner,
            Potential = potential,
            OpenPipeline = open,
            WonLast12Months = won,
        };
    }

    /// <summary>Scores in account order; the scoring engine already returns them so, otherwise match by id.</summary>
    private static AccountScore[] Align(IReadOnlyList<Account> accounts, IReadOnlyList<AccountScore> scores, Dictionary<string, int> accountIndex)
    {
        var aligned = new AccountScore[accounts.Count];
        bool inOrder = scores.Count == accounts.Count;
        for (int i = 0; inOrder && i < accounts.Count; i++)
        {
            inOrder = scores[i] is not null && string.Equals(scores[i].AccountId, accounts[i].AccountId, StringComparison.Ordinal);
            if (inOrder)
            {
                aligned[i] = scores[i];
            }
        }

        if (inOrder)
        {
            return aligned;
        }

        Array.Clear(aligned);
        foreach (var s in scores)
        {
            if (s is not null && accountIndex.TryGetValue(s.AccountId, out int i))
            {
                aligned[i] = s;
            }
        }

        for (int i = 0; i < aligned.Length; i++)
        {
            if (aligned[i] is null)
            {
                throw new ArgumentException($"No score for account '{accounts[i].AccountId}'.", nameof(scores));
            }
        }

        return aligned;
    }

    public static string Place(Account a) =>
        !string.IsNullOrWhiteSpace(a.City) ? a.City!
        : !string.IsNullOrWhiteSpace(a.Region) ? a.Region!
        : !string.IsNullOrWhiteSpace(a.Country) ? a.Country!
        : "location unknown";

    public static string Who(Rep rep) => string.IsNullOrWhiteSpace(rep.Name) ? rep.RepId : rep.Name.Trim();

    public static bool InStrengths(Rep rep, string industry)
    {
        foreach (var s in rep.IndustryStrengths)
        {
            if (string.Equals(s.Trim(), industry.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

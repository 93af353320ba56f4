using TerritoryBot.Core.Model;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Tests.Conversation;

/// <summary>
/// The expected answers of the question set, computed straight from the data set and the scoring engine with LINQ:
/// never through the query engine, the router or the plugins under test.
/// </summary>
internal sealed class QuestionBook
{
    public QuestionBook(DataSet data, DateOnly asOf)
    {
        Data = data;
        AsOf = asOf;
        var scores = ScoringEngine.Score(data, asOf);
        var open = data.Opportunities.Where(o => o.IsOpen).ToLookup(o => o.AccountId, StringComparer.Ordinal);
        var deals = data.Opportunities.ToLookup(o => o.AccountId, StringComparer.Ordinal);
        All = [.. data.Accounts.Select((a, i) => new Row(a, scores.Accounts[i], [.. open[a.AccountId]]) { LastTouch = LastTouch(a, deals[a.AccountId]) })];
        Reps = data.Reps;
    }

    /// <summary>"Touched": the latest activity on the account or any of its deals (a deal's activity, creation or close).</summary>
    private static DateOnly? LastTouch(Account account, IEnumerable<Opportunity> deals)
    {
        DateOnly? latest = account.LastActivityDate;
        foreach (var deal in deals)
        {
            foreach (var date in new[] { deal.LastActivityDate, deal.CreatedDate, deal.IsClosed ? deal.CloseDate : null })
            {
                if (date is { } d && (latest is null || d > latest))
                {
                    latest = d;
                }
            }
        }

        return latest;
    }

    public DataSet Data { get; }
    public DateOnly AsOf { get; }
    public IReadOnlyList<Row> All { get; }
    public IReadOnlyList<Rep> Reps { get; }

    /// <summary>The accounts a person may see: a rep their own, a manager their reports', ops every account.</summary>
    public IReadOnlyList<Row> Visible(string personId)
    {
        var person = Reps.Single(r => r.RepId == personId);
        return person.Role switch
        {
            RepRole.Ops => All,
            RepRole.Manager => [.. All.Where(r => r.Owner is { } o && Reps.Any(p => p.RepId == o && p.ManagerId == personId && p.Role == RepRole.Rep))],
            _ => [.. All.Where(r => r.Owner == personId)],
        };
    }

    /// <summary>Territory reps reporting to the same manager as <paramref name="repId"/> (the rep included).</summary>
    public IReadOnlyList<Rep> TeamOf(string repId)
    {
        var manager = Reps.Single(r => r.RepId == repId).ManagerId;
        return [.. Reps.Where(r => r.Role == RepRole.Rep && r.ManagerId == manager)];
    }

    /// <summary>One account with its score and open opportunities, in the words the questions use.</summary>
    internal sealed record Row(Account A, AccountScore S, IReadOnlyList<Opportunity> Open)
    {
        public string Id => A.AccountId;
        public string? Owner => A.OwnerId;
        public string Industry => A.Industry;
        public string? State => A.Region;
        public string? City => A.City;
        public int Employees => A.Employees;
        public double? Revenue => A.AnnualRevenue;
        public double? Growth => A.GrowthRate;
        public bool Customer => A.IsCustomer;
        public double Arr => A.CurrentArr;
        public double Potential => S.PotentialArr;
        public int Fit => S.IcpFit;
        public double OppScore => S.OpportunityScore;
        public Tier Tier => S.Tier;
        public AccountStatus Status => S.Status;
        public Priority Priority => S.Priority;
        public bool Whitespace => S.Whitespace;
        public bool Named => A.NamedAccount;
        public DateOnly? LastActivity => A.LastActivityDate;
        public DateOnly? LastTouch { get; init; }
        public double? Intent => A.IntentScore;
        public string? Funding => A.FundingStage;
        public double Pipeline => Open.Sum(o => o.Amount);
        public bool HasPipeline => Open.Count > 0;
        public bool Uses(string tech) => A.TechStack.Any(t => string.Equals(t, tech, StringComparison.OrdinalIgnoreCase));
        public bool InStage(string stage) => Open.Any(o => string.Equals(o.Stage, stage, StringComparison.OrdinalIgnoreCase));
        public double PipelineIn(string stage) => Open.Where(o => string.Equals(o.Stage, stage, StringComparison.OrdinalIgnoreCase)).Sum(o => o.Amount);

        /// <summary>No activity on record, or none since <paramref name="months"/> months before <paramref name="asOf"/>.</summary>
        public bool Untouched(DateOnly asOf, int months) => LastTouch is not { } d || d < asOf.AddMonths(-months);
    }
}

/// <summary>What a question's right answer is; the test compares it with what the chat answered.</summary>
internal abstract record Expected;

/// <summary>A count, sum, average, median, minimum or maximum over the accounts in <see cref="Ids"/>.</summary>
internal sealed record FigureExpected(double Value, IReadOnlySet<string> Ids) : Expected;

/// <summary>"Which account … most": any of <see cref="Ids"/> (ties) is right.</summary>
internal sealed record AccountExpected(IReadOnlySet<string> Ids, double Value) : Expected;

/// <summary>A list or a top N: exactly these accounts, in this order when <see cref="Ordered"/>.</summary>
internal sealed record ListExpected(IReadOnlyList<string> Ids, bool Ordered) : Expected;

/// <summary>"Which rep … most": any of <see cref="RepIds"/> (ties) with this value.</summary>
internal sealed record RepExpected(IReadOnlySet<string> RepIds, double Value) : Expected;

/// <summary>The plain refusal: no figure, no card.</summary>
internal sealed record RefusalExpected : Expected;

/// <summary>"Where do I stand": the caller's rank (1 = largest) out of the team on potential, and percent of the mean.</summary>
internal sealed record StandingExpected(int Rank, int Of, double PercentOfMean) : Expected;

/// <summary>A "why" about this account (the explanation must be of it).</summary>
internal sealed record WhyExpected(string AccountId, string? Other = null) : Expected;

/// <summary>A drafted note or email carrying this figure (a template, said to be one, without a model).</summary>
internal sealed record DraftExpected(double Value) : Expected;

/// <summary>One everyday question, who asks it, and how its right answer is computed from the book.</summary>
internal sealed record Question(string Asker, string Text, Func<QuestionBook, Expected> Expect)
{
    public override string ToString() => $"{Asker}: {Text}";
}

using TerritoryBot.Core.Design;
using TerritoryBot.Core.Model;

namespace TerritoryBot.Conversation;

/// <summary>
/// The names the router resolves: account ids and names, rep ids and names, scenario names.
/// Indexed once (per loaded data set), then shared by every turn.
/// </summary>
internal sealed class RouterVocabulary
{
    public RouterVocabulary(
        IEnumerable<(string Id, string Name)> accounts,
        IEnumerable<(string Id, string Name)> reps,
        IEnumerable<string> scenarios,
        IEnumerable<string>? industries = null,
        QueryLexicon? query = null,
        DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(reps);
        ArgumentNullException.ThrowIfNull(scenarios);
        var accountList = accounts.ToList();
        var repList = reps.ToList();
        Accounts = new NameIndex(accountList, leadingWordOnly: true);
        Reps = new NameIndex(repList, leadingWordOnly: false);
        AccountIds = IdMap(accountList);
        RepIds = IdMap(repList);
        Scenarios = [.. scenarios.Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];
        Industries = [.. (industries ?? []).Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)];
        // Without a data set (tests' crafted vocabularies) the query words still know the people by name.
        Query = query ?? new QueryLexicon(new DataSet([], [.. repList.Select(r => new Rep { RepId = r.Id, Name = r.Name })], [], IcpProfile.Default));
        AsOf = asOf ?? DateOnly.FromDayNumber(0);
    }

    /// <summary>The phrase table of account questions (fixed words plus this data's places, industries, technologies, people).</summary>
    public QueryLexicon Query { get; }

    /// <summary>The analysis date durations ("6 months") are counted back from.</summary>
    public DateOnly AsOf { get; }

    public NameIndex Accounts { get; }
    public NameIndex Reps { get; }

    /// <summary>Ids by their upper-cased spelling, so "a000017" finds "A000017".</summary>
    public IReadOnlyDictionary<string, string> AccountIds { get; }
    public IReadOnlyDictionary<string, string> RepIds { get; }
    public IReadOnlyList<string> Scenarios { get; }

    /// <summary>Industry labels of the data (first spelling seen, case-insensitively distinct).</summary>
    public IReadOnlyList<string> Industries { get; }

    public static RouterVocabulary From(DataSet data, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new RouterVocabulary(
            data.Accounts.Select(a => (a.AccountId, a.Name)),
            data.Reps.Select(r => (r.RepId, r.Name)),
            [.. ScenarioNames.All, ScenarioNames.Current],
            data.Accounts.Select(a => a.Industry),
            new QueryLexicon(data),
            asOf);
    }

    private static Dictionary<string, string> IdMap(IEnumerable<(string Id, string Name)> entries)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, _) in entries)
        {
            map.TryAdd(id.Trim().ToUpperInvariant(), id);
        }

        return map;
    }
}

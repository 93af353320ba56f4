using System.Collections.Concurrent;
using TerritoryBot.Core.Model;
using TerritoryBot.Core.Scoring;

namespace TerritoryBot.Conversation;

/// <summary>
/// One loaded data set and everything derived from it that turns share: lookups, the router's vocabulary, the
/// scores, and any other engine result a plugin memoises with <see cref="Memo{T}"/>. Immutable once built: a data
/// change (an import, an applied reassignment) produces a new workspace with a higher <see cref="Version"/>.
/// </summary>
internal sealed class Workspace
{
    private readonly Lazy<RouterVocabulary> vocabulary;
    private readonly Lazy<ScoringResult> scores;
    private readonly ConcurrentDictionary<string, Lazy<object>> memo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Rep> repsByUpperId;

    public Workspace(DataSet data, DateOnly asOf, long version = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        AsOf = asOf;
        Version = version;
        Accounts = data.Accounts.ToDictionary(a => a.AccountId, StringComparer.Ordinal);
        Reps = data.Reps.ToDictionary(r => r.RepId, StringComparer.Ordinal);
        repsByUpperId = [];
        foreach (var rep in data.Reps)
        {
            repsByUpperId.TryAdd(rep.RepId.ToUpperInvariant(), rep);
        }

        vocabulary = new Lazy<RouterVocabulary>(() => RouterVocabulary.From(data));
        scores = new Lazy<ScoringResult>(() => ScoringEngine.Score(data, asOf));
    }

    public DataSet Data { get; }

    /// <summary>The analysis date every engine gets.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The stored data version this workspace was loaded at (0 for a data folder).</summary>
    public long Version { get; }

    public IReadOnlyDictionary<string, Account> Accounts { get; }
    public IReadOnlyDictionary<string, Rep> Reps { get; }
    public RouterVocabulary Vocabulary => vocabulary.Value;
    public ScoringResult Scores => scores.Value;

    /// <summary>A rep by id, ignoring case ("r002" finds "R002").</summary>
    public Rep? FindRep(string id) =>
        Reps.TryGetValue(id, out var rep) ? rep : repsByUpperId.GetValueOrDefault(id.Trim().ToUpperInvariant());

    /// <summary>How many results are memoised (callers bound what they add with it).</summary>
    public int MemoCount => memo.Count;

    /// <summary>
    /// Computes <paramref name="compute"/> once per workspace and key (thread-safe; concurrent callers wait for the
    /// one computation). Keys name the engine and its options, e.g. "fit" or "design:default".
    /// </summary>
    public T Memo<T>(string key, Func<Workspace, T> compute)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);
        var lazy = memo.GetOrAdd(key, _ => new Lazy<object>(() => compute(this), LazyThreadSafetyMode.ExecutionAndPublication));
        return (T)lazy.Value;
    }
}

/// <summary>Where turns get the current workspace.</summary>
internal interface IWorkspaceSource
{
    ValueTask<Workspace> GetAsync(CancellationToken ct);
}

/// <summary>A workspace that never changes: a data folder (<c>ask --data DIR</c>) or a test's data set.</summary>
internal sealed class FixedWorkspaceSource(Workspace workspace) : IWorkspaceSource
{
    public ValueTask<Workspace> GetAsync(CancellationToken ct) => ValueTask.FromResult(workspace);
}

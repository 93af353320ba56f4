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

    /// <summary>Results that read the stored proposals: kept for this <see cref="ProposalsStamp"/> only.</summary>
    private readonly ConcurrentDictionary<string, Lazy<object>> proposalsMemo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Rep> repsByUpperId;

    public Workspace(DataSet data, DateOnly asOf, long version = 0, string? proposalsStamp = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        AsOf = asOf;
        Version = version;
        ProposalsStamp = proposalsStamp;
        Accounts = data.Accounts.ToDictionary(a => a.AccountId, StringComparer.Ordinal);
        Reps = data.Reps.ToDictionary(r => r.RepId, StringComparer.Ordinal);
        repsByUpperId = [];
        foreach (var rep in data.Reps)
        {
            repsByUpperId.TryAdd(rep.RepId.ToUpperInvariant(), rep);
        }

        vocabulary = new Lazy<RouterVocabulary>(() => RouterVocabulary.From(data, asOf));
        scores = new Lazy<ScoringResult>(() => ScoringEngine.Score(data, asOf));
    }

    /// <summary>The same data, lookups and memoised results, checked against a newer state of the stored proposals.</summary>
    private Workspace(Workspace same, string proposalsStamp)
    {
        (Data, AsOf, Version, Accounts, Reps) = (same.Data, same.AsOf, same.Version, same.Accounts, same.Reps);
        (vocabulary, scores, memo, repsByUpperId) = (same.vocabulary, same.scores, same.memo, same.repsByUpperId);
        ProposalsStamp = proposalsStamp;
    }

    public DataSet Data { get; }

    /// <summary>The analysis date every engine gets.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The stored data version this workspace was loaded at (0 for a data folder).</summary>
    public long Version { get; }

    /// <summary>
    /// The state of the stored proposals when this workspace was last checked (changes with every proposal created
    /// or decided), or null where proposals are not tracked (a data folder, a test's data set). Answers that read
    /// proposals are kept per stamp.
    /// </summary>
    public string? ProposalsStamp { get; }

    public IReadOnlyDictionary<string, Account> Accounts { get; }
    public IReadOnlyDictionary<string, Rep> Reps { get; }
    public RouterVocabulary Vocabulary => vocabulary.Value;
    public ScoringResult Scores => scores.Value;

    /// <summary>This workspace, or one sharing everything with it but the proposals stamp.</summary>
    public Workspace WithProposalsStamp(string stamp) => stamp == ProposalsStamp ? this : new Workspace(this, stamp);

    /// <summary>A rep by id, ignoring case ("r002" finds "R002").</summary>
    public Rep? FindRep(string id) =>
        Reps.TryGetValue(id, out var rep) ? rep : repsByUpperId.GetValueOrDefault(id.Trim().ToUpperInvariant());

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

    /// <summary>
    /// <see cref="Memo{T}"/> for an asynchronous computation that may fail (it may read the database): a failed or
    /// cancelled one is forgotten, so the next caller computes it again instead of getting the same failure. With
    /// <paramref name="readsProposals"/>, the result is kept for this <see cref="ProposalsStamp"/> only. Null, and
    /// nothing computed, when the key is new and <paramref name="keepAtMost"/> results are kept already (the caller
    /// computes without keeping); results are only counted then, as counting them is not cheap.
    /// </summary>
    public Task<T>? MemoAsync<T>(string key, Func<Task<T>> compute, bool readsProposals = false, int keepAtMost = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);
        var kept = readsProposals ? proposalsMemo : memo;
        if (!kept.TryGetValue(key, out var lazy))
        {
            if (memo.Count + proposalsMemo.Count >= keepAtMost)
            {
                return null;
            }

            lazy = kept.GetOrAdd(key, _ => new Lazy<object>(() => compute(), LazyThreadSafetyMode.ExecutionAndPublication));
        }

        var task = (Task<T>)lazy.Value;
        return task.IsCompletedSuccessfully ? task : ForgetIfFailedAsync(task, kept, key, lazy);
    }

    private static async Task<T> ForgetIfFailedAsync<T>(Task<T> task, ConcurrentDictionary<string, Lazy<object>> kept, string key, Lazy<object> entry)
    {
        try
        {
            return await task;
        }
        catch
        {
            kept.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }
}

/// <summary>Where turns get the current workspace.</summary>
internal interface IWorkspaceSource
{
    ValueTask<Workspace> GetAsync(CancellationToken ct);

    /// <summary>This instance changed the stored data or proposals: the next turn must see it (not wait for the periodic check).</summary>
    void Invalidate()
    {
    }
}

/// <summary>A workspace that never changes: a data folder (<c>ask --data DIR</c>) or a test's data set.</summary>
internal sealed class FixedWorkspaceSource(Workspace workspace) : IWorkspaceSource
{
    public ValueTask<Workspace> GetAsync(CancellationToken ct) => ValueTask.FromResult(workspace);
}

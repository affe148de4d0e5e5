namespace MonitorDashboard.Monitoring.History;

/// <summary>
/// The persistent record of check runs, shared by the dashboard and the command line (both processes may write at
/// once). Times come back in UTC.
/// </summary>
public interface IRunStore
{
    /// <summary>Records a run and trims that list to <c>Monitoring:HistoryRetention</c> runs in the same transaction.</summary>
    Task AddAsync(RunRecord run, CancellationToken ct);

    Task<RunRecord?> GetAsync(Guid runId, CancellationToken ct);

    /// <summary>A page of a list's runs, newest first.</summary>
    Task<IReadOnlyList<RunSummary>> ListAsync(string listId, int offset, int limit, CancellationToken ct);

    Task<int> CountAsync(string listId, CancellationToken ct);

    Task<RunSummary?> LatestAsync(string listId, CancellationToken ct);

    /// <summary>The newest run of every list that has one, keyed by list id.</summary>
    Task<IReadOnlyDictionary<string, RunSummary>> LatestPerListAsync(CancellationToken ct);

    /// <summary>The newest <paramref name="perList"/> runs of every list that has runs, newest first, in one query (for trends).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<RunSummary>>> RecentPerListAsync(int perList, CancellationToken ct);

    /// <summary>
    /// Runs recorded (by any process) after <paramref name="mark"/>, in the order they were written, and the mark to
    /// ask with next time: a poll that finds nothing new costs one index probe, however many lists there are.
    /// </summary>
    Task<RecordedRuns> RunsAfterAsync(long mark, CancellationToken ct);

    /// <summary>The mark of the newest run recorded so far (0 when there is none), for <see cref="RunsAfterAsync"/>.</summary>
    Task<long> LatestMarkAsync(CancellationToken ct);

    /// <summary>The newest run whose report was accepted (Sent or PartiallySent): "the previous report" for diffs.</summary>
    Task<RunRecord?> LastReportedAsync(string listId, CancellationToken ct);

    /// <summary>The run of the same list just before this one; null when it is the oldest kept or unknown.</summary>
    Task<RunRecord?> PreviousAsync(Guid runId, CancellationToken ct);
}

/// <summary>Runs recorded after a mark, and the mark after the last of them.</summary>
public sealed record RecordedRuns(IReadOnlyList<RunSummary> Runs, long Mark);

namespace MonitorDashboard.Monitoring.History;

/// <summary>
/// Each list's persisted scheduling state (next due time, failure streaks, notice flags, unsaved hashes), in the same
/// database as the runs and shared the same way by the dashboard and the command line. Times come back in UTC.
/// </summary>
public interface IListStateStore
{
    Task<ListScheduleState?> GetStateAsync(string listId, CancellationToken ct);

    Task<IReadOnlyDictionary<string, ListScheduleState>> GetAllStatesAsync(CancellationToken ct);

    /// <summary>The states that keep a <c>last_hash</c> presets.json did not take (usually none, whatever the number of lists).</summary>
    Task<IReadOnlyList<ListScheduleState>> GetUnsavedHashStatesAsync(CancellationToken ct);

    /// <summary>Inserts or replaces the list's state.</summary>
    Task SaveStateAsync(ListScheduleState state, CancellationToken ct);

    /// <summary>
    /// Reads, changes and writes the list's state in one transaction that no other process can interleave, so the
    /// dispatcher moving the next due time, a finished check counting its failure and a <c>monitor run</c> in another
    /// process never overwrite each other.
    /// </summary>
    Task<ListScheduleState> UpdateStateAsync(string listId, Func<ListScheduleState, ListScheduleState> change, CancellationToken ct);

    /// <summary>
    /// <see cref="UpdateStateAsync"/> for many lists in one transaction: at 07:00 the dispatcher moves a thousand lists'
    /// next due times at once. Returns each list's state as written.
    /// </summary>
    Task<IReadOnlyDictionary<string, ListScheduleState>> UpdateStatesAsync(
        IReadOnlyDictionary<string, Func<ListScheduleState, ListScheduleState>> changes, CancellationToken ct);

    Task DeleteStateAsync(string listId, CancellationToken ct);
}

using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Monitoring.Checks;

/// <summary>
/// A list's persisted state (next due time, failure streak, notice flags, a kept last_hash). Every change is one
/// read-modify-write transaction in the history database, so the dispatcher moving the next due time, a finished check
/// counting its failure and a <c>monitor run</c> in another process never overwrite each other.
/// </summary>
public sealed class ListStateStore(IListStateStore history)
{
    public Task<ListScheduleState?> GetAsync(string listId, CancellationToken cancellationToken) => history.GetStateAsync(listId, cancellationToken);

    public Task<IReadOnlyDictionary<string, ListScheduleState>> GetAllAsync(CancellationToken cancellationToken) =>
        history.GetAllStatesAsync(cancellationToken);

    public Task<ListScheduleState> UpdateAsync(string listId, Func<ListScheduleState, ListScheduleState> change, CancellationToken cancellationToken) =>
        history.UpdateStateAsync(listId, change, cancellationToken);

    public Task DeleteAsync(string listId, CancellationToken cancellationToken) => history.DeleteStateAsync(listId, cancellationToken);

    public static ListScheduleState Empty(string listId) => ListScheduleState.Empty(listId);
}

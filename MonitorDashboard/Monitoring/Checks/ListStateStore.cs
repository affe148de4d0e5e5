using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Monitoring.Checks;

/// <summary>
/// Read-modify-write of a list's persisted state, one at a time in this process, so the dispatcher moving
/// the next due time and a finished check recording its failure streak never overwrite each other.
/// </summary>
public sealed class ListStateStore(IRunHistory history)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task<ListScheduleState?> GetAsync(string listId, CancellationToken cancellationToken) => history.GetStateAsync(listId, cancellationToken);

    public Task<IReadOnlyDictionary<string, ListScheduleState>> GetAllAsync(CancellationToken cancellationToken) =>
        history.GetAllStatesAsync(cancellationToken);

    public async Task<ListScheduleState> UpdateAsync(string listId, Func<ListScheduleState, ListScheduleState> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = await history.GetStateAsync(listId, cancellationToken) ?? Empty(listId);
            var updated = change(current);
            if (updated != current)
            {
                await history.SaveStateAsync(updated, cancellationToken);
            }
            return updated;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task DeleteAsync(string listId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await history.DeleteStateAsync(listId, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public static ListScheduleState Empty(string listId) => new(listId, null, null, null, null, 0, false, false);
}

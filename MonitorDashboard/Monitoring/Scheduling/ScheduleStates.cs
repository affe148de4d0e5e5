using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Monitoring.Scheduling;

/// <summary>
/// The dispatcher's copy of every list's persisted schedule state (next due time, last scheduled occurrence, schedule
/// key): read from the history database once, on the first tick, then kept in step with every change made through it,
/// so a tick reads nothing. Only the scheduling fields are written; failure streaks and notice flags, which finished
/// checks update in the same rows, are left as they are. Used by one tick at a time (the dispatcher's tick gate).
/// </summary>
public sealed class ScheduleStates(IListStateStore store)
{
    private Dictionary<string, ListScheduleState>? _states;

    private Dictionary<string, ListScheduleState> Loaded =>
        _states ?? throw new InvalidOperationException("Schedule states are read with LoadAsync before they are used.");

    /// <summary>Reads the persisted states the first time; true only then, i.e. on the first tick of this process.</summary>
    public async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (_states is not null)
        {
            return false;
        }
        _states = new Dictionary<string, ListScheduleState>(await store.GetAllStatesAsync(cancellationToken), StringComparer.OrdinalIgnoreCase);
        return true;
    }

    /// <summary>The list's state, or null when it was never scheduled.</summary>
    public ListScheduleState? Find(string listId) => Loaded.GetValueOrDefault(listId);

    /// <summary>Persists what the schedule evaluator decided for the list; callers do this before a run starts.</summary>
    public Task SaveAsync(string listId, ListScheduleState decided, CancellationToken cancellationToken) =>
        SaveAllAsync(new Dictionary<string, ListScheduleState>(StringComparer.OrdinalIgnoreCase) { [listId] = decided }, cancellationToken);

    /// <summary>Persists what the schedule evaluator decided for many lists, in one transaction; callers do this before the runs start.</summary>
    public async Task SaveAllAsync(IReadOnlyDictionary<string, ListScheduleState> decided, CancellationToken cancellationToken)
    {
        var changes = decided.ToDictionary(
            d => d.Key,
            d => (Func<ListScheduleState, ListScheduleState>)(s => s with
            {
                NextDue = d.Value.NextDue,
                LastScheduled = d.Value.LastScheduled,
                ScheduleKey = d.Value.ScheduleKey,
            }),
            StringComparer.OrdinalIgnoreCase);
        foreach (var (listId, state) in await store.UpdateStatesAsync(changes, cancellationToken))
        {
            Loaded[listId] = state;
        }
    }

    /// <summary>
    /// An invalid or paused list is not scheduled: its next due time is cleared, so re-activating it starts its schedule
    /// from then and owes nothing for the time it was parked. Its last scheduled occurrence is kept.
    /// </summary>
    public async Task ParkAsync(string listId, CancellationToken cancellationToken)
    {
        if (Find(listId)?.NextDue is not null)
        {
            Loaded[listId] = await store.UpdateStateAsync(listId, s => s with { NextDue = null, ScheduleKey = null }, cancellationToken);
        }
    }

    /// <summary>Deletes the state of every list that is no longer in presets.json.</summary>
    public async Task ForgetDeletedAsync(PresetsSnapshot snapshot, CancellationToken cancellationToken)
    {
        var gone = Loaded.Keys.Where(id => snapshot.FindList(id) is null).ToList();
        foreach (var id in gone)
        {
            Loaded.Remove(id);
            await store.DeleteStateAsync(id, cancellationToken);
        }
    }
}

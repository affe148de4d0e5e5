using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Monitoring.Scheduling;

/// <summary>
/// Retries, at the end of every tick, the writes that could not be made when they happened: <c>last_hash</c> values kept
/// in the history go to presets.json (at most every <see cref="UnsavedHashes.ReconcileInterval"/>), then runs kept in
/// pending-runs go to the history. Both keep what still cannot be written for the next tick.
/// </summary>
public sealed class DeferredWrites(UnsavedHashes unsaved, RunRecorder recorder)
{
    public async Task RetryAsync(PresetsSnapshot snapshot, CancellationToken cancellationToken)
    {
        await unsaved.ReconcileDueAsync(snapshot, cancellationToken);
        await recorder.WriteWaitingAsync(cancellationToken);
    }
}

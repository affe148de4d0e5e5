using Microsoft.Extensions.Options;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Cron;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Notices;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Monitoring.Scheduling;

/// <summary>What one tick started (tests await these; the app lets them run).</summary>
public sealed record TickResult(IReadOnlyList<Task<CheckOutcome>> Started, int Missed);

/// <summary>
/// Called every second (by Coravel in the app, directly in tests): decides with <see cref="ScheduleEvaluator"/>
/// which lists are due, persists their next due times, records missed runs, and starts due checks, which
/// share InvenTree answers within the tick. Definitions come from the presets store, so lists added, edited,
/// (de)activated or deleted — from the dashboard, the CLI or by hand — take effect on the next tick.
/// </summary>
public sealed class MonitorDispatcher(
    PresetsStore presets,
    IListStateStore states,
    CheckRunner runner,
    IRunStore history,
    RunRecorder recorder,
    UnsavedHashes unsaved,
    MonitorState state,
    AdminNotifier admins,
    IInvenTreeClient inventree,
    IOptions<MonitoringOptions> options,
    IOptions<ScheduleOptions> schedule,
    TimeProvider time,
    ILogger<MonitorDispatcher> logger)
{
    private readonly SemaphoreSlim _tickGate = new(1, 1);
    private Dictionary<string, ListScheduleState>? _states;
    private DateTimeOffset? _presetsUnusableSince;

    public async Task<TickResult> TickAsync(CancellationToken cancellationToken)
    {
        if (!await _tickGate.WaitAsync(0, cancellationToken))
        {
            return new TickResult([], 0);
        }
        try
        {
            state.Heartbeat();
            var snapshot = presets.Current ?? await presets.LoadAsync(cancellationToken);
            if (snapshot.FileError is { } fileError)
            {
                // Nothing runs on a broken file; schedule state, streaks and history stay as they are, and the
                // watcher picks the file up again once it is fixed.
                admins.PresetsUnreadable(fileError);
                _presetsUnusableSince ??= time.GetUtcNow();
                state.Heartbeat();
                return new TickResult([], 0);
            }
            admins.PresetsReadable();
            // Runs that came due while the file could not be used are missed for that reason, not for downtime.
            var unusableSince = _presetsUnusableSince;
            _presetsUnusableSince = null;

            var firstTick = _states is null;
            _states ??= new Dictionary<string, ListScheduleState>(await states.GetAllStatesAsync(cancellationToken), StringComparer.OrdinalIgnoreCase);
            var now = time.GetUtcNow();
            var shared = new SharedFetchClient(inventree, cancellationToken);
            var started = new List<Task<CheckOutcome>>();
            var nextRuns = new Dictionary<string, DateTimeOffset?>(StringComparer.OrdinalIgnoreCase);
            var missed = 0;

            for (var i = 0; i < snapshot.MonitoringLists.Count; i++)
            {
                var list = snapshot.MonitoringLists[i];
                var known = _states.GetValueOrDefault(list.Id);
                if (!snapshot.IsValid(list.Id) || !list.Active || !TryReadSchedule(list, out var cron, out var zone))
                {
                    await ParkAsync(list, snapshot, known, cancellationToken);
                    nextRuns[list.Id] = null;
                    continue;
                }
                admins.ListValid(list.Id);

                if (firstTick && known is { LastScheduled: { } last } && await WasInterruptedAsync(list.Id, last, now, cancellationToken))
                {
                    logger.LogWarning("The run of {ListName} scheduled for {ScheduledFor} was interrupted by a restart; running it now", list.Name, last);
                    started.Add(runner.RunAsync(new CheckRequest(list.Id, RunTrigger.CatchUp, last, SharedClient: shared), cancellationToken));
                }

                var decision = ScheduleEvaluator.Evaluate(list.Id, cron, zone, ScheduleEvaluator.KeyOf(list.CronSchedule, zone), known, now,
                    options.Value.MisfireGrace);
                if (decision.State != known)
                {
                    // Persisted before the run starts: a restart never repeats a run it already began.
                    _states[list.Id] = await states.UpdateStateAsync(list.Id, s => s with
                    {
                        NextDue = decision.State.NextDue,
                        LastScheduled = decision.State.LastScheduled,
                        ScheduleKey = decision.State.ScheduleKey,
                    }, cancellationToken);
                }
                if (decision.Missed is { } skipped)
                {
                    missed += skipped.Count;
                    await RecordMissedAsync(list, skipped, now, unusableSince);
                }
                if (decision.Due is { } due)
                {
                    var trigger = decision.IsCatchUp ? RunTrigger.CatchUp : RunTrigger.Schedule;
                    started.Add(runner.RunAsync(new CheckRequest(list.Id, trigger, due, SharedClient: shared), cancellationToken));
                }
                nextRuns[list.Id] = decision.State.NextDue;
            }

            await ForgetDeletedAsync(snapshot, cancellationToken);
            state.SetNextRuns(nextRuns);
            // The heartbeat says "decisions are being made", so it is renewed once they were, not only when a tick began.
            state.Heartbeat();
            await unsaved.ReconcileDueAsync(snapshot, cancellationToken);
            await recorder.WriteWaitingAsync(cancellationToken);
            return new TickResult(started, missed);
        }
        finally
        {
            _tickGate.Release();
        }
    }

    private bool TryReadSchedule(MonitoringList list, out Cronos.CronExpression cron, out TimeZoneInfo zone)
    {
        var parsed = CronSchedule.Parse(list.CronSchedule);
        var zoneId = schedule.Value.ZoneIdOf(list.TimeZone);
        if (parsed.Cron is { } expression && IanaTimeZones.TryFind(zoneId, out var found))
        {
            cron = expression;
            zone = found;
            return true;
        }
        cron = null!;
        zone = TimeZoneInfo.Utc;
        return false;
    }

    /// <summary>An invalid or paused list is not scheduled; re-activating it starts its schedule from then.</summary>
    private async Task ParkAsync(MonitoringList list, PresetsSnapshot snapshot, ListScheduleState? known, CancellationToken cancellationToken)
    {
        if (!snapshot.IsValid(list.Id))
        {
            var reasons = snapshot.ValidationOf(list.Id)?.Errors.Select(e => e.Message).ToList() ?? [];
            admins.ListInvalid(list, reasons);
        }
        if (known?.NextDue is not null)
        {
            _states![list.Id] = await states.UpdateStateAsync(list.Id, s => s with { NextDue = null, ScheduleKey = null }, cancellationToken);
        }
    }

    private async Task<bool> WasInterruptedAsync(string listId, DateTimeOffset lastScheduled, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (now - lastScheduled > options.Value.MisfireGrace)
        {
            return false;
        }
        // Not just the latest run: a "Run now" or CLI run (no ScheduledFor) may have come after the scheduled one.
        const int pageSize = 20;
        for (var offset = 0; ; offset += pageSize)
        {
            var runs = await history.ListAsync(listId, offset, pageSize, cancellationToken);
            foreach (var run in runs)
            {
                // An interrupted run of that occurrence did not do its job: it still counts as owed.
                if (run.ScheduledFor is { } recorded && recorded >= lastScheduled && run.Outcome != RunOutcome.Interrupted)
                {
                    return false;
                }
                if (run.StartedAt < lastScheduled)
                {
                    return true;
                }
            }
            if (runs.Count < pageSize)
            {
                return true;
            }
        }
    }

    private async Task RecordMissedAsync(MonitoringList list, MissedRuns skipped, DateTimeOffset now, DateTimeOffset? presetsUnusableSince)
    {
        var why = presetsUnusableSince is { } since && skipped.First >= since
            ? "while presets.json could not be used"
            : "while MonitorDashboard was not running";
        var text = skipped.Count == 1
            ? $"missed the run due {skipped.First:u} {why}"
            : $"missed {skipped.Count} runs due {skipped.First:u} to {skipped.Last:u} {why}";
        logger.LogWarning("List {ListName} {Missed}", list.Name, text);
        var summary = new RunSummary(Guid.NewGuid(), list.Id, list.Name, RunTrigger.Schedule, skipped.Last, now, now, RunOutcome.Missed,
            RunCounts.None, null, false, null, text, null);
        await recorder.RecordAsync(new RunRecord(summary, null, null, null), null);
    }

    private async Task ForgetDeletedAsync(PresetsSnapshot snapshot, CancellationToken cancellationToken)
    {
        var gone = _states!.Keys.Where(id => snapshot.FindList(id) is null).ToList();
        foreach (var id in gone)
        {
            _states.Remove(id);
            await states.DeleteStateAsync(id, cancellationToken);
        }
    }
}

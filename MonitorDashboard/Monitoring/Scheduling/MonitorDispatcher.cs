using Microsoft.Extensions.Options;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Cron;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Monitoring.Scheduling;

/// <summary>What one tick started (tests await these; the app lets them run).</summary>
public sealed record TickResult(IReadOnlyList<Task<CheckOutcome>> Started, int Missed);

/// <summary>
/// Called every second (by Coravel in the app, directly in tests): decides with <see cref="ScheduleEvaluator"/>
/// which lists are due and starts their checks, which share InvenTree answers within the tick. Definitions come from
/// the presets store, so lists added, edited, (de)activated or deleted — from the dashboard, the CLI or by hand — take
/// effect on the next tick. The bookkeeping around each decision has its own home: <see cref="ScheduleStates"/>
/// (persisted next due times), <see cref="InterruptedRunDetector"/>, <see cref="MissedRunRecorder"/>,
/// <see cref="PresetsProblems"/> (admin notices) and <see cref="DeferredWrites"/>.
/// </summary>
public sealed partial class MonitorDispatcher(
    PresetsStore presets,
    ScheduleStates schedules,
    PresetsProblems problems,
    InterruptedRunDetector interrupted,
    MissedRunRecorder missedRuns,
    CheckRunner runner,
    DeferredWrites deferred,
    MonitorState state,
    IInvenTreeClient inventree,
    IOptions<MonitoringOptions> options,
    IOptions<ScheduleOptions> schedule,
    TimeProvider time,
    ILogger<MonitorDispatcher> logger)
{
    private readonly SemaphoreSlim _tickGate = new(1, 1);
    // Parsed schedules of the snapshot last ticked on: a tick with nothing due parses nothing (a thousand lists,
    // every second). Used under the tick gate.
    private PresetsSnapshot? _scheduledSnapshot;
    private Dictionary<(string? Cron, string Zone), ParsedSchedule?> _schedules = [];

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
                problems.FileUnusable(fileError);
                state.Heartbeat();
                return new TickResult([], 0);
            }
            // Runs that came due while the file could not be used are missed for that reason, not for downtime.
            var unusableSince = problems.FileUsable();

            var firstTick = await schedules.LoadAsync(cancellationToken);
            var snapshotChanged = !ReferenceEquals(snapshot, _scheduledSnapshot);
            if (snapshotChanged)
            {
                _schedules = [];
            }
            var now = time.GetUtcNow();
            var shared = new SharedFetchClient(inventree, cancellationToken);
            var toStart = new List<CheckRequest>();
            var decided = new Dictionary<string, ListScheduleState>(StringComparer.OrdinalIgnoreCase);
            var nextRuns = new Dictionary<string, DateTimeOffset?>(StringComparer.OrdinalIgnoreCase);
            var missed = 0;

            for (var i = 0; i < snapshot.MonitoringLists.Count; i++)
            {
                var list = snapshot.MonitoringLists[i];
                var known = schedules.Find(list.Id);
                if (!snapshot.IsValid(list.Id) || !list.Active || !TryReadSchedule(list, out var cron, out var zone, out var scheduleKey))
                {
                    if (!snapshot.IsValid(list.Id))
                    {
                        problems.ListInvalid(list, snapshot);
                    }
                    await schedules.ParkAsync(list.Id, cancellationToken);
                    nextRuns[list.Id] = null;
                    continue;
                }
                problems.ListValid(list.Id);

                if (firstTick && known is { LastScheduled: { } last } && await interrupted.WasInterruptedAsync(list.Id, last, now, cancellationToken))
                {
                    LogInterruptedRunRestarted(list.Name, last);
                    toStart.Add(new CheckRequest(list.Id, RunTrigger.CatchUp, last, SharedClient: shared));
                }

                var decision = ScheduleEvaluator.Evaluate(list.Id, cron, zone, scheduleKey, known, now,
                    options.Value.MisfireGrace);
                if (decision.State != known)
                {
                    decided[list.Id] = decision.State;
                }
                if (decision.Missed is { } skipped)
                {
                    missed += skipped.Count;
                    await missedRuns.RecordAsync(list, skipped, now, unusableSince);
                }
                if (decision.Due is { } due)
                {
                    var trigger = decision.IsCatchUp ? RunTrigger.CatchUp : RunTrigger.Schedule;
                    toStart.Add(new CheckRequest(list.Id, trigger, due, SharedClient: shared));
                }
                nextRuns[list.Id] = decision.State.NextDue;
            }

            // Persisted, all in one transaction, before the runs start: a restart never repeats a run it already began.
            await schedules.SaveAllAsync(decided, cancellationToken);
            var started = toStart.Select(request => runner.RunAsync(request, cancellationToken)).ToList();
            if (snapshotChanged)
            {
                await schedules.ForgetDeletedAsync(snapshot, cancellationToken);
                _scheduledSnapshot = snapshot;
            }
            state.SetNextRuns(nextRuns);
            // The heartbeat says "decisions are being made", so it is renewed once they were, not only when a tick began.
            state.Heartbeat();
            await deferred.RetryAsync(snapshot, cancellationToken);
            return new TickResult(started, missed);
        }
        finally
        {
            _tickGate.Release();
        }
    }

    private bool TryReadSchedule(MonitoringList list, out Cronos.CronExpression cron, out TimeZoneInfo zone, out string key)
    {
        var zoneId = schedule.Value.ZoneIdOf(list.TimeZone);
        if (!_schedules.TryGetValue((list.CronSchedule, zoneId), out var parsed))
        {
            parsed = CronSchedule.Parse(list.CronSchedule).Cron is { } expression && IanaTimeZones.TryFind(zoneId, out var found)
                ? new ParsedSchedule(expression, found, ScheduleEvaluator.KeyOf(list.CronSchedule, found))
                : null;
            _schedules[(list.CronSchedule, zoneId)] = parsed;
        }
        cron = parsed?.Cron!;
        zone = parsed?.Zone ?? TimeZoneInfo.Utc;
        key = parsed?.Key ?? "";
        return parsed is not null;
    }

    private sealed record ParsedSchedule(Cronos.CronExpression Cron, TimeZoneInfo Zone, string Key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The run of {ListName} scheduled for {ScheduledFor} was interrupted by a restart; running it now")]
    private partial void LogInterruptedRunRestarted(string listName, DateTimeOffset scheduledFor);
}

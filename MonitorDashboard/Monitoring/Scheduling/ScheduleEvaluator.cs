using Cronos;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Monitoring.Scheduling;

/// <summary>Occurrences that passed while the app was down, too long ago to run (older than the misfire grace).</summary>
public sealed record MissedRuns(DateTimeOffset First, DateTimeOffset Last, int Count);

/// <summary>
/// What to do for one list now: the state to persist (next due time), the occurrence to run (if any), and
/// the occurrences to record as missed.
/// </summary>
/// <param name="Due">The cron occurrence to run now, or null.</param>
/// <param name="IsCatchUp">The occurrence passed while the app was down and is run late, once.</param>
public sealed record ScheduleDecision(ListScheduleState State, DateTimeOffset? Due, bool IsCatchUp, MissedRuns? Missed);

/// <summary>
/// The scheduler's only decision, a pure function of (definition, persisted state, now), so tests drive it
/// with any clock. Every cron question goes to Cronos, in the list's own time zone, so daylight saving is
/// handled the way Cronos documents it (a skipped time runs right after the jump, a repeated one once).
/// </summary>
public static class ScheduleEvaluator
{
    /// <summary>How late a due run may start and still count as on time (a tick is one second).</summary>
    public static readonly TimeSpan OnTimeTolerance = TimeSpan.FromSeconds(30);

    /// <summary>Identifies what the next due time was computed from; a change means the schedule was edited.</summary>
    public static string KeyOf(string cronExpression, TimeZoneInfo zone) => $"{cronExpression.Trim()}|{zone.Id}";

    public static ScheduleDecision Evaluate(
        string listId,
        CronExpression cron,
        TimeZoneInfo zone,
        string scheduleKey,
        ListScheduleState? state,
        DateTimeOffset now,
        TimeSpan misfireGrace)
    {
        var current = state ?? new ListScheduleState(listId, null, null, null, null, 0, false, false);

        // New, edited, or re-activated: the schedule starts from now; nothing in the past is owed.
        if (current.NextDue is null || current.ScheduleKey != scheduleKey)
        {
            return new ScheduleDecision(current with { NextDue = cron.GetNextOccurrence(now, zone), ScheduleKey = scheduleKey }, null, false, null);
        }

        var due = current.NextDue.Value;
        if (now < due)
        {
            return new ScheduleDecision(current, null, false, null);
        }

        // Every occurrence from the persisted due time up to now; normally just one.
        var latest = due;
        var beforeLatest = due;
        var count = 1;
        while (cron.GetNextOccurrence(latest, zone) is { } next && next <= now)
        {
            beforeLatest = latest;
            latest = next;
            count++;
        }

        var runLatest = now - latest <= misfireGrace;
        var missedCount = runLatest ? count - 1 : count;
        var missed = missedCount == 0
            ? null
            : new MissedRuns(due, runLatest ? beforeLatest : latest, missedCount);
        DateTimeOffset? run = runLatest ? latest : null;

        var nextState = current with
        {
            NextDue = cron.GetNextOccurrence(now, zone),
            LastScheduled = run ?? current.LastScheduled,
        };
        return new ScheduleDecision(nextState, run, run is { } r && now - r > OnTimeTolerance, missed);
    }
}

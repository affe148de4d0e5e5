using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Monitoring.State;

public enum ListStatus
{
    /// <summary>Active and valid, not run yet.</summary>
    Pending,
    Ok,
    Shortages,
    Failing,
    EmailFailed,
    Invalid,
    Paused,
    Running,
}

/// <summary>Everything the dashboard shows about one monitoring list, as of now.</summary>
public sealed record ListView(
    string Id,
    string Name,
    bool Active,
    bool Valid,
    IReadOnlyList<string> Problems,
    string Cron,
    string ScheduleText,
    string TimeZone,
    IReadOnlyList<string> Recipients,
    string NotifyCondition,
    IReadOnlyList<string> Parts,
    DateTimeOffset? NextRun,
    RunSummary? LastRun,
    DateTimeOffset? RunningSince,
    string? LastError)
{
    public ListStatus Status =>
        RunningSince is not null ? ListStatus.Running
        : !Valid ? ListStatus.Invalid
        : !Active ? ListStatus.Paused
        : LastRun?.Outcome switch
        {
            null or RunOutcome.Missed or RunOutcome.Interrupted => ListStatus.Pending,
            RunOutcome.Failed => ListStatus.Failing,
            RunOutcome.EmailFailed => ListStatus.EmailFailed,
            RunOutcome.Shortages => ListStatus.Shortages,
            RunOutcome.SkippedUnchanged or RunOutcome.SentHashNotSaved when LastRun.Counts is { ToOrder: > 0 } or { ToBuild: > 0 } or { Critical: > 0 } or { NotFound: > 0 }
                => ListStatus.Shortages,
            _ => ListStatus.Ok,
        };
}

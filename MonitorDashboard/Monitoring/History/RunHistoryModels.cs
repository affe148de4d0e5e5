using MonitorDashboard.Calculation;
using MonitorDashboard.Email;

namespace MonitorDashboard.Monitoring.History;

/// <summary>What started a run.</summary>
public enum RunTrigger
{
    Schedule,
    Manual,
    CatchUp,
    Cli,
}

/// <summary>How a run ended.</summary>
public enum RunOutcome
{
    Ok,
    Shortages,
    Failed,
    EmailFailed,
    SkippedUnchanged,
    Missed,
}

public sealed record RunCounts(int ToOrder, int ToBuild, int Critical, int NotFound, int Warnings)
{
    public static RunCounts None { get; } = new(0, 0, 0, 0, 0);

    public static RunCounts Of(CalculationResult result) => new(
        result.PartsToOrder.Count,
        // Rows kept only because a build is running are not something to build.
        result.SubassembliesToBuild.Count(b => b.ToBuild > 0),
        result.Critical.Count,
        result.NotFound.Count,
        result.Warnings.Count);
}

/// <summary>The cheap row of a run for lists and grids: everything except the result and the email.</summary>
/// <param name="ScheduledFor">The cron occurrence the run belongs to; null for manual and CLI runs.</param>
/// <param name="Hash">The significant result's hash, when the calculation succeeded.</param>
/// <param name="Changed">Whether the hash differed from the list's last reported hash.</param>
public sealed record RunSummary(
    Guid RunId,
    string ListId,
    string ListName,
    RunTrigger Trigger,
    DateTimeOffset? ScheduledFor,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    RunOutcome Outcome,
    RunCounts Counts,
    string? Hash,
    bool Changed,
    DeliveryOutcome? EmailOutcome,
    string? Error,
    string? CorrelationId);

/// <summary>A full run: the summary plus what it calculated and what it sent.</summary>
public sealed record RunRecord(
    RunSummary Summary,
    CalculationResult? Result,
    EmailMessage? Email,
    DeliveryResult? Delivery);

/// <summary>The scheduler's persisted state of one list, so a restart neither loses nor repeats a run.</summary>
/// <param name="ScheduleKey">What the next due time was computed from (cron + zone), to notice edits.</param>
/// <param name="FailingSince">Start of the current failure streak; null while checks succeed.</param>
public sealed record ListScheduleState(
    string ListId,
    DateTimeOffset? NextDue,
    DateTimeOffset? LastScheduled,
    string? ScheduleKey,
    DateTimeOffset? FailingSince,
    int ConsecutiveFailures,
    bool FailureNoticeSent,
    bool DeliveryFailureNoticeSent);

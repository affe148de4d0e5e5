using System.Text.Json.Serialization;
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
    /// <summary>Not run: missed during downtime, or its list was still being checked (here or in another process).</summary>
    Missed,
    /// <summary>The report was delivered, but its hash could not be written to presets.json (kept in the history instead).</summary>
    SentHashNotSaved,
    /// <summary>MonitorDashboard stopped (or was killed) during the run; a scheduled run is caught up at restart.</summary>
    Interrupted,
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
/// <param name="Details">The result, email and delivery, as objects or packed (<see cref="RunDetails"/>).</param>
public sealed record RunRecord(RunSummary Summary, [property: JsonIgnore] RunDetails Details)
{
    public RunRecord(RunSummary summary, CalculationResult? result, EmailMessage? email, DeliveryResult? delivery)
        : this(summary, RunDetails.Of(result, email, delivery))
    {
    }

    public CalculationResult? Result => Details.Result;

    public EmailMessage? Email => Details.Email;

    public DeliveryResult? Delivery => Details.Delivery;
}

/// <summary>The scheduler's persisted state of one list, so a restart neither loses nor repeats a run.</summary>
/// <param name="ScheduleKey">What the next due time was computed from (cron + zone), to notice edits.</param>
/// <param name="FailingSince">Start of the current failure streak; null while checks succeed.</param>
/// <param name="UnsavedHash">The hash of a report that was delivered but could not be written to presets.json as
/// <c>last_hash</c>; it counts as the list's last hash until it is written there.</param>
/// <param name="UnsavedHashBase">The <c>last_hash</c> presets.json had when <paramref name="UnsavedHash"/> was kept; when
/// someone changes it meanwhile, their value wins.</param>
/// <param name="DeliveryFailingSince">Start of the current delivery failure streak; null while reports are delivered.</param>
public sealed record ListScheduleState(
    string ListId,
    DateTimeOffset? NextDue,
    DateTimeOffset? LastScheduled,
    string? ScheduleKey,
    DateTimeOffset? FailingSince,
    int ConsecutiveFailures,
    bool FailureNoticeSent,
    bool DeliveryFailureNoticeSent,
    string? UnsavedHash = null,
    string? UnsavedHashBase = null,
    DateTimeOffset? DeliveryFailingSince = null)
{
    /// <summary>The hash the last delivered report had: the unsaved one while presets.json still holds <see cref="UnsavedHashBase"/>.</summary>
    public static ListScheduleState Empty(string listId) => new(listId, null, null, null, null, 0, false, false);

    public string? EffectiveLastHash(string? lastHashInPresets) =>
        UnsavedHash is not null && string.Equals(lastHashInPresets, UnsavedHashBase, StringComparison.OrdinalIgnoreCase)
            ? UnsavedHash
            : lastHashInPresets;
}

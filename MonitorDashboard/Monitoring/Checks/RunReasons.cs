using System.Globalization;
using Microsoft.Data.Sqlite;
using MonitorDashboard.Email.Templates;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Monitoring.Checks;

/// <summary>
/// The one home of the words a run ends with when it did not end normally, so history, dashboard, CLI and admin notices
/// say the same. Every text says what happened and where, in words a planner understands; none carries a secret.
/// </summary>
public static class RunReasons
{
    public static string TimedOut(TimeSpan limit, string stage) => $"timed out after {Duration(limit)} while {stage}";

    public static string Stopped(string stage, RunTrigger trigger) =>
        $"interrupted: MonitorDashboard stopped while {stage}" + (IsScheduled(trigger) ? "; the run is caught up at the next start" : "");

    public static string StoppedBeforeStart(RunTrigger trigger) =>
        "interrupted: MonitorDashboard stopped before the run could start" + (IsScheduled(trigger) ? "; the run is caught up at the next start" : "");

    /// <summary>A run whose process disappeared (killed, crashed, power cut), found from its lease.</summary>
    public static string Abandoned(RunLease lease) =>
        $"interrupted: {lease.Owner.Describe()} ended during the run"
        + (lease.Stage is { Length: > 0 } stage ? $", while {stage}" : "")
        + (IsScheduled(lease.Trigger) ? "; the run is caught up at the next start" : "");

    /// <summary>
    /// A failed InvenTree request, led by what it was for: "fetching the BOM of Widget Assembly failed: InvenTree
    /// returned malformed JSON for /api/bom/?part=110…".
    /// </summary>
    public static string InvenTreeFailed(InvenTreeException exception) =>
        exception.Step is { Length: > 0 } step ? $"{step} failed: {exception.Message}" : exception.Message;

    public static string StillRunning(string listName) => $"not run: the previous run of '{listName}' was still running";

    public static string RunningElsewhere(RunLease holder) =>
        $"not run: '{holder.ListName}' was being checked by {holder.Owner.Describe()} since {holder.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC";

    /// <summary>An exception that escaped a check, in words; the stage says where it happened.</summary>
    public static string Crashed(Exception exception, string stage, string correlationId) => exception switch
    {
        EmailTemplateException e => $"the report could not be rendered: {e.Message}",
        SqliteException e => $"the run history database failed while {stage}: {e.Message}",
        PresetsException e => $"presets.json could not be used while {stage}: {e.Message}",
        IOException or UnauthorizedAccessException => $"a file could not be read or written while {stage}: {exception.Message}",
        _ => $"internal error while {stage} ({exception.GetType().Name}: {exception.Message}); please report it with correlation id {correlationId}",
    };

    /// <summary>"5 min", "30 s", "1 h 30 min".</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalSeconds: < 60 } => $"{span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s",
        { TotalMinutes: < 60 } when span.Seconds == 0 => $"{(int)span.TotalMinutes} min",
        { TotalMinutes: < 60 } => $"{(int)span.TotalMinutes} min {span.Seconds} s",
        _ when span.Minutes == 0 => $"{(int)span.TotalHours} h",
        _ => $"{(int)span.TotalHours} h {span.Minutes} min",
    };

    private static bool IsScheduled(RunTrigger trigger) => trigger is RunTrigger.Schedule or RunTrigger.CatchUp;
}

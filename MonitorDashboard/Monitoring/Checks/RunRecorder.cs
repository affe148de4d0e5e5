using Microsoft.Data.Sqlite;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Notices;
using MonitorDashboard.Monitoring.State;

namespace MonitorDashboard.Monitoring.Checks;

/// <summary>
/// Ends every run in the history: writes it and gives up its lease in one transaction, and when the database cannot
/// take it (locked by another process, disk full) keeps it in <see cref="PendingRuns"/> and tells the admins once, so no
/// run is lost; the dashboard hears about it either way.
/// </summary>
public sealed partial class RunRecorder(
    IRunLeases leases,
    PendingRuns pending,
    MonitorState state,
    AdminNotifier admins,
    ILogger<RunRecorder> logger)
{
    private const string ProblemKey = "history";

    public async Task RecordAsync(RunRecord run, RunLease? lease)
    {
        try
        {
            await leases.CompleteAsync(lease, run, CancellationToken.None);
            admins.SystemProblemResolved(ProblemKey);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            await KeepForLaterAsync(run, ex);
        }
        state.MarkRunFinished(run.Summary);
        if (run.Summary.Outcome == RunOutcome.EmailFailed)
        {
            state.ReportEmailFailure(run.Summary.ListId, run.Summary.Error ?? "delivery failed");
        }
    }

    /// <summary>Writes runs kept for later once the database answers again (the scheduler tick calls this).</summary>
    public async Task WriteWaitingAsync(CancellationToken cancellationToken)
    {
        try
        {
            // The lease a kept run still holds goes in the same transaction, so its list is not left claimed.
            if (await pending.WriteWaitingAsync(leases.CompleteLateAsync, cancellationToken) > 0)
            {
                admins.SystemProblemResolved(ProblemKey);
            }
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            LogStillUnavailable(ex);
        }
    }

    private async Task KeepForLaterAsync(RunRecord run, Exception error)
    {
        var kept = await pending.KeepAsync(run, CancellationToken.None);
        LogNotWritten(error, run.Summary.ListId, run.Summary.RunId, kept);
        var detail = kept
            ? $"The run of '{run.Summary.ListName}' ({RunOutcomeText.Label(run.Summary.Outcome)}) could not be written to the run history ({error.Message}). "
              + $"It waits in {pending.Folder} and is written as soon as the database answers again."
            : $"The run of '{run.Summary.ListName}' ({RunOutcomeText.Label(run.Summary.Outcome)}) could not be written to the run history ({error.Message}), "
              + $"nor kept in {pending.Folder}; it is only in the log.";
        state.ReportSystemError("run history", detail);
        admins.SystemProblem(ProblemKey, "Run history cannot be written", detail,
            "Check that nothing else holds the history database open for writing (History:DatabasePath) and that its disk is not full.");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} of list {ListId} could not be written to the history (kept for later: {Kept})")]
    private partial void LogNotWritten(Exception exception, string listId, Guid runId, bool kept);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Runs kept for later still cannot be written to the history")]
    private partial void LogStillUnavailable(Exception exception);
}

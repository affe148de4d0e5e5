using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Monitoring.Scheduling;

/// <summary>
/// Records occurrences that came due too long ago to run (beyond the misfire grace) as one missed run in the list's
/// history, saying why they were missed: presets.json could not be used then, or MonitorDashboard was not running.
/// </summary>
public sealed partial class MissedRunRecorder(RunRecorder recorder, ILogger<MissedRunRecorder> logger)
{
    /// <param name="presetsUnusableSince">
    /// When presets.json became unusable, if it was unusable until this tick; occurrences from then on were missed for that reason.
    /// </param>
    public async Task RecordAsync(MonitoringList list, MissedRuns skipped, DateTimeOffset now, DateTimeOffset? presetsUnusableSince)
    {
        var text = Describe(skipped, presetsUnusableSince);
        LogMissed(list.Name, text);
        var summary = new RunSummary(Guid.NewGuid(), list.Id, list.Name, RunTrigger.Schedule, skipped.Last, now, now, RunOutcome.Missed,
            RunCounts.None, null, false, null, text, null);
        await recorder.RecordAsync(new RunRecord(summary, null, null, null), null);
    }

    /// <summary>The run's error text, which the history, the dashboard and the log show.</summary>
    private static string Describe(MissedRuns skipped, DateTimeOffset? presetsUnusableSince)
    {
        var why = presetsUnusableSince is { } since && skipped.First >= since
            ? "while presets.json could not be used"
            : "while MonitorDashboard was not running";
        return skipped.Count == 1
            ? $"missed the run due {skipped.First:u} {why}"
            : $"missed {skipped.Count} runs due {skipped.First:u} to {skipped.Last:u} {why}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "List {ListName} {Missed}")]
    private partial void LogMissed(string listName, string missed);
}

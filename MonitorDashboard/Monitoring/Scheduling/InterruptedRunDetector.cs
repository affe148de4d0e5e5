using Microsoft.Extensions.Options;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Monitoring.Scheduling;

/// <summary>
/// Tells, at the first tick after a start, whether a list's last scheduled occurrence was cut short by the restart
/// (or never recorded): it is then still owed, and run once more as a catch-up while it is within the misfire grace.
/// </summary>
public sealed class InterruptedRunDetector(IRunStore history, IOptions<MonitoringOptions> options)
{
    /// <summary>How many runs are read at a time while looking back for the occurrence.</summary>
    internal const int PageSize = 20;

    public async Task<bool> WasInterruptedAsync(string listId, DateTimeOffset lastScheduled, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (now - lastScheduled > options.Value.MisfireGrace)
        {
            return false;
        }
        // Not just the latest run: a "Run now" or CLI run (no ScheduledFor) may have come after the scheduled one.
        for (var offset = 0; ; offset += PageSize)
        {
            var runs = await history.ListAsync(listId, offset, PageSize, cancellationToken);
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
            if (runs.Count < PageSize)
            {
                return true;
            }
        }
    }
}

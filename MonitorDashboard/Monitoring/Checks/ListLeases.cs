using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Monitoring.Checks;

/// <summary>
/// This process's side of <see cref="IRunLeases"/>: claims a list before its check starts, renews the claim while it
/// runs (with the stage it is in, so a killed run can say where it stopped), and at start-up records the runs that
/// processes which are gone left behind.
/// </summary>
public sealed partial class ListLeases(
    IRunLeases leases, LeaseOwner owner, IOptions<MonitoringOptions> options, TimeProvider time, ILogger<ListLeases> logger)
{
    /// <summary>How soon a running check's new stage reaches its lease row.</summary>
    private static readonly TimeSpan StageRefresh = TimeSpan.FromSeconds(1);

    public LeaseOwner Owner => owner;

    /// <summary>The claim, or null when the history database cannot be asked (the check then runs without one).</summary>
    public async Task<LeaseClaim?> AcquireAsync(MonitoringList list, CheckRequest request, Guid runId, string correlationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var wanted = new RunLease(list.Id, runId, list.Name, request.Trigger, request.ScheduledFor, now, now + options.Value.RunLease, owner,
            "starting", correlationId);
        try
        {
            return await leases.TryAcquireAsync(wanted, Abandoned, cancellationToken);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            // A locked or broken history database must not silence the monitor: the check runs, unclaimed.
            LogUnclaimed(ex, list.Id);
            return null;
        }
    }

    /// <summary>
    /// Renews the lease a third of its lifetime before it would expire, and writes a new stage within a second, until
    /// cancelled: a run killed in its first seconds (most runs take only seconds) must not be recorded as "while starting".
    /// </summary>
    public async Task KeepAsync(RunLease lease, CheckProgress progress, CancellationToken cancellationToken)
    {
        var lifetime = options.Value.RunLease;
        var renewEvery = lifetime / 3;
        using var timer = new PeriodicTimer(renewEvery < StageRefresh ? renewEvery : StageRefresh, time);
        var written = lease.Stage;
        var renewed = time.GetUtcNow();
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var stage = progress.Describe();
                var now = time.GetUtcNow();
                if (stage == written && now - renewed < renewEvery)
                {
                    continue;
                }
                try
                {
                    if (!await leases.RenewAsync(lease, now + lifetime, stage, cancellationToken))
                    {
                        LogLost(lease.ListId);
                        return;
                    }
                    (written, renewed) = (stage, now);
                }
                catch (Exception ex) when (ex is SqliteException or IOException)
                {
                    LogRenewFailed(ex, lease.ListId);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The check ended.
        }
    }

    public async Task ReleaseAsync(RunLease lease)
    {
        try
        {
            await leases.ReleaseAsync(lease, CancellationToken.None);
        }
        catch (Exception ex) when (ex is SqliteException or IOException)
        {
            LogRenewFailed(ex, lease.ListId); // it expires on its own
        }
    }

    /// <summary>At start-up: runs left behind by processes that are gone are recorded as interrupted.</summary>
    public async Task<IReadOnlyList<RunSummary>> RecoverAbandonedAsync(CancellationToken cancellationToken)
    {
        var recovered = await leases.RecoverAbandonedAsync(time.GetUtcNow(), Abandoned, cancellationToken);
        foreach (var run in recovered)
        {
            LogRecovered(run.ListName, run.Error);
        }
        return recovered;
    }

    private RunRecord Abandoned(RunLease lease)
    {
        var now = time.GetUtcNow();
        return new RunRecord(new RunSummary(lease.RunId, lease.ListId, lease.ListName, lease.Trigger, lease.ScheduledFor, lease.StartedAt,
                now < lease.StartedAt ? lease.StartedAt : now, RunOutcome.Interrupted, RunCounts.None, null, false, null,
                RunReasons.Abandoned(lease), lease.CorrelationId),
            null, null, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "List {ListId} could not be claimed in the history database; it is checked without a claim")]
    private partial void LogUnclaimed(Exception exception, string listId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The claim on list {ListId} could not be renewed")]
    private partial void LogRenewFailed(Exception exception, string listId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The claim on list {ListId} was taken over by another process while its check ran")]
    private partial void LogLost(string listId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recorded an interrupted run of {ListName}: {Reason}")]
    private partial void LogRecovered(string listName, string? reason);
}

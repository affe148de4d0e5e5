namespace MonitorDashboard.Monitoring.History;

/// <summary>
/// Claims on lists being checked, kept in the history database so that every process sharing it (the dashboard, any
/// number of <c>monitor run</c> commands) checks a list at most once at a time.
/// </summary>
public interface IRunLeases
{
    /// <summary>
    /// Takes the list's lease unless a live holder has it. A holder that is gone (expired, or its process ended on this
    /// machine) is replaced, and its run is recorded as <paramref name="abandoned"/> describes, in the same transaction.
    /// </summary>
    Task<LeaseClaim> TryAcquireAsync(RunLease wanted, Func<RunLease, RunRecord> abandoned, CancellationToken ct);

    /// <summary>Moves the expiry on and records the stage; false when the lease is no longer ours (taken over).</summary>
    Task<bool> RenewAsync(RunLease lease, DateTimeOffset expiresAt, string? stage, CancellationToken ct);

    /// <summary>Records the run and gives the lease up, in one transaction (no lease: only records the run).</summary>
    Task CompleteAsync(RunLease? lease, RunRecord run, CancellationToken ct);

    /// <summary>
    /// Records a run that could not be recorded when it ended (kept in pending-runs meanwhile) and gives up the lease it
    /// still holds, in one transaction. It replaces a record of the same run written meanwhile: the "interrupted" record
    /// of a process that took the expired lease over, or this very run written once before its file could be removed.
    /// </summary>
    Task CompleteLateAsync(RunRecord run, CancellationToken ct);

    /// <summary>Gives the lease up without recording anything.</summary>
    Task ReleaseAsync(RunLease lease, CancellationToken ct);

    /// <summary>
    /// At start-up: every lease whose holder is gone is removed and its run recorded as <paramref name="abandoned"/> says,
    /// so a run cut short by a kill still ends in the history. Returns the recorded runs.
    /// </summary>
    Task<IReadOnlyList<RunSummary>> RecoverAbandonedAsync(DateTimeOffset now, Func<RunLease, RunRecord> abandoned, CancellationToken ct);

    /// <summary>Every lease held now, by anyone.</summary>
    Task<IReadOnlyList<RunLease>> ListAsync(CancellationToken ct);
}

using System.Diagnostics;

namespace MonitorDashboard.Monitoring.History;

/// <summary>
/// Who holds a lease: one running instance of MonitorDashboard (the dashboard, or a <c>monitor run</c> command).
/// <see cref="Instance"/> tells two hosts in one process apart; host, process id and start time let another process on
/// the same machine see at once that the holder is gone (killed), without waiting for the lease to expire.
/// </summary>
public sealed record LeaseOwner(string Host, int ProcessId, DateTimeOffset ProcessStarted, Guid Instance, string Kind)
{
    public static LeaseOwner ForCurrentProcess(string kind)
    {
        using var process = Process.GetCurrentProcess();
        return new LeaseOwner(Environment.MachineName, process.Id, process.StartTime.ToUniversalTime(), Guid.NewGuid(), kind);
    }

    /// <summary>"monitor run (process 4711 on planner-pc)", for messages.</summary>
    public string Describe() => $"{Kind} (process {ProcessId} on {Host})";

    /// <summary>
    /// False only when this owner certainly is gone: it ran on this machine and its process no longer exists (or the id
    /// now belongs to a process started at another time). An owner on another machine counts as alive until its lease expires.
    /// </summary>
    public bool IsAliveOnThisMachine()
    {
        if (!string.Equals(Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        try
        {
            using var process = Process.GetProcessById(ProcessId);
            // Start times are read from /proc with clock-tick precision; a second's tolerance tells a reused id apart.
            return !process.HasExited && (process.StartTime.ToUniversalTime() - ProcessStarted).Duration() < TimeSpan.FromSeconds(1);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>A list being checked right now, by <see cref="Owner"/>, until <see cref="ExpiresAt"/> unless renewed.</summary>
/// <param name="Stage">What the check was doing at the last renewal ("fetching the BOM of Widget Assembly").</param>
public sealed record RunLease(
    string ListId,
    Guid RunId,
    string ListName,
    RunTrigger Trigger,
    DateTimeOffset? ScheduledFor,
    DateTimeOffset StartedAt,
    DateTimeOffset ExpiresAt,
    LeaseOwner Owner,
    string? Stage,
    string? CorrelationId);

/// <summary>The answer to a lease request.</summary>
public abstract record LeaseClaim;

/// <param name="Abandoned">The run of a holder that is gone, recorded as interrupted while the lease was taken over.</param>
public sealed record LeaseGranted(RunLease Lease, RunSummary? Abandoned) : LeaseClaim;

/// <summary>Another live process is checking the list.</summary>
public sealed record LeaseRefused(RunLease Holder) : LeaseClaim;

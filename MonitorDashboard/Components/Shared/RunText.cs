using MonitorDashboard.Email;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Components.Shared;

/// <summary>How run fields read in the dashboard.</summary>
public static class RunText
{
    public static string Trigger(RunTrigger trigger) => trigger switch
    {
        RunTrigger.Schedule => "schedule",
        RunTrigger.Manual => "Run now",
        RunTrigger.CatchUp => "catch-up",
        RunTrigger.Cli => "command line",
        _ => trigger.ToString(),
    };

    public static string Email(DeliveryOutcome? outcome) => outcome switch
    {
        null => "—",
        DeliveryOutcome.Sent => "sent",
        DeliveryOutcome.PartiallySent => "partially sent",
        DeliveryOutcome.Failed => "failed",
        DeliveryOutcome.Disabled => "email disabled",
        _ => outcome.ToString()!,
    };

    /// <summary>Why a run has no email, in words.</summary>
    public static string NoEmail(RunSummary run) => run.Outcome switch
    {
        RunOutcome.SkippedUnchanged => "No change since the last report, so no email was sent.",
        RunOutcome.Failed => "The check failed, so no report was sent.",
        RunOutcome.Missed => "The run was missed, so nothing was checked or sent.",
        RunOutcome.Interrupted => "The run was interrupted before it could send a report.",
        _ when run.EmailOutcome == DeliveryOutcome.Disabled => "Email is globally disabled; nothing was sent.",
        _ => "No email was sent for this run.",
    };

    /// <summary>The first characters of a hash, enough to tell runs apart at a glance.</summary>
    public static string ShortHash(string? hash) => hash is null ? "—" : hash.Length <= 12 ? hash : hash[..12] + "…";
}

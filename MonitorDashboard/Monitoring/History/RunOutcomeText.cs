namespace MonitorDashboard.Monitoring.History;

/// <summary>
/// The one wording of each <see cref="RunOutcome"/>: the chips, the snackbars and the command line all read it here,
/// so a run never reads "unchanged" in one place and "no change" in another.
/// </summary>
public static class RunOutcomeText
{
    /// <summary>The short label, lower case except "OK" (a chip, a list entry, the command line's summary line).</summary>
    public static string Label(RunOutcome outcome) => outcome switch
    {
        RunOutcome.Ok => "OK",
        RunOutcome.Shortages => "shortages",
        RunOutcome.Failed => "failed",
        RunOutcome.EmailFailed => "email failed",
        RunOutcome.SkippedUnchanged => "no change, no email",
        RunOutcome.Missed => "missed",
        RunOutcome.SentHashNotSaved => "sent, hash not saved",
        RunOutcome.Interrupted => "interrupted",
        _ => outcome.ToString(),
    };
}

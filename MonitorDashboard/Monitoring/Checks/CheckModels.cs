using MonitorDashboard.InvenTree;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Monitoring.Checks;

/// <param name="SharedClient">InvenTree answers shared by the checks of one scheduler tick.</param>
/// <param name="DryRun">Calculate and render, but send nothing, write nothing and record nothing.</param>
public sealed record CheckRequest(
    string ListId,
    RunTrigger Trigger,
    DateTimeOffset? ScheduledFor = null,
    bool DryRun = false,
    IInvenTreeClient? SharedClient = null);

public enum CheckStatus
{
    Completed,
    /// <summary>Another run of the same list is in progress; nothing was started.</summary>
    AlreadyRunning,
    NotFound,
    /// <summary>The list is invalid (or presets.json unreadable); it is not run.</summary>
    Invalid,
    /// <summary>The run could not even be started (presets.json could not be read); nothing was recorded.</summary>
    Error,
}

/// <param name="Run">The recorded run (also for dry runs, where it is not stored).</param>
/// <param name="Message">For the user: what happened, e.g. "report sent to 3 recipients".</param>
public sealed record CheckOutcome(CheckStatus Status, string Message, RunRecord? Run = null)
{
    public static CheckOutcome NotFound(string listId) => new(CheckStatus.NotFound, $"no list with id '{listId}'");

    /// <summary>A recorded run, with what it did in words.</summary>
    public static CheckOutcome Completed(RunRecord run) => new(CheckStatus.Completed, CheckRunner.Describe(run), run);
}

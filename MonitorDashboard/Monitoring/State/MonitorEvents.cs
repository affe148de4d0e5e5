using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Monitoring.State;

/// <summary>Something the dashboard shows changed. Subscribers re-read <see cref="MonitorState"/>.</summary>
public abstract record MonitorEvent(DateTimeOffset At);

public sealed record RunStarted(string ListId, RunTrigger Trigger, DateTimeOffset At) : MonitorEvent(At);

public sealed record RunFinished(RunSummary Run, DateTimeOffset At) : MonitorEvent(At);

public sealed record EmailFailed(string ListId, string Error, DateTimeOffset At) : MonitorEvent(At);

/// <summary>Lists were added, edited, (de)activated or deleted, or their next run moved.</summary>
public sealed record ListsChanged(DateTimeOffset At) : MonitorEvent(At);

/// <summary>presets.json became unreadable (<see cref="Error"/> set) or readable again (null).</summary>
public sealed record PresetsFileChanged(PresetsFileError? Error, DateTimeOffset At) : MonitorEvent(At);

public sealed record SystemErrorRecorded(SystemError Error) : MonitorEvent(Error.At);

/// <summary>A problem of the app itself (not of a list's parts), kept for the status page.</summary>
public sealed record SystemError(string Source, string Message, DateTimeOffset At);

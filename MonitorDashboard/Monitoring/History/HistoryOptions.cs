namespace MonitorDashboard.Monitoring.History;

public sealed class HistoryOptions
{
    public const string SectionName = "History";

    /// <summary>The SQLite file; a relative path is resolved against the content root.</summary>
    public string DatabasePath { get; set; } = "data/monitor.db";

    /// <summary>
    /// How long a write waits for another process's transaction on the same file (SQLite's busy timeout). A run that
    /// cannot be written in that time is kept in <c>pending-runs</c> beside the database and written later.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

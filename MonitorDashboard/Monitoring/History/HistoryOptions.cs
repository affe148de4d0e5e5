namespace MonitorDashboard.Monitoring.History;

public sealed class HistoryOptions
{
    public const string SectionName = "History";

    /// <summary>The SQLite file; a relative path is resolved against the content root.</summary>
    public string DatabasePath { get; set; } = "data/monitor.db";
}

namespace MonitorDashboard.Cli.Monitor;

/// <summary>The short state a mutation reports after saving: "active, next run Tue 2025-06-03 07:00 +02:00".</summary>
internal static class Summary
{
    public static string State(MonitorListView v) =>
        !v.IsValid ? "invalid: " + v.Validation.Errors[0].Detail
        : !v.List.Active ? "paused"
        : v.NextRun is { } next ? $"active, next run {MonitorListView.FormatRun(next)}"
        : "active, never runs";
}

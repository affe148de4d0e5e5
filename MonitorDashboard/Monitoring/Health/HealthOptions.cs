namespace MonitorDashboard.Monitoring.Health;

/// <summary>
/// The <c>Health</c> section: who gets the detailed /healthz report besides signed-in users, and how long anonymous
/// callers are answered from the last evaluation (<c>Health__Token</c> ... in the environment).
/// </summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    public const int MinimumTokenLength = 16;

    /// <summary>A monitoring system that sends <c>Authorization: Bearer &lt;token&gt;</c> gets the details; null: nobody does.</summary>
    public string? Token { get; set; }

    /// <summary>
    /// Anonymous callers get the overall status of an evaluation at most this old, so a flood of them never makes
    /// the app evaluate anything again.
    /// </summary>
    public TimeSpan AnonymousCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}

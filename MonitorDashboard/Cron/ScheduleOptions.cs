namespace MonitorDashboard.Cron;

/// <summary>
/// The scheduling rules every part of the app shares — the list validator, the scheduler, the dashboard, the emails:
/// the default time zone and the minimum interval. Bound from the <c>Monitoring</c> section (<c>Monitoring:TimeZone</c>,
/// <c>Monitoring:MinimumInterval</c>), beside the scheduler's own settings.
/// </summary>
public sealed class ScheduleOptions
{
    public const string SectionName = "Monitoring";

    /// <summary>Smallest allowed gap between two runs of one list.</summary>
    public TimeSpan MinimumInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>IANA id used for lists without their own <c>timezone</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The one rule for a list's effective time zone id: its own when it has one, otherwise the default.</summary>
    public string ZoneIdOf(string? listTimeZone) => string.IsNullOrWhiteSpace(listTimeZone) ? TimeZone : listTimeZone.Trim();

    /// <summary>The list's effective zone; an unknown id falls back to the default zone, then to UTC.</summary>
    public TimeZoneInfo ZoneOf(string? listTimeZone) =>
        IanaTimeZones.TryFind(ZoneIdOf(listTimeZone), out var zone) ? zone
        : IanaTimeZones.TryFind(TimeZone, out var fallback) ? fallback
        : TimeZoneInfo.Utc;
}

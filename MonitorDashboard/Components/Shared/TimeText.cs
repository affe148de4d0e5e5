using System.Globalization;
using MonitorDashboard.Cron;

namespace MonitorDashboard.Components.Shared;

/// <summary>Times as people read them in the dashboard: local to the list's zone, and relative to now.</summary>
public static class TimeText
{
    /// <summary>"Thu 27 Nov 07:00 (UTC+01:00)" in the given IANA zone (UTC when unknown).</summary>
    public static string Local(DateTimeOffset instant, string? zoneId)
    {
        var zone = IanaTimeZones.TryFind(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var offset = local.Offset == TimeSpan.Zero ? "UTC" : $"UTC{(local.Offset < TimeSpan.Zero ? "-" : "+")}{local.Offset:hh\\:mm}";
        return local.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture) + $" ({offset})";
    }

    /// <summary>"27 Nov" in the given IANA zone (UTC when unknown): short enough for a chart's axis.</summary>
    public static string ShortDate(DateTimeOffset instant, string? zoneId)
    {
        var zone = IanaTimeZones.TryFind(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(instant, zone).ToString("d MMM", CultureInfo.InvariantCulture);
    }

    /// <summary>"07:00" in the given IANA zone (UTC when unknown).</summary>
    public static string ShortTime(DateTimeOffset instant, string? zoneId)
    {
        var zone = IanaTimeZones.TryFind(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(instant, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>"in 3 h", "in 12 min", "5 min ago", "just now".</summary>
    public static string Relative(DateTimeOffset instant, DateTimeOffset now)
    {
        var delta = instant - now;
        var span = delta.Duration();
        var text = span switch
        {
            { TotalSeconds: < 45 } => null,
            { TotalMinutes: < 90 } => $"{Math.Max(1, (int)Math.Round(span.TotalMinutes))} min",
            { TotalHours: < 36 } => $"{(int)Math.Round(span.TotalHours)} h",
            _ => $"{(int)Math.Round(span.TotalDays)} d",
        };
        return text is null ? "just now" : delta > TimeSpan.Zero ? $"in {text}" : $"{text} ago";
    }

    /// <summary>"2.3 s", "1 min 5 s".</summary>
    public static string Duration(TimeSpan duration) => duration.TotalSeconds < 60
        ? duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
        : $"{(int)duration.TotalMinutes} min {duration.Seconds} s";
}

using System.Globalization;

namespace MonitorDashboard.Email.Templates;

/// <summary>Numbers, dates and durations as an email shows them: in one culture and one time zone.</summary>
public sealed class ValueFormatter(CultureInfo culture, TimeZoneInfo zone)
{
    public CultureInfo Culture => culture;

    public TimeZoneInfo Zone => zone;

    /// <summary>At most 3 decimals (the precision the significant result compares), with the culture's separators: 1,234.5 or 1.234,5.</summary>
    public string Quantity(decimal value) =>
        Math.Round(value, 3, MidpointRounding.AwayFromZero).ToString("#,0.###", culture);

    /// <summary>
    /// "Wed 26 Nov 2025 07:00 UTC+01:00 (Europe/Berlin)". The offset rather than "CET": .NET has no portable time
    /// zone abbreviations, and the offset is unambiguous and changes visibly across daylight saving time.
    /// </summary>
    public string DateTime(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var text = local.ToString("ddd d MMM yyyy HH:mm", culture);
        return IsUtc(zone) ? $"{text} UTC" : $"{text} {Offset(local.Offset)} ({zone.Id})";
    }

    /// <summary>"2 d 3 h", "3 h 20 min", "20 min", "45 s".</summary>
    public static string Duration(TimeSpan duration)
    {
        var d = duration.Duration();
        return d switch
        {
            { TotalDays: >= 1 } => $"{(int)d.TotalDays} d {d.Hours} h",
            { TotalHours: >= 1 } => $"{d.Hours} h {d.Minutes} min",
            { TotalMinutes: >= 1 } => $"{d.Minutes} min",
            _ => $"{d.Seconds} s",
        };
    }

    private static string Offset(TimeSpan offset) =>
        offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration():hh\\:mm}";

    private static bool IsUtc(TimeZoneInfo zone) =>
        zone.Id is "UTC" or "Etc/UTC" or "Etc/UCT" or "Universal" or "Etc/Universal" or "Zulu" or "Etc/Zulu";
}

using System.Diagnostics.CodeAnalysis;

namespace MonitorDashboard.Cron;

/// <summary>Looks up IANA time zone ids (tzdata/ICU); Windows ids are refused because presets.json is shared with the Python tool.</summary>
public static class IanaTimeZones
{
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var found))
        {
            return false;
        }
        // "UTC" is found on every platform but is not flagged as IANA on all of them.
        if (!found.HasIanaId && !string.Equals(id.Trim(), "UTC", StringComparison.Ordinal))
        {
            return false;
        }
        zone = found;
        return true;
    }
}

using System.Globalization;
using Microsoft.Extensions.Options;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.Cron;

namespace MonitorDashboard.Email.Templates;

/// <summary>The configured culture, the default time zone and the InvenTree links, shared by both renderers.</summary>
public sealed class EmailFormatting(
    IOptions<EmailTemplateOptions> templates,
    IOptions<MonitoringOptions> monitoring,
    IOptions<InvenTreeOptions> inventree)
{
    private readonly CultureInfo _culture = CultureInfo.GetCultureInfo(templates.Value.Culture);

    public PartLinks Links { get; } = new(inventree.Value.InstanceUrl);

    /// <summary>A formatter for a list's time zone; an unknown or missing id falls back to the default zone, then UTC.</summary>
    public ValueFormatter For(string? timeZone) => new(_culture, Zone(timeZone));

    private TimeZoneInfo Zone(string? id) =>
        IanaTimeZones.TryFind(id, out var zone) ? zone
        : IanaTimeZones.TryFind(monitoring.Value.TimeZone, out var fallback) ? fallback
        : TimeZoneInfo.Utc;
}

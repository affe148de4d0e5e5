using System.Globalization;
using Microsoft.Extensions.Options;
using MonitorDashboard.Cron;
using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Email.Templates;

/// <summary>The configured culture, the default time zone and the InvenTree links, shared by both renderers.</summary>
public sealed class EmailFormatting(
    IOptions<EmailTemplateOptions> templates,
    IOptions<ScheduleOptions> schedule,
    IOptions<InvenTreeOptions> inventree,
    InvenTreeServerVersion? serverVersion = null)
{
    private readonly CultureInfo _culture = CultureInfo.GetCultureInfo(templates.Value.Culture);

    /// <summary>Part links for the UI of the server as it last reported itself (a report's check has just asked it).</summary>
    public PartLinks Links => PartLinks.From(inventree.Value, serverVersion?.ApiVersion);

    /// <summary>A formatter for a list's time zone; an unknown or missing id falls back to the default zone, then UTC.</summary>
    public ValueFormatter For(string? timeZone) => new(_culture, Zone(timeZone));

    private TimeZoneInfo Zone(string? id) => schedule.Value.ZoneOf(id);
}

using MonitorDashboard.Calculation;

namespace MonitorDashboard.Email.Templates;

/// <summary>Everything a list's report is made from.</summary>
/// <param name="TimeZone">The list's IANA time zone; null means the configured default (<c>Monitoring:TimeZone</c>).</param>
/// <param name="Changed">The significant result differs from the last report's (its hash changed): "— changed" in the subject.</param>
/// <param name="RunId">The run the report belongs to, for links to its pages in the dashboard; null when it has none (previews).</param>
public sealed record ReportModel(
    string ListId,
    string ListName,
    string? TimeZone,
    IReadOnlyList<string> Recipients,
    DateTimeOffset CheckedAt,
    CalculationResult Result,
    ResultChanges Changes,
    bool Changed,
    Guid? RunId = null);

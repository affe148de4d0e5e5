namespace MonitorDashboard.Email.Templates;

// What the report templates see: plain strings, numbers, booleans and lists of these records, already
// formatted for the configured culture and the list's time zone. Templates read them in snake_case
// ({{ report.list_name }}, {{ part.to_order }}); see EmailTemplates/README.md.

public sealed record ReportView(
    string Subject,
    string ListId,
    string ListName,
    string TimeZone,
    string CheckedAt,
    SummaryView Summary,
    bool AllClear,
    bool Changed,
    ChangesView Changes,
    IReadOnlyList<OrderView> PartsToOrder,
    bool Replenishes,
    IReadOnlyList<SubstituteView> Substitutes,
    IReadOnlyList<BuildView> SubassembliesToBuild,
    IReadOnlyList<CriticalView> Critical,
    IReadOnlyList<NotFoundView> NotFound,
    IReadOnlyList<string> Warnings,
    string ProposalUrl);

/// <param name="Line">"3 to order, 1 to build, 2 critical, 1 not found".</param>
public sealed record SummaryView(int ToOrder, int ToBuild, int Critical, int NotFound, int Warnings, string Line);

/// <param name="Groups">Only the groups that have lines, in a fixed order (new shortages first).</param>
public sealed record ChangesView(bool HasChanges, bool IsFirstReport, IReadOnlyList<ChangeGroupView> Groups);

public sealed record ChangeGroupView(string Title, IReadOnlyList<ChangeLineView> Lines);

/// <param name="Detail">"order 12", "to order 5 → 8", "available 2, minimum 10".</param>
public sealed record ChangeLineView(string Name, string Url, string Detail);

/// <param name="Url">Link to the part in InvenTree; empty when no (http/https) instance URL is configured.</param>
/// <param name="DisplayName">Name with its revision: "Widget (rev B)".</param>
/// <param name="ForDemand">The part of <paramref name="ToOrder"/> the demand needs; the rest is <paramref name="Replenishment"/>.</param>
/// <param name="Replenishment">What is ordered on top to bring the part back to <paramref name="Minimum"/> stock ("0" unless the list replenishes).</param>
public sealed record OrderView(
    int Pk,
    string Name,
    string DisplayName,
    string Revision,
    string Ipn,
    string Url,
    string Needed,
    string InStock,
    string RequiredForBuilds,
    string RequiredForSales,
    string Available,
    string OnOrder,
    string ToOrder,
    string ForDemand,
    string Replenishment,
    string Minimum,
    string Flags,
    string BelongsTo,
    IReadOnlyList<SubstituteView> Substitutes);

/// <param name="PartName">The part to order this substitute can replace.</param>
public sealed record SubstituteView(string PartName, string PartUrl, int Pk, string Name, string Url, string Available);

public sealed record BuildView(
    int Pk,
    string Name,
    string DisplayName,
    string Revision,
    string Ipn,
    string Url,
    string Needed,
    string InStock,
    string Available,
    string InProduction,
    string ToBuild,
    string Flags,
    string BelongsTo);

public sealed record CriticalView(int Pk, string Name, string Ipn, string Url, string InStock, string Available, string Minimum);

/// <param name="Problem">"not found" or "ambiguous: 3 parts match".</param>
public sealed record NotFoundView(string Name, string Revision, string DisplayName, string Problem);

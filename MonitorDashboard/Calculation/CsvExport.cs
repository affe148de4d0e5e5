using System.Globalization;
using System.Text;

namespace MonitorDashboard.Calculation;

/// <summary>
/// The result tables as CSV for spreadsheets: RFC 4180 (comma separator, CRLF line ends, fields with a comma, quote
/// or line break quoted and inner quotes doubled), invariant culture, exact quantities (no display rounding).
/// </summary>
public static class CsvExport
{
    private static readonly string[] OrderHeader =
    [
        "Part ID", "Name", "Revision", "IPN", "Optional", "Consumable", "Needed", "In stock", "Required for builds",
        "Required for sales", "Available", "On order", "To order", "Belongs to", "Substitutes",
    ];

    private static readonly string[] BuildHeader =
    [
        "Part ID", "Name", "Revision", "IPN", "Optional", "Consumable", "Needed", "In stock", "Required for builds",
        "Required for sales", "Available", "In production", "To build", "Belongs to",
    ];

    private static readonly string[] ReplenishmentHeader = ["For demand", "Replenish", "Minimum stock"];

    /// <summary>The parts to order; when any line replenishes minimum stock, three columns more split each line.</summary>
    public static string PartsToOrder(IEnumerable<OrderRow> rows)
    {
        var list = rows.ToList();
        var split = list.Any(r => r.Replenishment > 0);
        return Table(split ? [.. OrderHeader, .. ReplenishmentHeader] : OrderHeader, list.Select(r => new[]
        {
            Number(r.Pk), Text(r.Name), Text(r.Revision), Text(r.Ipn), Flag(r.Optional), Flag(r.Consumable),
            Number(r.Needed), Number(r.TotalInStock), Number(r.RequiredForBuildOrders), Number(r.RequiredForSalesOrders),
            Number(r.Available), Number(r.OnOrder), Number(r.ToOrder), Text(string.Join("; ", r.BelongsTo)),
            Text(string.Join("; ", r.Substitutes.Select(s => $"{s.Name} (#{s.Pk}, available {Number(s.Available)})"))),
        }.Concat(split ? [Number(r.ForDemand), Number(r.Replenishment), Number(r.MinimumStock)] : [])));
    }

    public static string SubassembliesToBuild(IEnumerable<BuildRow> rows) =>
        Table(BuildHeader, rows.Select(r => new[]
        {
            Number(r.Pk), Text(r.Name), Text(r.Revision), Text(r.Ipn), Flag(r.Optional), Flag(r.Consumable),
            Number(r.Needed), Number(r.TotalInStock), Number(r.RequiredForBuildOrders), Number(r.RequiredForSalesOrders),
            Number(r.Available), Number(r.InProduction), Number(r.ToBuild), Text(string.Join("; ", r.BelongsTo)),
        }));

    /// <summary>One field as RFC 4180 wants it: quoted only when it must be.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>
    /// Text from InvenTree (names, IPNs) that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
    /// leading apostrophe: part names are typed by other people, and a CSV must not become a way to run formulas.
    /// </summary>
    public static string Text(string? value) =>
        string.IsNullOrEmpty(value) ? "" : "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;

    /// <summary>An exact quantity or price: invariant culture, no trailing zeros, no display rounding.</summary>
    public static string Number(decimal value) => Numbers.Normalise(value).ToString(CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Flag(bool value) => value ? "yes" : "no";

    /// <summary>A header and rows of already formatted fields as CSV: each field through <see cref="Field"/>, CRLF after every line.</summary>
    public static string Table(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        var csv = new StringBuilder();
        foreach (var line in rows.Prepend(header))
        {
            csv.AppendJoin(',', line.Select(Field)).Append("\r\n");
        }
        return csv.ToString();
    }
}

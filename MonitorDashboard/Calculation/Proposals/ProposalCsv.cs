using System.Text;

namespace MonitorDashboard.Calculation.Proposals;

/// <summary>
/// One supplier's lines of an order proposal (or the "no supplier" group) as CSV, with the page's columns. Formatting,
/// quoting and the formula-injection guard are <see cref="CsvExport"/>'s: numbers exact, InvenTree's texts guarded.
/// </summary>
public static class ProposalCsv
{
    private static readonly string[] SupplierHeader =
    [
        "Part ID", "Part", "Supplier", "Supplier part ID", "SKU", "Primary", "Needed", "Pack size", "Packs", "Quantity",
        "Unit price", "Line price", "Currency", "On order",
    ];

    private static readonly string[] NoSupplierHeader = ["Part ID", "Part", "Needed", "On order"];

    public static string Supplier(SupplierProposal supplier)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        return CsvExport.Table(SupplierHeader, supplier.Lines.Select(l => new[]
        {
            CsvExport.Number(l.PartPk), CsvExport.Text(l.PartName), CsvExport.Text(supplier.SupplierName), CsvExport.Number(l.SupplierPartPk),
            CsvExport.Text(l.Sku), CsvExport.Flag(l.Choice == SupplierPartChoice.Primary), CsvExport.Number(l.ToOrder),
            CsvExport.Number(l.PackSize), CsvExport.Number(l.Packs), CsvExport.Number(l.Quantity), Price(l.UnitPrice), Price(l.LinePrice),
            CsvExport.Text(l.Currency), CsvExport.Number(l.OnOrder),
        }));
    }

    public static string NoSupplier(IEnumerable<NoSupplierLine> lines) =>
        CsvExport.Table(NoSupplierHeader, lines.Select(l => new[]
        {
            CsvExport.Number(l.PartPk), CsvExport.Text(l.PartName), CsvExport.Number(l.ToOrder), CsvExport.Number(l.OnOrder),
        }));

    /// <summary>
    /// "order-proposal-northwind-modules-inc" for a prefix and a group name: letters and digits kept, the rest one dash, so a
    /// supplier's name (typed by someone in InvenTree) cannot make a path or an odd file name.
    /// </summary>
    public static string FileName(string prefix, string group)
    {
        var name = new StringBuilder(prefix.Length + group.Length + 1);
        foreach (var c in $"{prefix}-{group}".ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(c);
            }
            else if (name.Length > 0 && name[^1] != '-')
            {
                name.Append('-');
            }
        }
        return name.ToString().TrimEnd('-');
    }

    private static string Price(decimal? value) => value is { } price ? CsvExport.Number(price) : "";
}

using MonitorDashboard.Calculation;
using MonitorDashboard.Calculation.Proposals;
using MonitorDashboard.Text;

namespace MonitorDashboard.Cli;

/// <summary>An order proposal as readable tables in a terminal: one per supplier, then the parts without a supplier.</summary>
internal static class ProposalTables
{
    public static void Write(TextWriter output, OrderProposal proposal)
    {
        if (proposal.Suppliers.Count == 0 && proposal.NoSupplier.Count == 0)
        {
            output.WriteLine("Nothing to order.");
            return;
        }
        foreach (var supplier in proposal.Suppliers)
        {
            output.WriteLine();
            var unpriced = ProposalText.Unpriced(supplier.UnpricedLines);
            output.WriteLine($"{supplier.SupplierName} ({Lines(supplier.Lines.Count)}) — total {ProposalText.Totals(supplier.Totals)}"
                             + (unpriced.Length > 0 ? $"; {unpriced}" : ""));
            var table = new TextTable("Pk", "Part", "SKU", "Needed", "Pack size", "Packs", "Quantity", "Unit price", "Line price", "Currency", "On order")
                .AlignRight(0, 3, 4, 5, 6, 7, 8, 10);
            foreach (var l in supplier.Lines)
            {
                table.Add(Pk(l.PartPk), l.PartName, (l.Sku ?? $"#{l.SupplierPartPk}") + (l.Choice == SupplierPartChoice.Primary ? " (primary)" : ""),
                    Numbers.Format(l.ToOrder), Numbers.Format(l.PackSize), Numbers.Format(l.Packs), Numbers.Format(l.Quantity),
                    Price(l.UnitPrice), Price(l.LinePrice), l.Currency ?? "", Numbers.Format(l.OnOrder));
            }
            output.Write(table);
        }
        if (proposal.NoSupplier.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"No supplier ({Lines(proposal.NoSupplier.Count)}): no active supplier part in InvenTree, or only ones from excluded suppliers");
            var table = new TextTable("Pk", "Part", "Needed", "On order").AlignRight(0, 2, 3);
            foreach (var n in proposal.NoSupplier)
            {
                table.Add(Pk(n.PartPk), n.PartName, Numbers.Format(n.ToOrder), Numbers.Format(n.OnOrder));
            }
            output.Write(table);
        }
        output.WriteLine();
        output.WriteLine(ProposalText.ChooserRule);
    }

    private static string Lines(int count) => count == 1 ? "1 line" : $"{count} lines";

    private static string Pk(int pk) => pk.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Price(decimal? value) => value is { } price ? ProposalText.Price(price) : "—";
}

using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Calculation.Proposals;

/// <summary>
/// Turns parts to order and what InvenTree knows about buying them into an <see cref="OrderProposal"/>: no I/O. The
/// supplier part per <see cref="SupplierPartChooser"/>, quantities per <see cref="PackRounding"/>, prices per
/// <see cref="PriceBreakRule"/>; totals per supplier and currency. Suppliers are sorted by name, lines by part name.
/// Already on order is shown, not subtracted: the calculation's "to order" already subtracts it when the option "count
/// parts on order" is on (inventree.md: to_order = max(0, gross − available − ordering)), and leaves it to the purchaser
/// when it is off — subtracting here would count it twice or overrule that option.
/// </summary>
public static class OrderProposalBuilder
{
    public static OrderProposal Build(
        IEnumerable<OrderRow> partsToOrder,
        InvenTreePurchasing purchasing,
        IReadOnlyCollection<string> excludedSuppliers)
    {
        ArgumentNullException.ThrowIfNull(partsToOrder);
        ArgumentNullException.ThrowIfNull(purchasing);
        var chooser = new SupplierPartChooser(excludedSuppliers);
        var lines = new List<(InvenTreeSupplierPart SupplierPart, ProposalLine Line)>();
        var noSupplier = new List<NoSupplierLine>();

        foreach (var row in partsToOrder.Where(r => r.ToOrder > 0))
        {
            var onOrder = purchasing.OnOrder(row.Pk);
            if (chooser.Choose(purchasing.SupplierPartsOf(row.Pk), row.ToOrder, purchasing.PriceBreaksOf) is not { } chosen)
            {
                noSupplier.Add(new NoSupplierLine(row.Pk, row.Name, row.ToOrder, onOrder));
                continue;
            }
            lines.Add((chosen.SupplierPart, LineFor(row, chosen.SupplierPart, chosen.Choice, purchasing, onOrder)));
        }

        var suppliers = lines
            .GroupBy(l => l.SupplierPart.Supplier)
            .Select(g => GroupFor(g.Key, g.First().SupplierPart.SupplierName, [.. g.Select(l => l.Line)]))
            .OrderBy(s => s.SupplierName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.SupplierPk)
            .ToList();
        return new OrderProposal(suppliers, [.. noSupplier.OrderBy(l => l.PartName, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.PartPk)]);
    }

    private static ProposalLine LineFor(
        OrderRow row, InvenTreeSupplierPart supplierPart, SupplierPartChoice choice, InvenTreePurchasing purchasing, decimal onOrder)
    {
        var pack = PackRounding.PackSize(supplierPart.PackQuantityNative);
        var packs = PackRounding.Packs(row.ToOrder, supplierPart.PackQuantityNative);
        var priceBreak = PriceBreakRule.For(purchasing.PriceBreaksOf(supplierPart.Pk), packs);
        var unit = priceBreak?.Price;
        return new ProposalLine(row.Pk, row.Name, supplierPart.Pk, supplierPart.Sku, choice, row.ToOrder, pack, packs,
            packs * pack, unit, priceBreak?.PriceCurrency?.Trim().ToUpperInvariant(), unit * packs, onOrder);
    }

    private static SupplierProposal GroupFor(int supplierPk, string? supplierName, IReadOnlyList<ProposalLine> lines)
    {
        var sorted = lines.OrderBy(l => l.PartName, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.PartPk).ToList();
        var totals = sorted
            .Where(l => l is { LinePrice: not null, Currency: not null })
            .GroupBy(l => l.Currency!, StringComparer.Ordinal)
            .Select(g => new ProposalTotal(g.Key, g.Sum(l => l.LinePrice!.Value)))
            .OrderBy(t => t.Currency, StringComparer.Ordinal)
            .ToList();
        return new SupplierProposal(supplierPk, supplierName ?? $"Supplier #{supplierPk}", sorted, totals,
            sorted.Count(l => l.LinePrice is null));
    }
}

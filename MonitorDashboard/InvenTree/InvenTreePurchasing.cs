namespace MonitorDashboard.InvenTree;

/// <summary>
/// What InvenTree knows about buying a set of parts, read by <see cref="PurchasingReader"/>: their supplier parts
/// (with supplier name, <c>primary</c>, pack size), the price breaks of those supplier parts, and the outstanding
/// lines of open purchase orders for them. Choosing a supplier part and rounding to packs is the caller's business.
/// </summary>
public sealed record InvenTreePurchasing(
    IReadOnlyList<InvenTreeSupplierPart> SupplierParts,
    IReadOnlyList<InvenTreePriceBreak> PriceBreaks,
    IReadOnlyList<InvenTreeOpenOrderLine> OpenOrderLines)
{
    private readonly ILookup<int, InvenTreeSupplierPart> _byPart = SupplierParts.ToLookup(s => s.Part);
    private readonly ILookup<int, InvenTreePriceBreak> _breaks = PriceBreaks.OrderBy(b => b.Quantity).ToLookup(b => b.Part);
    private readonly ILookup<int, InvenTreeOpenOrderLine> _linesByPart = OpenOrderLines.ToLookup(l => l.SupplierPart.Part);

    /// <summary>The part's supplier parts (active or not), by pk.</summary>
    public IReadOnlyList<InvenTreeSupplierPart> SupplierPartsOf(int partPk) => [.. _byPart[partPk].OrderBy(s => s.Pk)];

    /// <summary>The supplier part's price breaks by ascending quantity (in supplier-part units); empty when it has none.</summary>
    public IReadOnlyList<InvenTreePriceBreak> PriceBreaksOf(int supplierPartPk) => [.. _breaks[supplierPartPk]];

    /// <summary>The part's outstanding lines on open purchase orders (any of its supplier parts).</summary>
    public IReadOnlyList<InvenTreeOpenOrderLine> OpenOrderLinesOf(int partPk) => [.. _linesByPart[partPk]];

    /// <summary>
    /// How much of the part is already on open orders, in the part's own units (packs × pack size): what
    /// InvenTree counts in the part's <c>ordering</c>, shown beside a proposal line so nobody orders twice.
    /// </summary>
    public decimal OnOrder(int partPk) => _linesByPart[partPk].Sum(l => l.OutstandingPartUnits);
}

/// <summary>An outstanding line of an open purchase order (Pending, Placed or On hold) for one of the parts asked about.</summary>
/// <param name="OutstandingPartUnits">(quantity − received) × the supplier part's pack size: in the part's own units.</param>
public sealed record InvenTreeOpenOrderLine(
    InvenTreePurchaseOrder Order,
    InvenTreePurchaseOrderLine Line,
    InvenTreeSupplierPart SupplierPart,
    decimal OutstandingPartUnits);

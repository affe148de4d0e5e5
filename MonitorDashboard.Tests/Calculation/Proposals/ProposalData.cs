using MonitorDashboard.Calculation;
using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Tests.Calculation.Proposals;

/// <summary>Hand-written purchasing data for the proposal tests: short constructors for rows, supplier parts and price breaks.</summary>
internal static class ProposalData
{
    public static OrderRow Row(int pk, string name, decimal toOrder) =>
        new(pk, name, null, null, false, false, toOrder, 0, 0, 0, 0, 0, toOrder, [], []);

    public static InvenTreeSupplierPart Sp(
        int pk, int part, int supplier, string supplierName,
        bool primary = false, decimal pack = 1, bool active = true, decimal? available = null) =>
        new()
        {
            Pk = pk, Part = part, Supplier = supplier, Sku = $"SKU-{pk}", Primary = primary, PackQuantityNative = pack,
            Active = active, Available = available, SupplierDetail = new InvenTreeCompany { Pk = supplier, Name = supplierName },
        };

    public static InvenTreePriceBreak Pb(int pk, int supplierPart, decimal quantity, decimal price, string currency = "EUR") =>
        new() { Pk = pk, Part = supplierPart, Quantity = quantity, Price = price, PriceCurrency = currency };

    public static InvenTreeOpenOrderLine OnOrderLine(InvenTreeSupplierPart supplierPart, decimal packs) =>
        new(new InvenTreePurchaseOrder { Pk = 1, Reference = "PO-1", Status = InvenTreePurchaseOrderStatus.Placed },
            new InvenTreePurchaseOrderLine { Pk = 1, Order = 1, Part = supplierPart.Pk, Quantity = packs },
            supplierPart, packs * supplierPart.PackQuantityNative);

    public static InvenTreePurchasing Purchasing(
        IReadOnlyList<InvenTreeSupplierPart> supplierParts,
        IReadOnlyList<InvenTreePriceBreak>? breaks = null,
        IReadOnlyList<InvenTreeOpenOrderLine>? onOrder = null) =>
        new(supplierParts, breaks ?? [], onOrder ?? []);
}

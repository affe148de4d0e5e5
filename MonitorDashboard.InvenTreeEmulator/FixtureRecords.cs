namespace MonitorDashboard.InvenTreeEmulator;

// The subset of InvenTree's Django models the emulator needs, named after the dumpdata fields.
// Foreign keys are plain pks; a dangling key is tolerated (it simply matches nothing).

internal sealed record FixturePart(
    int Pk, string Name, string? Ipn, string? Revision, string? Units,
    bool Active, bool Assembly, bool Purchaseable, bool Component, bool Virtual, bool IsTemplate,
    int? VariantOf, decimal MinimumStock, string? Description = null)
{
    /// <summary>InvenTree's default PART_NAME_FORMAT: "IPN | name | revision" without the empty parts.</summary>
    public string FullName =>
        string.Join(" | ", new[] { Ipn, Name, Revision }.Where(s => !string.IsNullOrEmpty(s)));
}

/// <param name="Attrition">Since API 371, like <paramref name="SetupQuantity"/> and <paramref name="RoundingMultiple"/>;
/// a fixture older than that (the demo dataset) has InvenTree's defaults: 0, 0 and null.</param>
internal sealed record FixtureBomItem(
    int Pk, int Part, int SubPart, decimal Quantity,
    bool Optional, bool Consumable, bool Inherited, bool AllowVariants, string Reference,
    decimal Attrition = 0, decimal SetupQuantity = 0, decimal? RoundingMultiple = null);

internal sealed record FixtureBomSubstitute(int Pk, int BomItem, int Part);

internal sealed record FixtureStockItem(
    int Pk, int Part, decimal Quantity, int Status,
    int? SalesOrder, int? BelongsTo, int? Customer, int? ConsumedBy, bool IsBuilding, int? Build);

internal sealed record FixtureBuild(int Pk, int Part, decimal Quantity, decimal Completed, int Status);

internal sealed record FixtureBuildLine(int Pk, int Build, int BomItem, decimal Quantity);

internal sealed record FixtureBuildItem(int Pk, int BuildLine, int StockItem, decimal Quantity);

/// <summary>A purchase or sales order: only its status matters here.</summary>
internal sealed record FixtureOrder(int Pk, int Status);

/// <summary>A purchase order line; <c>part</c> in the dumpdata is the supplier part.</summary>
internal sealed record FixturePurchaseLine(int Pk, int Order, int? SupplierPart, decimal Quantity, decimal Received);

internal sealed record FixtureSalesLine(int Pk, int Order, int? Part, decimal Quantity, decimal Shipped);

internal sealed record FixtureSalesAllocation(int Pk, int Line, int Item, int? Shipment, decimal Quantity);

/// <summary>A sales order shipment; it counts as shipped once it has a <c>shipment_date</c>.</summary>
internal sealed record FixtureShipment(int Pk, int Order, bool Shipped);

internal sealed record FixtureCompany(int Pk, string Name, bool IsSupplier);

internal sealed record FixtureSupplierPart(int Pk, int Part, int Supplier, string Sku, decimal PackQuantity);

/// <summary>One immutable state of the fixture; mutations produce a new one.</summary>
internal sealed record FixtureData
{
    public required IReadOnlyList<FixturePart> Parts { get; init; }
    public required IReadOnlyList<FixtureBomItem> BomItems { get; init; }
    public required IReadOnlyList<FixtureBomSubstitute> BomSubstitutes { get; init; }
    public required IReadOnlyDictionary<int, FixtureStockItem> StockItems { get; init; }
    public required IReadOnlyList<FixtureBuild> Builds { get; init; }
    public required IReadOnlyList<FixtureBuildLine> BuildLines { get; init; }
    public required IReadOnlyList<FixtureBuildItem> BuildItems { get; init; }
    public required IReadOnlyList<FixtureOrder> PurchaseOrders { get; init; }
    public required IReadOnlyList<FixturePurchaseLine> PurchaseLines { get; init; }
    public required IReadOnlyList<FixtureOrder> SalesOrders { get; init; }
    public required IReadOnlyList<FixtureSalesLine> SalesLines { get; init; }
    public required IReadOnlyList<FixtureSalesAllocation> SalesAllocations { get; init; }
    public required IReadOnlyList<FixtureShipment> Shipments { get; init; }
    public required IReadOnlyList<FixtureCompany> Companies { get; init; }
    public required IReadOnlyList<FixtureSupplierPart> SupplierParts { get; init; }
}

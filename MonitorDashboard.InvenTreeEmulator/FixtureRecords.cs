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

/// <param name="SupplierPart">The supplier part it was bought as; a supplier part's <c>in_stock</c> counts these.</param>
internal sealed record FixtureStockItem(
    int Pk, int Part, decimal Quantity, int Status,
    int? SalesOrder, int? BelongsTo, int? Customer, int? ConsumedBy, bool IsBuilding, int? Build, int? SupplierPart = null);

internal sealed record FixtureBuild(int Pk, int Part, decimal Quantity, decimal Completed, int Status);

internal sealed record FixtureBuildLine(int Pk, int Build, int BomItem, decimal Quantity);

internal sealed record FixtureBuildItem(int Pk, int BuildLine, int StockItem, decimal Quantity);

/// <summary>A sales order: only its status matters here.</summary>
internal sealed record FixtureOrder(int Pk, int Status);

/// <summary>A purchase order: its status decides whether its lines count in a part's <c>ordering</c>.</summary>
internal sealed record FixturePurchaseOrder(
    int Pk, int Status, string Reference, int? Supplier, string Description,
    string? CreationDate = null, string? IssueDate = null, string? TargetDate = null, string SupplierReference = "");

/// <summary>
/// A purchase order line; <c>part</c> in the dumpdata is the supplier part. Lines with the same supplier part,
/// destination and target date are one line to InvenTree (a second one is merged into the first).
/// </summary>
internal sealed record FixturePurchaseLine(
    int Pk, int Order, int? SupplierPart, decimal Quantity, decimal Received,
    string Reference = "", string? TargetDate = null, int? Destination = null);

internal sealed record FixtureSalesLine(int Pk, int Order, int? Part, decimal Quantity, decimal Shipped);

internal sealed record FixtureSalesAllocation(int Pk, int Line, int Item, int? Shipment, decimal Quantity);

/// <summary>A sales order shipment; it counts as shipped once it has a <c>shipment_date</c>.</summary>
internal sealed record FixtureShipment(int Pk, int Order, bool Shipped);

internal sealed record FixtureCompany(
    int Pk, string Name, bool IsSupplier, string Description = "", string? Currency = null, bool Active = true);

/// <param name="Primary">InvenTree's "primary supplier part" flag (newer than the demo dataset: false there).</param>
/// <param name="Available">What the supplier reports it has (the model's <c>available</c>).</param>
internal sealed record FixtureSupplierPart(
    int Pk, int Part, int Supplier, string Sku, decimal PackQuantity,
    bool Primary = false, decimal Available = 0, bool Active = true, string Description = "");

/// <summary>A supplier price break: from <paramref name="Quantity"/> units of the supplier part on, this unit price.</summary>
internal sealed record FixturePriceBreak(int Pk, int SupplierPart, decimal Quantity, decimal Price, string? Currency);

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
    public required IReadOnlyList<FixturePurchaseOrder> PurchaseOrders { get; init; }
    public required IReadOnlyList<FixturePurchaseLine> PurchaseLines { get; init; }
    public required IReadOnlyList<FixtureOrder> SalesOrders { get; init; }
    public required IReadOnlyList<FixtureSalesLine> SalesLines { get; init; }
    public required IReadOnlyList<FixtureSalesAllocation> SalesAllocations { get; init; }
    public required IReadOnlyList<FixtureShipment> Shipments { get; init; }
    public required IReadOnlyList<FixtureCompany> Companies { get; init; }
    public required IReadOnlyList<FixtureSupplierPart> SupplierParts { get; init; }
    public IReadOnlyList<FixturePriceBreak> PriceBreaks { get; init; } = [];

    /// <summary>The pk the next created purchase order gets: like a database sequence, a deleted pk is never reused.</summary>
    public int NextPurchaseOrderPk { get; init; } = 1;

    /// <summary>The pk the next created purchase order line gets (never reused either).</summary>
    public int NextPurchaseLinePk { get; init; } = 1;
}

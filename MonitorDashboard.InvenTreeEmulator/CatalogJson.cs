using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace MonitorDashboard.InvenTreeEmulator;

// The server's side of the HTTP contract for the catalog endpoints, written down here rather than borrowed from the
// client's models: a field renamed on one side must show up as a failing test, not change both sides at once.

/// <summary>A BOM line as <c>/api/bom/</c> serves it; null substitutes (not requested) are left out.</summary>
[JsonDerivedType(typeof(BomItemWithQuantityRulesJson))]
internal record BomItemJson
{
    [JsonPropertyName("pk")] public required int Pk { get; init; }
    [JsonPropertyName("part")] public required int Part { get; init; }
    [JsonPropertyName("sub_part")] public required int SubPart { get; init; }
    [JsonPropertyName("quantity")] public decimal Quantity { get; init; }
    [JsonPropertyName("optional")] public bool Optional { get; init; }
    [JsonPropertyName("consumable")] public bool Consumable { get; init; }
    [JsonPropertyName("inherited")] public bool Inherited { get; init; }
    [JsonPropertyName("allow_variants")] public bool AllowVariants { get; init; }
    [JsonPropertyName("reference")] public string? Reference { get; init; }
    [JsonPropertyName("substitutes")] public IReadOnlyList<BomSubstituteJson>? Substitutes { get; init; }
}

/// <summary>
/// A BOM line from API 371 on: it also carries the fields that InvenTree's required quantity uses, always present
/// (the recorded 1.4 server sends <c>"attrition": 0.0, "setup_quantity": 0.0, "rounding_multiple": null</c> when unset).
/// </summary>
internal sealed record BomItemWithQuantityRulesJson : BomItemJson
{
    [SetsRequiredMembers]
    public BomItemWithQuantityRulesJson(BomItemJson line) : base(line)
    {
    }

    [JsonPropertyName("attrition")] public decimal Attrition { get; init; }
    [JsonPropertyName("setup_quantity")] public decimal SetupQuantity { get; init; }
    [JsonPropertyName("rounding_multiple"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public decimal? RoundingMultiple { get; init; }
}

internal sealed record BomSubstituteJson
{
    [JsonPropertyName("pk")] public required int Pk { get; init; }
    [JsonPropertyName("bom_item")] public required int BomItem { get; init; }
    [JsonPropertyName("part")] public required int Part { get; init; }
}

/// <summary>A build order as <c>/api/build/</c> serves it.</summary>
internal sealed record BuildJson
{
    [JsonPropertyName("pk")] public required int Pk { get; init; }
    [JsonPropertyName("part")] public required int Part { get; init; }
    [JsonPropertyName("quantity")] public decimal Quantity { get; init; }
    [JsonPropertyName("completed")] public decimal Completed { get; init; }
    [JsonPropertyName("status")] public int Status { get; init; }
}

/// <summary>A stock item as <c>/api/stock/</c> serves it (the fields we read, plus status and build).</summary>
internal sealed record StockItemJson
{
    [JsonPropertyName("pk")] public required int Pk { get; init; }
    [JsonPropertyName("part")] public required int Part { get; init; }
    [JsonPropertyName("quantity")] public decimal Quantity { get; init; }
    [JsonPropertyName("is_building")] public bool IsBuilding { get; init; }
    [JsonPropertyName("status")] public int Status { get; init; }
    [JsonPropertyName("build")] public int? Build { get; init; }
}

/// <summary>A company as <c>/api/company/</c> serves it.</summary>
internal sealed record CompanyJson
{
    [JsonPropertyName("pk")] public required int Pk { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("is_supplier")] public bool IsSupplier { get; init; }
}

/// <summary>
/// A supplier part as <c>/api/company/part/</c> serves it (the recorded 1.4 fields we emulate: <c>in_stock</c> is the
/// stock bought as this supplier part, <c>available</c> what the supplier reports, <c>supplier_detail</c> the company).
/// </summary>
internal sealed record SupplierPartJson
{
    [JsonPropertyName("pk")] public required int Pk { get; init; }
    [JsonPropertyName("part")] public required int Part { get; init; }
    [JsonPropertyName("supplier")] public required int Supplier { get; init; }
    [JsonPropertyName("SKU")] public string? Sku { get; init; }
    [JsonPropertyName("description")] public string Description { get; init; } = "";
    [JsonPropertyName("active")] public bool Active { get; init; } = true;
    [JsonPropertyName("primary")] public bool Primary { get; init; }
    [JsonPropertyName("pack_quantity")] public string PackQuantity { get; init; } = "";
    [JsonPropertyName("pack_quantity_native")] public decimal PackQuantityNative { get; init; } = 1;
    [JsonPropertyName("in_stock")] public decimal InStock { get; init; }
    [JsonPropertyName("available")] public decimal Available { get; init; }
    [JsonPropertyName("on_order")] public decimal OnOrder { get; init; }
    [JsonPropertyName("supplier_detail")] public SupplierDetailJson? SupplierDetail { get; init; }
}

/// <summary>The company nested in a supplier part or a purchase order (<c>supplier_detail</c>).</summary>
internal sealed record SupplierDetailJson
{
    [JsonPropertyName("pk")] public required int Pk { get; init; }
    [JsonPropertyName("active")] public bool Active { get; init; } = true;
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("description")] public string Description { get; init; } = "";
    [JsonPropertyName("currency"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Currency { get; init; }
}

/// <summary>A supplier price break as <c>/api/company/price-break/</c> serves it.</summary>
internal sealed record PriceBreakJson
{
    [JsonPropertyName("pk")] public required int Pk { get; init; }
    [JsonPropertyName("part")] public required int Part { get; init; }
    [JsonPropertyName("supplier")] public required int Supplier { get; init; }
    [JsonPropertyName("quantity")] public decimal Quantity { get; init; }
    [JsonPropertyName("price")] public decimal Price { get; init; }
    [JsonPropertyName("price_currency"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? PriceCurrency { get; init; }
    [JsonPropertyName("updated"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Updated { get; init; }
}

using System.Text.Json.Serialization;

namespace MonitorDashboard.InvenTree;

/// <summary>A part as returned by <c>/api/part/</c> (list and detail share the fields we use).</summary>
public sealed record InvenTreePart
{
    [JsonPropertyName("pk")] public required int Pk { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("IPN")] public string? Ipn { get; init; }
    [JsonPropertyName("revision")] public string? Revision { get; init; }
    [JsonPropertyName("full_name")] public string? FullName { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("active")] public bool Active { get; init; } = true;
    [JsonPropertyName("assembly")] public bool Assembly { get; init; }
    [JsonPropertyName("purchaseable")] public bool Purchaseable { get; init; }
    [JsonPropertyName("component")] public bool Component { get; init; }
    [JsonPropertyName("virtual")] public bool Virtual { get; init; }
    [JsonPropertyName("is_template")] public bool IsTemplate { get; init; }
    [JsonPropertyName("variant_of")] public int? VariantOf { get; init; }
    [JsonPropertyName("units")] public string? Units { get; init; }
    [JsonPropertyName("minimum_stock")] public decimal MinimumStock { get; init; }
    [JsonPropertyName("in_stock")] public decimal InStock { get; init; }
    [JsonPropertyName("variant_stock")] public decimal VariantStock { get; init; }
    [JsonPropertyName("total_in_stock")] public decimal TotalInStock { get; init; }
    [JsonPropertyName("unallocated_stock")] public decimal UnallocatedStock { get; init; }
    [JsonPropertyName("ordering")] public decimal Ordering { get; init; }
    [JsonPropertyName("building")] public decimal Building { get; init; }
    /// <summary>Only served from API 348 on; the client derives it from build orders before that.</summary>
    [JsonPropertyName("scheduled_to_build")] public decimal? ScheduledToBuild { get; init; }
    [JsonPropertyName("allocated_to_build_orders")] public decimal AllocatedToBuildOrders { get; init; }
    [JsonPropertyName("allocated_to_sales_orders")] public decimal AllocatedToSalesOrders { get; init; }
    [JsonPropertyName("required_for_build_orders")] public decimal RequiredForBuildOrders { get; init; }
    [JsonPropertyName("required_for_sales_orders")] public decimal RequiredForSalesOrders { get; init; }
}

/// <summary>A BOM line as returned by <c>/api/bom/</c>.</summary>
public sealed record InvenTreeBomItem
{
    [JsonPropertyName("pk")] public required int Pk { get; init; }
    /// <summary>The assembly the line is defined on (a template ancestor's pk for inherited lines).</summary>
    [JsonPropertyName("part")] public required int Part { get; init; }
    [JsonPropertyName("sub_part")] public required int SubPart { get; init; }
    [JsonPropertyName("quantity")] public decimal Quantity { get; init; }
    [JsonPropertyName("optional")] public bool Optional { get; init; }
    [JsonPropertyName("consumable")] public bool Consumable { get; init; }
    [JsonPropertyName("inherited")] public bool Inherited { get; init; }
    [JsonPropertyName("allow_variants")] public bool AllowVariants { get; init; }
    [JsonPropertyName("reference")] public string? Reference { get; init; }
    [JsonPropertyName("substitutes")] public IReadOnlyList<InvenTreeBomSubstitute>? Substitutes { get; init; }
    // Since API 371; older servers do not send them and null means "not used". BomLineRequirement applies them.
    /// <summary>Percent of extra parts a build loses (5 = 5 %).</summary>
    [JsonPropertyName("attrition")] public decimal? Attrition { get; init; }
    /// <summary>Parts used up once per build, whatever its quantity.</summary>
    [JsonPropertyName("setup_quantity")] public decimal? SetupQuantity { get; init; }
    /// <summary>The required quantity is rounded up to a multiple of this (reels, panels); null when unset.</summary>
    [JsonPropertyName("rounding_multiple")] public decimal? RoundingMultiple { get; init; }
}

public sealed record InvenTreeBomSubstitute
{
    [JsonPropertyName("pk")] public required int Pk { get; init; }
    [JsonPropertyName("bom_item")] public required int BomItem { get; init; }
    [JsonPropertyName("part")] public required int Part { get; init; }
}

/// <summary>A stock item as returned by <c>/api/stock/</c> (only read for the legacy "in production" rule).</summary>
public sealed record InvenTreeStockItem
{
    [JsonPropertyName("pk")] public required int Pk { get; init; }
    [JsonPropertyName("part")] public required int Part { get; init; }
    [JsonPropertyName("quantity")] public decimal Quantity { get; init; }
    [JsonPropertyName("is_building")] public bool IsBuilding { get; init; }
}

/// <summary>A build order (read on servers older than API 348, and for the legacy "in production" rule).</summary>
public sealed record InvenTreeBuild
{
    [JsonPropertyName("pk")] public required int Pk { get; init; }
    [JsonPropertyName("part")] public required int Part { get; init; }
    [JsonPropertyName("quantity")] public decimal Quantity { get; init; }
    [JsonPropertyName("completed")] public decimal Completed { get; init; }
    [JsonPropertyName("status")] public int Status { get; init; }
}

public sealed record InvenTreeCompany
{
    [JsonPropertyName("pk")] public required int Pk { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("is_supplier")] public bool IsSupplier { get; init; }
}

/// <summary>A supplier part as returned by <c>/api/company/part/</c>: what one supplier sells of one of our parts.</summary>
public sealed record InvenTreeSupplierPart
{
    [JsonPropertyName("pk")] public required int Pk { get; init; }
    /// <summary>Our part (the internal part).</summary>
    [JsonPropertyName("part")] public required int Part { get; init; }
    [JsonPropertyName("supplier")] public required int Supplier { get; init; }
    [JsonPropertyName("SKU")] public string? Sku { get; init; }
    [JsonPropertyName("active")] public bool Active { get; init; } = true;
    /// <summary>InvenTree's "primary supplier part" of the part (recorded at API 511; older servers lack it: false).</summary>
    [JsonPropertyName("primary")] public bool Primary { get; init; }
    /// <summary>How many of the part's own units one ordered unit (one pack) of this supplier part is; 1 when unset.</summary>
    [JsonPropertyName("pack_quantity_native")] public decimal PackQuantityNative { get; init; } = 1;
    /// <summary>Our stock bought as this supplier part.</summary>
    [JsonPropertyName("in_stock")] public decimal? InStock { get; init; }
    /// <summary>What the supplier last reported it has available (0 when nobody recorded it).</summary>
    [JsonPropertyName("available")] public decimal? Available { get; init; }
    /// <summary>The supplier, as nested in the answer (asked for with <c>supplier_detail=true</c>).</summary>
    [JsonPropertyName("supplier_detail")] public InvenTreeCompany? SupplierDetail { get; init; }

    /// <summary>The supplier's name when the answer carried it.</summary>
    [JsonIgnore] public string? SupplierName => SupplierDetail?.Name;
}

/// <summary>What <c>GET /api/</c> tells about the server.</summary>
public sealed record InvenTreeServerInfo
{
    [JsonPropertyName("server")] public string Server { get; init; } = "";
    [JsonPropertyName("version")] public string Version { get; init; } = "";
    [JsonPropertyName("apiVersion")] public int ApiVersion { get; init; }
    [JsonPropertyName("instance")] public string? Instance { get; init; }
}

/// <summary>A paginated list response (<c>?limit=&amp;offset=</c>).</summary>
public sealed record InvenTreePage<T>
{
    [JsonPropertyName("count")] public int Count { get; init; }
    [JsonPropertyName("next")] public string? Next { get; init; }
    [JsonPropertyName("previous")] public string? Previous { get; init; }
    [JsonPropertyName("results")] public IReadOnlyList<T> Results { get; init; } = [];
}

using System.Text.Json.Serialization;

namespace MonitorDashboard.InvenTree;

/// <summary>A supplier price break (<c>/api/company/price-break/</c>): from <see cref="Quantity"/> units of the supplier part on, this unit price.</summary>
public sealed record InvenTreePriceBreak
{
    [JsonPropertyName("pk")] public required int Pk { get; init; }
    /// <summary>The supplier part (not our part).</summary>
    [JsonPropertyName("part")] public required int Part { get; init; }
    /// <summary>In the supplier part's units (packs), as ordered on a purchase order line.</summary>
    [JsonPropertyName("quantity")] public decimal Quantity { get; init; }
    /// <summary>Unit price per supplier-part unit; null when InvenTree has none.</summary>
    [JsonPropertyName("price")] public decimal? Price { get; init; }
    /// <summary>ISO currency code, e.g. "EUR"; null when InvenTree has none.</summary>
    [JsonPropertyName("price_currency")] public string? PriceCurrency { get; init; }
}

/// <summary>A purchase order (<c>/api/order/po/</c>).</summary>
public sealed record InvenTreePurchaseOrder
{
    [JsonPropertyName("pk")] public required int Pk { get; init; }
    /// <summary>The order's reference, e.g. "PO0013"; made by the server when an order is created.</summary>
    [JsonPropertyName("reference")] public required string Reference { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("supplier")] public int? Supplier { get; init; }
    [JsonPropertyName("supplier_name")] public string? SupplierName { get; init; }
    /// <summary>See <see cref="InvenTreePurchaseOrderStatus"/>.</summary>
    [JsonPropertyName("status")] public int Status { get; init; }
    [JsonPropertyName("status_text")] public string? StatusText { get; init; }
}

/// <summary>A purchase order line (<c>/api/order/po-line/</c>).</summary>
public sealed record InvenTreePurchaseOrderLine
{
    [JsonPropertyName("pk")] public required int Pk { get; init; }
    [JsonPropertyName("order")] public required int Order { get; init; }
    /// <summary>The SUPPLIER part ordered (InvenTree's <c>part</c> on a line), not our part.</summary>
    [JsonPropertyName("part")] public int? Part { get; init; }
    /// <summary>In supplier-part units (packs of <see cref="InvenTreeSupplierPart.PackQuantityNative"/>).</summary>
    [JsonPropertyName("quantity")] public decimal Quantity { get; init; }
    [JsonPropertyName("received")] public decimal Received { get; init; }
    [JsonPropertyName("reference")] public string? Reference { get; init; }
    /// <summary>Our part, as the server resolves the supplier part.</summary>
    [JsonPropertyName("internal_part")] public int? InternalPart { get; init; }
    [JsonPropertyName("sku")] public string? Sku { get; init; }
}

/// <summary>InvenTree's purchase order status codes (inventree.md §2).</summary>
public static class InvenTreePurchaseOrderStatus
{
    public const int Pending = 10;
    public const int Placed = 20;
    public const int OnHold = 25;

    /// <summary>Open orders (Pending, Placed, On hold): their outstanding lines count in a part's <c>ordering</c>.</summary>
    public static bool IsOpen(int status) => status is Pending or Placed or OnHold;
}

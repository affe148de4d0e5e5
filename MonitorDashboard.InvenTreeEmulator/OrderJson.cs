using System.Text.Json.Serialization;

namespace MonitorDashboard.InvenTreeEmulator;

// The server's side of the purchase-order endpoints, written down here (not borrowed from the client's models), with
// the fields of the recorded InvenTree 1.4 answers that the emulator can fill. Nulls are written, as the server does.

/// <summary>A purchase order as <c>/api/order/po/</c> serves it (list, detail and the answer to a POST).</summary>
internal sealed record PurchaseOrderJson
{
    [JsonPropertyName("pk")] public required int Pk { get; init; }
    [JsonPropertyName("reference")] public required string Reference { get; init; }
    [JsonPropertyName("description")] public string Description { get; init; } = "";
    [JsonPropertyName("supplier"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public int? Supplier { get; init; }
    [JsonPropertyName("supplier_name"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? SupplierName { get; init; }
    [JsonPropertyName("supplier_reference")] public string SupplierReference { get; init; } = "";
    [JsonPropertyName("status")] public int Status { get; init; }
    [JsonPropertyName("status_text")] public string StatusText { get; init; } = "";
    [JsonPropertyName("creation_date"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? CreationDate { get; init; }
    [JsonPropertyName("issue_date"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? IssueDate { get; init; }
    [JsonPropertyName("target_date"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? TargetDate { get; init; }
    [JsonPropertyName("complete_date"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? CompleteDate { get; init; }
    /// <summary>Null in the answer to the POST that created the order (recorded), counted everywhere else.</summary>
    [JsonPropertyName("line_items"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public int? LineItems { get; init; }
    [JsonPropertyName("completed_lines"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public int? CompletedLines { get; init; }
    [JsonPropertyName("link")] public string Link { get; init; } = "";
    [JsonPropertyName("project_code"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public int? ProjectCode { get; init; }
    [JsonPropertyName("responsible"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public int? Responsible { get; init; }
    [JsonPropertyName("order_currency"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? OrderCurrency { get; init; }
    [JsonPropertyName("destination"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public int? Destination { get; init; }
    [JsonPropertyName("supplier_detail")] public SupplierDetailJson? SupplierDetail { get; init; }
}

/// <summary>A purchase order line as <c>/api/order/po-line/</c> serves it; <c>part</c> is the supplier part.</summary>
internal sealed record PurchaseOrderLineJson
{
    [JsonPropertyName("pk")] public required int Pk { get; init; }
    [JsonPropertyName("order")] public required int Order { get; init; }
    [JsonPropertyName("part"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public int? Part { get; init; }
    [JsonPropertyName("quantity")] public decimal Quantity { get; init; }
    [JsonPropertyName("received")] public decimal Received { get; init; }
    [JsonPropertyName("reference")] public string Reference { get; init; } = "";
    [JsonPropertyName("line")] public string Line { get; init; } = "";
    [JsonPropertyName("link")] public string Link { get; init; } = "";
    [JsonPropertyName("notes")] public string Notes { get; init; } = "";
    [JsonPropertyName("target_date"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? TargetDate { get; init; }
    [JsonPropertyName("destination"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public int? Destination { get; init; }
    [JsonPropertyName("purchase_price"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public decimal? PurchasePrice { get; init; }
    [JsonPropertyName("sku"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Sku { get; init; }
    [JsonPropertyName("internal_part"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public int? InternalPart { get; init; }
    [JsonPropertyName("internal_part_name"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? InternalPartName { get; init; }
}

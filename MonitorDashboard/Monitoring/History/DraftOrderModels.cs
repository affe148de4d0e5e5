namespace MonitorDashboard.Monitoring.History;

/// <summary>A Pending purchase order InvenTree created for one supplier of a run's order proposal.</summary>
/// <param name="OrderPk">InvenTree's pk of the order.</param>
/// <param name="OrderReference">The reference InvenTree gave it, e.g. "PO0013".</param>
public sealed record DraftOrderRecord(
    Guid RunId,
    int SupplierPk,
    string SupplierName,
    int OrderPk,
    string OrderReference,
    DateTimeOffset CreatedAt);

/// <summary>Whether InvenTree took a drafted line.</summary>
public enum DraftLineStatus
{
    /// <summary>The line is on the order (<see cref="DraftLineRecord.LinePk"/> set).</summary>
    Created,

    /// <summary>InvenTree refused it (<see cref="DraftLineRecord.Reason"/> says why); a retry may create it.</summary>
    Refused,
}

/// <summary>One line of a drafted order, by the supplier part it orders.</summary>
/// <param name="Quantity">In supplier-part units (packs), as on the purchase order line.</param>
/// <param name="LinePk">InvenTree's pk of the line; null when it was refused.</param>
/// <param name="Reason">InvenTree's reason for a refusal; null for a created line.</param>
public sealed record DraftLineRecord(
    Guid RunId,
    int SupplierPk,
    int SupplierPartPk,
    int PartPk,
    string PartName,
    string? Sku,
    decimal Quantity,
    int? LinePk,
    DraftLineStatus Status,
    string? Reason,
    DateTimeOffset RecordedAt);

/// <summary>Everything recorded about a run's drafted orders.</summary>
public sealed record RunDraftOrders(IReadOnlyList<DraftOrderRecord> Orders, IReadOnlyList<DraftLineRecord> Lines)
{
    public static RunDraftOrders None { get; } = new([], []);

    public DraftOrderRecord? OrderFor(int supplierPk) => Orders.FirstOrDefault(o => o.SupplierPk == supplierPk);

    public IReadOnlyList<DraftLineRecord> LinesOf(int supplierPk) => [.. Lines.Where(l => l.SupplierPk == supplierPk)];

    /// <summary>The created line for this supplier part on the run's order for that supplier; null when there is none.</summary>
    public DraftLineRecord? CreatedLine(int supplierPk, int supplierPartPk) =>
        Lines.FirstOrDefault(l => l.SupplierPk == supplierPk && l.SupplierPartPk == supplierPartPk && l.Status == DraftLineStatus.Created);
}

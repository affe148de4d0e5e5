using MonitorDashboard.InvenTree;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Monitoring.Proposals;

/// <summary>
/// Before anything is sent, finds in InvenTree what this run created but the history does not know — an order or a
/// line InvenTree applied just before a crash, or whose answer was lost — and records it, so a retry neither creates
/// an order twice nor (InvenTree merges a second line for the same supplier part) doubles a quantity.
/// </summary>
public sealed partial class DraftRecovery(
    IDraftOrderStore store, IInvenTreeClient client, TimeProvider time, ILogger<DraftRecovery> logger)
{
    /// <summary>Records the orders of the run found among InvenTree's open orders (by the run id in their description).</summary>
    /// <exception cref="InvenTreeException">InvenTree could not be asked.</exception>
    public async Task AdoptOrdersAsync(DraftRun run, IReadOnlyCollection<SupplierDraftPlan> withoutOrder, CancellationToken ct)
    {
        if (withoutOrder.Count == 0)
        {
            return;
        }
        var marker = DraftOrderText.Marker(run);
        var open = await client.GetOpenPurchaseOrdersAsync(ct);
        foreach (var supplier in withoutOrder)
        {
            var found = open
                .Where(o => o.Supplier == supplier.SupplierPk && o.Status == InvenTreePurchaseOrderStatus.Pending
                            && o.Description?.Contains(marker, StringComparison.Ordinal) == true)
                .OrderBy(o => o.Pk)
                .FirstOrDefault();
            if (found is not null)
            {
                await store.AddOrderAsync(new DraftOrderRecord(run.RunId, supplier.SupplierPk, supplier.SupplierName, found.Pk, found.Reference,
                    time.GetUtcNow()), ct);
                LogAdoptedOrder(found.Reference, run.RunId, supplier.SupplierName);
            }
        }
    }

    /// <summary>
    /// Records the lines the order already has in InvenTree for supplier parts still to create. Null when done;
    /// otherwise why the order's lines could not be read (nothing may then be added to it).
    /// </summary>
    public async Task<string?> AdoptLinesAsync(DraftRun run, SupplierDraftPlan supplier, CancellationToken ct)
    {
        if (supplier.Order is not { } order || supplier.ToCreate.Count == 0)
        {
            return null;
        }
        IReadOnlyList<InvenTreePurchaseOrderLine> lines;
        try
        {
            lines = await client.GetPurchaseOrderLinesAsync([order.OrderPk], ct);
        }
        catch (InvenTreeException ex)
        {
            return $"The lines of order {order.OrderReference} could not be read back from InvenTree ({ex.Message}); " +
                   "nothing was added to it, so no quantity is doubled. Check that the order still exists, then try again.";
        }
        foreach (var wanted in supplier.ToCreate)
        {
            if (lines.FirstOrDefault(l => l.Part == wanted.SupplierPartPk) is { } there)
            {
                await store.RecordLineAsync(new DraftLineRecord(run.RunId, supplier.SupplierPk, wanted.SupplierPartPk, wanted.PartPk, wanted.PartName,
                    wanted.Sku, there.Quantity, there.Pk, DraftLineStatus.Created, null, time.GetUtcNow()), ct);
                LogAdoptedLine(there.Pk, order.OrderReference, wanted.SupplierPartPk);
            }
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draft order {Reference} of run {RunId} for {Supplier} was in InvenTree but not in the history; recorded now instead of creating another")]
    private partial void LogAdoptedOrder(string reference, Guid runId, string supplier);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Line {LinePk} of draft order {Reference} (supplier part {SupplierPartPk}) was in InvenTree but not in the history; recorded now instead of adding it again")]
    private partial void LogAdoptedLine(int linePk, string reference, int supplierPartPk);
}

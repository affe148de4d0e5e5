namespace MonitorDashboard.InvenTree;

/// <summary>
/// Reads <see cref="InvenTreePurchasing"/> for a set of parts in few requests, whatever their number: supplier parts
/// (the whole list or one request per part, whichever is fewer), then at the same time their price breaks and the
/// open purchase orders (one list) with those orders' lines. On the sample catalog that is 4 requests; see the README
/// ("InvenTree requests the app makes").
/// </summary>
public sealed class PurchasingReader(IInvenTreeClient client)
{
    public async Task<InvenTreePurchasing> ReadAsync(IReadOnlyCollection<int> partPks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partPks);
        if (partPks.Count == 0)
        {
            return new InvenTreePurchasing([], [], []);
        }
        var supplierParts = await client.GetSupplierPartsOfPartsAsync(partPks, cancellationToken);
        if (supplierParts.Count == 0)
        {
            return new InvenTreePurchasing([], [], []);
        }
        var breaks = client.GetPriceBreaksAsync([.. supplierParts.Select(s => s.Pk)], cancellationToken);
        var lines = ReadOpenLinesAsync(supplierParts, cancellationToken);
        await Task.WhenAll(breaks, lines);
        return new InvenTreePurchasing(supplierParts, await breaks, await lines);
    }

    private async Task<IReadOnlyList<InvenTreeOpenOrderLine>> ReadOpenLinesAsync(
        IReadOnlyList<InvenTreeSupplierPart> supplierParts, CancellationToken cancellationToken)
    {
        var orders = (await client.GetOpenPurchaseOrdersAsync(cancellationToken)).ToDictionary(o => o.Pk);
        if (orders.Count == 0)
        {
            return [];
        }
        var ours = supplierParts.ToDictionary(s => s.Pk);
        var lines = await client.GetPurchaseOrderLinesAsync([.. orders.Keys], cancellationToken);
        return
        [
            .. lines
                .Where(l => l.Quantity > l.Received && orders.ContainsKey(l.Order) && l.Part is { } sp && ours.ContainsKey(sp))
                .Select(l => new InvenTreeOpenOrderLine(orders[l.Order], l, ours[l.Part!.Value],
                    (l.Quantity - l.Received) * ours[l.Part!.Value].PackQuantityNative)),
        ];
    }
}

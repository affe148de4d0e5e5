namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>
/// Computes every part's figures in one pass over the fixture (linear in its size), with the exact rules of
/// inventree.md §2, so that a list of hundreds of parts costs nothing per request.
/// </summary>
internal static class FigureCalculator
{
    public static IReadOnlyDictionary<int, PartFigures> Compute(FixtureData data, VariantTree tree)
    {
        var acc = new Dictionary<int, Accumulator>();
        Accumulator For(int part) => acc.TryGetValue(part, out var a) ? a : acc[part] = new Accumulator();

        var activeBuilds = data.Builds.Where(b => InvenTreeStatus.IsBuildActive(b.Status)).ToDictionary(b => b.Pk);
        foreach (var item in data.StockItems.Values)
        {
            if (InvenTreeStatus.IsInStock(item))
            {
                For(item.Part).InStock += item.Quantity;
            }
            if (item.IsBuilding && item.Build is { } build && activeBuilds.ContainsKey(build))
            {
                For(item.Part).BuildingStock += item.Quantity;
            }
        }
        foreach (var build in activeBuilds.Values)
        {
            For(build.Part).BuildingOrdered += build.Quantity;
            For(build.Part).Scheduled += Math.Max(0, build.Quantity - build.Completed);
        }

        AddBuildOrderFigures(data, activeBuilds, For);
        AddSalesOrderFigures(data, For);
        AddPurchaseOrderFigures(data, For);

        var result = new Dictionary<int, PartFigures>(data.Parts.Count);
        foreach (var part in data.Parts)
        {
            var own = acc.GetValueOrDefault(part.Pk) ?? new Accumulator();
            var variantStock = tree.Descendants(part.Pk).Sum(d => acc.GetValueOrDefault(d)?.InStock ?? 0);
            result[part.Pk] = new PartFigures
            {
                InStock = own.InStock,
                VariantStock = variantStock,
                AllocatedToBuildOrders = own.AllocatedToBuilds,
                AllocatedToSalesOrders = own.AllocatedToSales,
                Ordering = Math.Max(0, own.Ordering),
                RequiredForBuildOrders = decimal.Truncate(own.RequiredForBuilds),
                RequiredForSalesOrders = decimal.Truncate(own.RequiredForSales),
                BuildingStock = own.BuildingStock,
                BuildingOrdered = own.BuildingOrdered,
                ScheduledToBuild = own.Scheduled,
            };
        }
        return result;
    }

    private static void AddBuildOrderFigures(FixtureData data, Dictionary<int, FixtureBuild> activeBuilds, Func<int, Accumulator> forPart)
    {
        var bomItems = data.BomItems.ToDictionary(b => b.Pk);
        var activeLines = data.BuildLines.Where(l => activeBuilds.ContainsKey(l.Build)).ToDictionary(l => l.Pk);
        foreach (var line in activeLines.Values)
        {
            // Required is gross: allocations are not subtracted, and only the exact sub_part counts (no variants).
            if (bomItems.TryGetValue(line.BomItem, out var bomItem))
            {
                forPart(bomItem.SubPart).RequiredForBuilds += line.Quantity;
            }
        }
        foreach (var buildItem in data.BuildItems)
        {
            if (activeLines.ContainsKey(buildItem.BuildLine) && data.StockItems.TryGetValue(buildItem.StockItem, out var stock))
            {
                forPart(stock.Part).AllocatedToBuilds += buildItem.Quantity;
            }
        }
    }

    private static void AddSalesOrderFigures(FixtureData data, Func<int, Accumulator> forPart)
    {
        var openOrders = data.SalesOrders.Where(o => InvenTreeStatus.IsSalesOrderOpen(o.Status)).Select(o => o.Pk).ToHashSet();
        var openLines = data.SalesLines.Where(l => openOrders.Contains(l.Order)).ToDictionary(l => l.Pk);
        foreach (var line in openLines.Values)
        {
            if (line.Part is { } part)
            {
                forPart(part).RequiredForSales += line.Quantity - line.Shipped;
            }
        }
        var shipped = data.Shipments.Where(s => s.Shipped).Select(s => s.Pk).ToHashSet();
        foreach (var allocation in data.SalesAllocations)
        {
            var pending = allocation.Shipment is not { } shipment || !shipped.Contains(shipment);
            if (pending && openLines.ContainsKey(allocation.Line) && data.StockItems.TryGetValue(allocation.Item, out var stock))
            {
                forPart(stock.Part).AllocatedToSales += allocation.Quantity;
            }
        }
    }

    private static void AddPurchaseOrderFigures(FixtureData data, Func<int, Accumulator> forPart)
    {
        var openOrders = data.PurchaseOrders.Where(o => InvenTreeStatus.IsPurchaseOrderOpen(o.Status)).Select(o => o.Pk).ToHashSet();
        var supplierParts = data.SupplierParts.ToDictionary(s => s.Pk);
        foreach (var line in data.PurchaseLines)
        {
            if (openOrders.Contains(line.Order) && line.Quantity > line.Received
                && line.SupplierPart is { } sp && supplierParts.TryGetValue(sp, out var supplierPart))
            {
                forPart(supplierPart.Part).Ordering += (line.Quantity - line.Received) * supplierPart.PackQuantity;
            }
        }
    }

    private sealed class Accumulator
    {
        public decimal InStock;
        public decimal AllocatedToBuilds;
        public decimal AllocatedToSales;
        public decimal Ordering;
        public decimal RequiredForBuilds;
        public decimal RequiredForSales;
        public decimal BuildingStock;
        public decimal BuildingOrdered;
        public decimal Scheduled;
    }
}

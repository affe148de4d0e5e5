namespace MonitorDashboard.Calculation;

/// <summary>
/// Compares two results the way <c>on_change</c> does (product.md §5): only the significant result counts —
/// quantities to order and to build above zero, critical parts with their available stock and minimum, and the
/// parts not found — and quantities are compared rounded to 3 decimals, so noise below that never shows up as a change.
/// </summary>
public static class ResultDiff
{
    public static ResultChanges Compare(CalculationResult? previous, CalculationResult current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (previous is null)
        {
            return ResultChanges.FirstReport;
        }

        var ordersBefore = Quantities(previous.PartsToOrder.Select(o => (o.Pk, o.Name, o.ToOrder)));
        var ordersNow = Quantities(current.PartsToOrder.Select(o => (o.Pk, o.Name, o.ToOrder)));
        var buildsBefore = Quantities(previous.SubassembliesToBuild.Select(b => (b.Pk, b.Name, b.ToBuild)));
        var buildsNow = Quantities(current.SubassembliesToBuild.Select(b => (b.Pk, b.Name, b.ToBuild)));
        var criticalBefore = previous.Critical.GroupBy(c => c.Pk).ToDictionary(g => g.Key, g => g.First());
        var criticalNow = current.Critical.GroupBy(c => c.Pk).ToDictionary(g => g.Key, g => g.First());
        var notFoundBefore = previous.NotFound.DistinctBy(NotFoundKey).ToList();
        var notFoundNow = current.NotFound.DistinctBy(NotFoundKey).ToList();

        return new ResultChanges
        {
            NewShortages = Added(ordersBefore, ordersNow),
            ResolvedShortages = Added(ordersNow, ordersBefore),
            IncreasedOrders = Moved(ordersBefore, ordersNow, up: true),
            DecreasedOrders = Moved(ordersBefore, ordersNow, up: false),
            NewBuilds = Added(buildsBefore, buildsNow),
            ResolvedBuilds = Added(buildsNow, buildsBefore),
            IncreasedBuilds = Moved(buildsBefore, buildsNow, up: true),
            DecreasedBuilds = Moved(buildsBefore, buildsNow, up: false),
            CriticalAdded = Sorted(criticalNow.Values.Where(c => !criticalBefore.ContainsKey(c.Pk))),
            CriticalRemoved = Sorted(criticalBefore.Values.Where(c => !criticalNow.ContainsKey(c.Pk))),
            CriticalUpdated = criticalNow.Values
                .Where(c => criticalBefore.TryGetValue(c.Pk, out var b)
                            && (Round(b.Available) != Round(c.Available) || Round(b.MinimumStock) != Round(c.MinimumStock)))
                .Select(c => (Now: c, Before: criticalBefore[c.Pk]))
                .Select(p => new CriticalChange(p.Now.Pk, p.Now.Name, p.Before.Available, p.Now.Available, p.Before.MinimumStock, p.Now.MinimumStock))
                .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Pk)
                .ToList(),
            NotFoundAdded = notFoundNow.Where(n => !notFoundBefore.Any(b => NotFoundKey(b) == NotFoundKey(n))).ToList(),
            NotFoundRemoved = notFoundBefore.Where(b => !notFoundNow.Any(n => NotFoundKey(n) == NotFoundKey(b))).ToList(),
        };
    }

    private static decimal Round(decimal value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);

    /// <summary>pk → (name, rounded quantity), rows that round to zero left out (a running build with nothing left to build).</summary>
    private static Dictionary<int, (string Name, decimal Quantity)> Quantities(IEnumerable<(int Pk, string Name, decimal Quantity)> rows)
    {
        var map = new Dictionary<int, (string, decimal)>();
        foreach (var (pk, name, quantity) in rows)
        {
            var rounded = Round(quantity);
            if (rounded > 0)
            {
                map[pk] = (name, rounded);
            }
        }
        return map;
    }

    private static List<PartQuantity> Added(
        Dictionary<int, (string Name, decimal Quantity)> before, Dictionary<int, (string Name, decimal Quantity)> after) =>
        after.Where(a => !before.ContainsKey(a.Key))
            .Select(a => new PartQuantity(a.Key, a.Value.Name, a.Value.Quantity))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Pk)
            .ToList();

    private static List<QuantityChange> Moved(
        Dictionary<int, (string Name, decimal Quantity)> before, Dictionary<int, (string Name, decimal Quantity)> after, bool up) =>
        after.Where(a => before.TryGetValue(a.Key, out var b) && (up ? a.Value.Quantity > b.Quantity : a.Value.Quantity < b.Quantity))
            .Select(a => new QuantityChange(a.Key, a.Value.Name, before[a.Key].Quantity, a.Value.Quantity))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Pk)
            .ToList();

    private static List<CriticalPart> Sorted(IEnumerable<CriticalPart> parts) =>
        parts.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Pk).ToList();

    private static (string Name, string Revision) NotFoundKey(NotFoundPart part) => (part.Name, part.Revision ?? "");
}

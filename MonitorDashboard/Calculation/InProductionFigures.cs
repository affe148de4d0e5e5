using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Calculation;

/// <summary>The "in production" figure of every part under one <see cref="InProductionRule"/>.</summary>
internal static class InProductionFigures
{
    /// <summary>Build statuses the legacy rule counts: Pending (10) and Production (20); not On Hold, Cancelled, Complete.</summary>
    private static readonly HashSet<int> LegacyBuildStatuses = [10, 20];

    public static IReadOnlyDictionary<int, decimal> Compute(InProductionRule rule, BomData data) => rule switch
    {
        InProductionRule.Building => data.Parts.ToDictionary(p => p.Key, p => p.Value.Building),
        InProductionRule.Legacy => Legacy(data.Parts, data.BuildingStock, data.ActiveBuilds),
        _ => data.Parts.ToDictionary(p => p.Key, p => p.Value.ScheduledToBuild ?? 0m),
    };

    /// <summary>
    /// Stock of a variant counts for each of its ancestors, as InvenTree's stock <c>part</c> filter includes variants.
    /// The variant tree is the one of the parts the check fetched: a stock item whose part was not fetched (a variant
    /// in no BOM of the check and not asked for) counts for no part, since its <c>variant_of</c> is unknown.
    /// </summary>
    private static Dictionary<int, decimal> Legacy(
        IReadOnlyDictionary<int, InvenTreePart> parts,
        IReadOnlyList<InvenTreeStockItem> buildingStock,
        IReadOnlyList<InvenTreeBuild> builds)
    {
        var figures = parts.Keys.ToDictionary(pk => pk, _ => 0m);
        foreach (var item in buildingStock.Where(i => i.IsBuilding))
        {
            var visited = new HashSet<int>();
            for (int? pk = item.Part; pk is { } current && parts.TryGetValue(current, out var part) && visited.Add(current); pk = part.VariantOf)
            {
                figures[current] += item.Quantity;
            }
        }
        foreach (var build in builds.Where(b => LegacyBuildStatuses.Contains(b.Status) && figures.ContainsKey(b.Part)))
        {
            figures[build.Part] += Math.Max(0m, build.Quantity - build.Completed);
        }
        return figures;
    }
}

using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Calculation;

/// <summary>
/// Turns the netted figures into the result tables: which rows exist, the display filters (hide
/// consumables, hide optional parts, exclude suppliers — they drop rows, never change numbers) and the sort order.
/// </summary>
internal sealed class ResultBuilder(
    BomGraph graph,
    IReadOnlyDictionary<int, InvenTreePart> parts,
    IReadOnlyDictionary<int, PartNeed> needs,
    IReadOnlyDictionary<int, PartFlags> flags,
    WarningLog warnings)
{
    public IReadOnlyList<OrderRow> PartsToOrder(CalculationOptions options, IReadOnlySet<int> excludedBySupplier) =>
        SortedParts(pk => needs[pk].ToOrder > 0)
            .Where(part => !(options.HideConsumables && flags[part.Pk].Consumable))
            .Where(part => !(options.HideOptional && flags[part.Pk].Optional))
            .Where(part => !excludedBySupplier.Contains(part.Pk))
            .Select(ToOrderRow)
            .ToArray();

    public IReadOnlyList<BuildRow> SubassembliesToBuild(CalculationOptions options) =>
        SortedParts(pk => needs[pk].ToBuild > 0 || (parts[pk].Assembly && needs[pk].InProduction > 0))
            .Where(part => !(options.HideConsumables && flags[part.Pk].Consumable))
            .Where(part => !(options.HideOptional && flags[part.Pk].Optional))
            .Select(ToBuildRow)
            .ToArray();

    /// <summary>InvenTree's "low stock" rule over every part in the tree, whatever its demand.</summary>
    public IReadOnlyList<CriticalPart> Critical() =>
        SortedParts(pk => parts[pk].MinimumStock > 0 && parts[pk].TotalInStock < parts[pk].MinimumStock)
            .Select(part => new CriticalPart(
                part.Pk, part.Name, part.Ipn, part.TotalInStock, needs[part.Pk].Available, part.MinimumStock))
            .ToArray();

    private IEnumerable<InvenTreePart> SortedParts(Func<int, bool> predicate) =>
        graph.Order
            .Where(predicate)
            .Select(pk => parts[pk])
            .OrderBy(part => part.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(part => part.Pk);

    private OrderRow ToOrderRow(InvenTreePart part)
    {
        var need = needs[part.Pk];
        var flag = flags[part.Pk];
        return new OrderRow(
            part.Pk, part.Name, part.Ipn, part.Revision, flag.Optional, flag.Consumable,
            Needed: need.Gross,
            part.TotalInStock, part.RequiredForBuildOrders, part.RequiredForSalesOrders, need.Available,
            OnOrder: part.Ordering,
            ToOrder: need.ToOrder,
            flag.BelongsTo,
            Substitutes(part),
            need.Replenishment,
            part.MinimumStock);
    }

    private BuildRow ToBuildRow(InvenTreePart part)
    {
        var need = needs[part.Pk];
        var flag = flags[part.Pk];
        return new BuildRow(
            part.Pk, part.Name, part.Ipn, part.Revision, flag.Optional, flag.Consumable,
            Needed: need.Gross,
            part.TotalInStock, part.RequiredForBuildOrders, part.RequiredForSalesOrders, need.Available,
            need.InProduction, need.ToBuild,
            flag.BelongsTo);
    }

    /// <summary>The substitutes allowed on the lines into <paramref name="part"/>, with their own available stock.</summary>
    private IReadOnlyList<SubstituteInfo> Substitutes(InvenTreePart part)
    {
        var found = new Dictionary<int, SubstituteInfo>();
        foreach (var edge in graph.Incoming(part.Pk))
        {
            foreach (var substitute in edge.Line.Substitutes ?? [])
            {
                if (found.ContainsKey(substitute.Part) || substitute.Part == part.Pk)
                {
                    continue;
                }

                if (!parts.TryGetValue(substitute.Part, out var other))
                {
                    warnings.Add($"Substitute #{substitute.Part} for {part.Label()} was not found; not listed");
                    continue;
                }

                found[other.Pk] = new SubstituteInfo(other.Pk, other.Name, other.Available());
            }
        }

        return found.Values
            .OrderBy(info => info.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(info => info.Pk)
            .ToArray();
    }
}

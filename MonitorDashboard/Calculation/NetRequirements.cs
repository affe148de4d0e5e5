using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Calculation;

/// <summary>What the netting pass decided for one part.</summary>
/// <param name="Gross">Total demand on the part: top-level quantity plus what its parents' builds require.</param>
/// <param name="ToOrder">Everything to order, replenishment included.</param>
/// <param name="Replenishment">The part of <paramref name="ToOrder"/> that only brings the part back to its minimum stock.</param>
internal sealed record PartNeed(
    decimal Gross, decimal Available, decimal InProduction, decimal ToOrder, decimal ToBuild, decimal Replenishment = 0m);

/// <summary>
/// The netting pass of inventree.md §3: each part is netted once, after all of its parents, so stock of a
/// shared subassembly is counted once rather than once per path.
/// </summary>
internal static class NetRequirements
{
    public static IReadOnlyDictionary<int, PartNeed> Compute(
        BomGraph graph,
        IReadOnlyDictionary<int, decimal> topLevel,
        IReadOnlyDictionary<int, InvenTreePart> parts,
        IReadOnlyDictionary<int, decimal> inProductionOf,
        bool countOnOrder,
        bool replenish,
        WarningLog warnings)
    {
        var gross = new Dictionary<int, decimal>(topLevel);
        var needs = new Dictionary<int, PartNeed>();

        foreach (var pk in graph.Order)
        {
            var part = parts[pk];
            var demand = gross.GetValueOrDefault(pk);
            var available = part.Available();
            var inProduction = inProductionOf.GetValueOrDefault(pk);
            decimal toBuild = 0m, toOrder = 0m, replenishment = 0m;

            // An assembly is built even when it is also purchaseable: its BOM is what we can act on.
            if (part.Assembly)
            {
                toBuild = Math.Max(0m, demand - (available + inProduction));
                // Each line once for the whole net quantity: a shared subassembly's setup quantities count once.
                foreach (var edge in graph.Outgoing(pk))
                {
                    gross[edge.Child] = gross.GetValueOrDefault(edge.Child) + BomLineRequirement.Required(edge.Line, toBuild);
                }
            }
            else if (part.Purchaseable)
            {
                var order = ReplenishmentRule.For(demand, available, part.Ordering, part.MinimumStock, countOnOrder, replenish);
                (toOrder, replenishment) = (order.Total, order.Replenishment);
            }
            else
            {
                warnings.Add($"Part {part.Label()} is neither purchaseable nor an assembly; nothing is ordered or built for it");
            }

            needs[pk] = new PartNeed(demand, available, inProduction, toOrder, toBuild, replenishment);
        }

        return needs;
    }
}

using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Calculation;

/// <summary>
/// The shortage calculation of inventree.md §3: explodes the BOMs of the requested parts, nets every part
/// once against its stock (parents before children), and lists what to order, what to build and which
/// parts are below minimum stock. Pure and deterministic: no I/O, no clock, no state — safe as a singleton.
/// </summary>
public sealed class ShortageCalculator
{
    /// <summary>Calculates the result for data already fetched from InvenTree.</summary>
    /// <remarks>Problems in the data (unknown parts, bad lines, cycles) become warnings, never exceptions.</remarks>
    public CalculationResult Calculate(BomData data, CalculationOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);

        var warnings = new WarningLog();
        var parts = new Dictionary<int, InvenTreePart>(data.Parts);
        var demand = TopLevelDemand.Resolve(data.TopLevel, parts, warnings);
        var graph = BomGraphBuilder.Build(demand.Roots, parts, data.Boms, options.ExcludeOptional, warnings);
        var inProduction = InProductionFigures.Compute(options.InProduction, data);
        var needs = NetRequirements.Compute(graph, demand.Quantities, parts, inProduction, options.CountOnOrder, options.ReplenishToMinimum, warnings);
        var flags = PartFlags.Compute(graph, parts);
        var rows = new ResultBuilder(graph, parts, needs, flags, warnings);

        return new CalculationResult(
            rows.PartsToOrder(options, data.ExcludedBySupplier),
            rows.SubassembliesToBuild(options),
            rows.Critical(),
            demand.NotFound,
            // Last: building the rows may still add warnings (unknown substitutes).
            warnings.ToList());
    }
}

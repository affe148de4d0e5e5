namespace MonitorDashboard.Calculation;

/// <summary>
/// The calculator's display filters applied to a finished result, so toggling them needs no new calculation.
/// Same rules as the calculation's own filters: hiding drops rows, never changes a number; consumables and optional
/// parts leave both tables, parts of excluded suppliers leave only the parts to order; critical parts and warnings
/// always stay.
/// </summary>
public static class ResultFilter
{
    public static CalculationResult Apply(
        CalculationResult result, bool hideConsumables, IReadOnlySet<int> excludedParts, bool hideOptional = false)
    {
        if (!hideConsumables && !hideOptional && excludedParts.Count == 0)
        {
            return result;
        }
        return result with
        {
            PartsToOrder = result.PartsToOrder
                .Where(r => !(hideConsumables && r.Consumable) && !(hideOptional && r.Optional) && !excludedParts.Contains(r.Pk))
                .ToArray(),
            SubassembliesToBuild = result.SubassembliesToBuild
                .Where(r => !(hideConsumables && r.Consumable) && !(hideOptional && r.Optional))
                .ToArray(),
        };
    }
}

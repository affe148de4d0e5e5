using MonitorDashboard.Calculation;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Monitoring.Checks;

/// <summary>The calculation options a monitoring list asks for in presets.json (<c>hide_optional</c>, <c>in_production</c>,
/// <c>replenish_to_minimum</c>).</summary>
public static class ListCalculationOptions
{
    /// <remarks>A list with an unknown <c>in_production</c> fails validation and is never checked; should one get here
    /// anyway, it is calculated with the default rule rather than not at all.</remarks>
    public static CalculationOptions For(MonitoringList list) => new()
    {
        HideOptional = list.HideOptional == true,
        InProduction = InProductionRules.TryParse(list.InProduction, out var rule) ? rule : InProductionRule.Scheduled,
        ReplenishToMinimum = list.ReplenishToMinimum == true,
    };
}

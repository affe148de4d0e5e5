using MonitorDashboard.Calculation;

namespace MonitorDashboard.Tests.Calculation;

/// <summary>Finds rows by pk so assertions read "the order row of the screw".</summary>
internal static class CalculationResultLookup
{
    public static OrderRow Order(this CalculationResult result, int pk) => Assert.Single(result.PartsToOrder, r => r.Pk == pk);

    public static BuildRow Build(this CalculationResult result, int pk) =>
        Assert.Single(result.SubassembliesToBuild, r => r.Pk == pk);

    public static bool Orders(this CalculationResult result, int pk) => result.PartsToOrder.Any(r => r.Pk == pk);

    public static bool Builds(this CalculationResult result, int pk) => result.SubassembliesToBuild.Any(r => r.Pk == pk);
}

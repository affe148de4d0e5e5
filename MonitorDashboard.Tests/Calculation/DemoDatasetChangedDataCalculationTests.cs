using MonitorDashboard.Calculation;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Calculation;

/// <summary>
/// Cases the demo dataset does not have — a BOM cycle, a part below its minimum stock — on an in-memory copy of it
/// with one record added or changed, so everything else stays real.
/// </summary>
public sealed class DemoDatasetChangedDataCalculationTests(DemoDatasetHarnessFixture demo) : IClassFixture<DemoDatasetHarnessFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bom_cycle_is_named_in_a_warning_and_the_rest_is_still_calculated()
    {
        // Doohickey (87) already contains Widget Board (assembled) (88); a line 88 → 87 closes the loop.
        var copy = DemoDatasetCopy.Load().AddBomItem(pk: 9001, assembly: 88, subPart: 87, quantity: 1).Build();
        await using var harness = await InvenTreeHarness.StartAsync(copy);
        PartRequest[] doohickey = [new("Doohickey", null, null, 20)];

        var result = (await harness.Calculation.RunAsync(doohickey, CalculationOptions.Default, Ct)).Result;
        var unchanged = await demo.CalculateAsync(CalculationOptions.Default, doohickey);

        Assert.Contains(result.Warnings, w => w.Contains("BOM cycle: Doohickey → Widget Board (assembled) → Doohickey", StringComparison.Ordinal));
        // From the Doohickey the added line is the one that closes the cycle, so dropping it leaves the real tree:
        // Doohickey 20; −130 → 150; Widget Board (assembled) 150; 5 + 100 → 45.
        Assert.Equal([(87, 150m), (88, 45m)], result.SubassembliesToBuild.Select(b => (b.Pk, b.ToBuild)));
        // e.g. C_1uF_0402: 45 × 19 = 855; 1781 − 4430 = −2649 → 3504.
        Assert.Equal(3504m, result.Order(53).ToOrder);
        Assert.Equal(unchanged.PartsToOrder.Select(o => (o.Pk, o.Needed, o.ToOrder)), result.PartsToOrder.Select(o => (o.Pk, o.Needed, o.ToOrder)));
        Assert.Equal(unchanged.Warnings.Count + 1, result.Warnings.Count);
    }

    [Fact]
    public async Task A_part_in_the_tree_below_its_minimum_stock_is_critical_even_when_nothing_is_built()
    {
        // Widget Assembly: minimum raised from 3 to 200, above its 166 in stock (1 own + 165 in its variant).
        var copy = DemoDatasetCopy.Load().SetPartField(77, "minimum_stock", "200.000000").Build();
        await using var harness = await InvenTreeHarness.StartAsync(copy);

        var result = (await harness.Calculation.RunAsync([new("Widget Assembly", null, null, 10)], CalculationOptions.Default, Ct)).Result;

        var critical = Assert.Single(result.Critical);
        // 166 − 100 (RBO) = 66 available.
        Assert.Equal((77, 166m, 66m, 200m), (critical.Pk, critical.TotalInStock, critical.Available, critical.MinimumStock));
        // 10; 66 + 14 in production → nothing to build, but the running build keeps the row.
        Assert.Equal((77, 0m, 14m), (result.Build(77).Pk, result.Build(77).ToBuild, result.Build(77).InProduction));
        // Nothing is exploded (0 built), yet parts whose existing build orders exceed their stock are still ordered:
        // C_1uF_0805 0 − (3506 − 5055) = 1549, R_10K_0805_1% 0 − (822 − 2675) = 1853 (§3: max(0, gross − available)).
        Assert.Equal([(59, 0m, 1549m), (30, 0m, 1853m)], result.PartsToOrder.Select(o => (o.Pk, o.Needed, o.ToOrder)));
    }
}

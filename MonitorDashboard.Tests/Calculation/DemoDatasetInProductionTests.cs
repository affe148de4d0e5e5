using MonitorDashboard.Calculation;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Calculation;

/// <summary>
/// The "in production" rules over HTTP on InvenTree's public demo dataset (inventree.md §3), hand-worked from its
/// builds and <c>is_building</c> stock items. Master Assembly's tree holds 7 assemblies.
/// </summary>
public sealed class DemoDatasetInProductionTests(DemoDatasetHarnessFixture demo) : IClassFixture<DemoDatasetHarnessFixture>
{
    private static readonly PartRequest MasterAssembly60 = new("Master Assembly", null, null, 60);

    [Fact]
    public async Task Legacy_adds_the_stock_being_built_to_what_pending_and_running_builds_still_make()
    {
        var result = await demo.CalculateAsync(new CalculationOptions { InProduction = InProductionRule.Legacy }, MasterAssembly60);

        Assert.Equal(
            new Dictionary<int, decimal>
            {
                [77] = 14 + 14,     // Widget Assembly: 14 items of 1 being built (BO1) + BO1 Production 15 − 1
                [88] = 100,         // Widget Board: BO2 Pending 100 − 0; BO8 Complete does not count
                [110] = 16 + 25,    // Test Board 1: 16 being built (BO11) + BO11 Production 50 − 25
                [111] = 4 + 4,      // Test Board 2: 4 being built (BO3) + BO3 Production 10 − 6; BO12 Complete does not count
                [112] = 5 + 5 + 50, // Test Board 3: 5 being built (BO4) + BO4 Production 25 − 20 + BO13 Pending 50 − 0
                [113] = 50,         // Master Assembly: BO10 Pending 50 − 0
            },
            InProduction(result, 77, 88, 110, 111, 112, 113));
    }

    [Fact]
    public async Task Scheduled_and_building_give_inventrees_own_figures()
    {
        var scheduled = await demo.CalculateAsync(CalculationOptions.Default, MasterAssembly60);
        var building = await demo.CalculateAsync(new CalculationOptions { InProduction = InProductionRule.Building }, MasterAssembly60);

        // scheduled_to_build: Σ quantity − completed of active builds.
        Assert.Equal(new Dictionary<int, decimal> { [77] = 14, [88] = 100, [110] = 25, [111] = 4, [112] = 55, [113] = 50 },
            InProduction(scheduled, 77, 88, 110, 111, 112, 113));
        // building: Σ is_building stock of active builds (a build with no output yet counts nothing).
        Assert.Equal(new Dictionary<int, decimal> { [77] = 14, [110] = 16, [111] = 4, [112] = 5 },
            InProduction(building, 77, 110, 111, 112));
    }

    [Fact]
    public async Task Legacy_costs_two_requests_more_in_no_extra_round_and_the_other_rules_none()
    {
        var scheduled = await demo.RunAsync(CalculationOptions.Default, MasterAssembly60);
        var building = await demo.RunAsync(new CalculationOptions { InProduction = InProductionRule.Building }, MasterAssembly60);
        var legacy = await demo.RunAsync(new CalculationOptions { InProduction = InProductionRule.Legacy }, MasterAssembly60);

        Assert.Equal((scheduled.Requests, scheduled.Rounds), (building.Requests, building.Rounds));
        Assert.Equal((scheduled.Requests + 2, scheduled.Rounds), (legacy.Requests, legacy.Rounds));
    }

    [Fact]
    public async Task Legacy_pages_through_the_stock_and_builds_and_still_adds_one_request_per_page()
    {
        var path = TestPaths.RequireDemoDataset();
        await using var small = await InvenTreeHarness.StartAsync(
            MonitorDashboard.InvenTreeEmulator.InvenTreeFixture.Load(path), settings: new Dictionary<string, string?> { ["InvenTree:PageSize"] = "10" });
        var token = TestContext.Current.CancellationToken;

        var stock = await small.Client.GetBuildingStockAsync(token);
        var builds = await small.Client.GetAllActiveBuildsAsync(token);

        // 21 items being built (3 pages of 10); 11 active builds of 16 (2 pages): every page read, nothing twice.
        Assert.Equal(21, stock.Select(s => s.Pk).Distinct().Count());
        Assert.All(stock, s => Assert.True(s.IsBuilding));
        Assert.Equal(11, builds.Select(b => b.Pk).Distinct().Count());
        Assert.All(builds, b => Assert.Contains(b.Status, new[] { 10, 20, 25 }));
    }

    private static Dictionary<int, decimal> InProduction(CalculationResult result, params int[] pks) =>
        result.SubassembliesToBuild.Where(b => pks.Contains(b.Pk)).ToDictionary(b => b.Pk, b => b.InProduction);
}

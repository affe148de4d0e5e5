using System.Text.Json;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTreeEmulator;

/// <summary>
/// The emulator's part figures on InvenTree's demo dataset against numbers worked out by hand from the fixture
/// with the rules of inventree.md §2 (independently of the emulator's code).
/// </summary>
public sealed class InvenTreeEmulatorDemoFiguresTests(DemoEmulatorFixture demo) : IClassFixture<DemoEmulatorFixture>
{
    [Theory]
    //          pk   in_stock variant total  unalloc ordering building sched  alloc_bo alloc_so rbo   rso  min
    // Widget Template: no stock of its own; 129 in variants 72–80 (grandchildren 78–80 through Red Widget included).
    [InlineData(71,  0,       129,    129,   129,    0,       0,       0,     0,       0,       100,  0,   0)]
    // Red Widget: a variant that is also a template (78–80 below it, 45); 11 allocated to active builds' lines.
    [InlineData(72,  20,      45,     65,    54,     0,       0,       0,     11,      0,       270,  0,   0)]
    // Widget Assembly: BO0001 active (15 − 1 completed = 14 scheduled, 14 in is_building outputs); minimum 3.
    [InlineData(77,  1,       165,    166,   166,    0,       14,      14,    0,       0,       100,  0,   3)]
    // Widget Assembly Variant: 2 items with status 65/75 excluded; SO0003 line of 75 open; BO0016 pending, no outputs.
    [InlineData(81,  165,     0,      165,   165,    0,       0,       75,    0,       0,       0,    75,  3)]
    // R_10K_0805: every unit allocated to active builds, so nothing unallocated.
    [InlineData(30,  822,     0,      822,   0,      0,       0,       0,     822,     0,       2675, 0,   0)]
    // R_100K_0402: 1000 on an open purchase order (pack quantity 1).
    [InlineData(43,  3450,    0,      3450,  2650,   1000,    0,       0,     800,     0,       1380, 0,   0)]
    // Doohickey: minimum stock 5; its builds are complete, so nothing building.
    [InlineData(87,  20,      0,      20,    20,     0,       0,       0,     0,       0,       150,  0,   5)]
    // Blue Paint: required 12.5 (BO0005) + 50 (BO0014) = 62.5, truncated to 62.
    [InlineData(89,  535,     0,      535,   475,    0,       0,       0,     60,      0,       62,   0,   0)]
    // Red Paint: decimal stock; required 7.5 (BO0007, BO0006 is complete) truncated to 7; pack-10 line is on a closed PO.
    [InlineData(90,  32.275,  0,      32.275, 30,    100,     0,       0,     2.275,   0,       7,    0,   0)]
    // Blue Square Table: SO0003 wants 100; BO0014 pending for 100.
    [InlineData(104, 0,       0,      0,     0,      0,       0,       100,   0,       0,       0,    100, 0)]
    // Green Chair: SO0003 (open) wants 15; SO0006 is shipped (closed) and does not count.
    [InlineData(109, 10,      0,      10,    10,     0,       0,       0,     0,       0,       0,    15,  0)]
    // Test Board 1: 3 items of status 65/75 and 16 is_building outputs are not in stock; BO0011 50 − 25 = 25;
    // its sales allocation sits on a shipped shipment (shipment_date set), so 0 allocated.
    [InlineData(110, 0,       0,      0,     0,      0,       16,      25,    0,       0,       50,   0,   0)]
    // Test Board 3: active BO0004 (25 − 20) and BO0013 (50) → 55 scheduled; allocation on a shipped shipment.
    [InlineData(112, 5,       0,      5,     5,      0,       5,       55,    0,       0,       50,   0,   0)]
    // Silicon Wire Black: open PO line of 3 supplier packs × pack_quantity_native 100.
    [InlineData(896, 203,     0,      203,   203,    300,     0,       0,     0,       0,       0,    0,   0)]
    // Silicon Wire White: 5 packs × 500 = 2500 on order; decimal stock.
    [InlineData(897, 531.48,  0,      531.48, 531.48, 2500,   0,       0,     0,       0,       0,    0,   0)]
    public async Task Part_figures_follow_InvenTrees_definitions(int pk, double inStock, double variantStock, double totalInStock,
        double unallocated, double ordering, double building, double scheduled, double allocatedToBuilds, double allocatedToSales,
        int requiredForBuilds, int requiredForSales, double minimumStock)
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        var part = await client.GetJsonAsync<InvenTreePart>($"api/part/{pk}/");

        Assert.Equal(
            new object[] { (decimal)inStock, (decimal)variantStock, (decimal)totalInStock, (decimal)unallocated, (decimal)ordering,
                (decimal)building, (decimal)scheduled, (decimal)allocatedToBuilds, (decimal)allocatedToSales,
                (decimal)requiredForBuilds, (decimal)requiredForSales, (decimal)minimumStock },
            new object[] { part.InStock, part.VariantStock, part.TotalInStock, part.UnallocatedStock, part.Ordering,
                part.Building, part.ScheduledToBuild!.Value, part.AllocatedToBuildOrders, part.AllocatedToSalesOrders,
                part.RequiredForBuildOrders, part.RequiredForSalesOrders, part.MinimumStock });
    }

    [Fact]
    public async Task Required_figures_are_integers_and_quantities_numbers()
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        var part = await client.GetElementAsync("api/part/90/");

        Assert.Equal("7", part.GetProperty("required_for_build_orders").GetRawText());
        Assert.Equal("0", part.GetProperty("required_for_sales_orders").GetRawText());
        Assert.Equal(JsonValueKind.Number, part.GetProperty("in_stock").ValueKind);
        Assert.Equal(32.275, part.GetProperty("in_stock").GetDouble());
    }

    [Fact]
    public async Task A_part_in_a_list_has_the_same_figures_as_its_detail()
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        var detail = await client.GetJsonAsync<InvenTreePart>("api/part/77/");
        var listed = await client.GetJsonAsync<InvenTreePart[]>("api/part/?name_regex=%5EWidget%20Assembly%24");

        Assert.Equal(detail, Assert.Single(listed));
        Assert.Equal("Widget Assembly", detail.FullName);
        Assert.True(detail.Assembly && detail.IsTemplate);
    }

    [Theory]
    // Widget Assembly at API 196: building is BO0001's whole quantity 15, not its 14 is_building outputs.
    [InlineData(77, 15)]
    // Test Board 3: BO0004 (25) + BO0013 (50).
    [InlineData(112, 75)]
    // Widget Assembly Variant: BO0016 (75), which has no outputs yet.
    [InlineData(81, 75)]
    public async Task Api_196_serves_building_from_build_orders_and_no_scheduled_to_build(int pk, double building)
    {
        using var client = EmulatorHttp.CreateClient(demo.Legacy);

        var part = await client.GetElementAsync($"api/part/{pk}/");

        Assert.Equal((decimal)building, part.GetProperty("building").GetDecimal());
        Assert.False(part.TryGetProperty("scheduled_to_build", out _));
        var info = await client.GetJsonAsync<InvenTreeServerInfo>("api/");
        Assert.Equal(196, info.ApiVersion);
    }
}

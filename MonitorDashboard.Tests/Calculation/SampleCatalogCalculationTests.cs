using MonitorDashboard.Calculation;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Calculation;

/// <summary>
/// The whole path — real client over HTTP to the emulator serving the sample catalog, then the
/// calculation — against the hand-worked results in MonitorDashboard/Demo/SAMPLE_CATALOG.md.
/// </summary>
public sealed class SampleCatalogCalculationTests
{
    private static readonly PartRequest[] MasterAndWidgetB =
    [
        new("Master Assembly", null, null, 60),
        new("Widget Assembly", "B", null, 5),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<CalculationRun> RunAsync(CalculationOptions options, params PartRequest[] requests)
    {
        await using var harness = await InvenTreeHarness.StartAsync();
        return await harness.Calculation.RunAsync(requests, options, Ct);
    }

    [Fact]
    public async Task Master_assembly_and_widget_B_build_and_order_what_was_worked_out_by_hand()
    {
        var run = await RunAsync(CalculationOptions.Default, MasterAndWidgetB);
        var result = run.Result;

        Assert.Equal(
            [(102, 48m), (103, 40m), (101, 52m), (104, 38m), (107, 60m), (106, 92m), (105, 101m), (112, 6m), (113, 4m)],
            result.SubassembliesToBuild.Select(b => (b.Pk, b.ToBuild)));
        Assert.Equal(
            [(164, 42m), (132, 47m), (183, 258m), (162, 51m), (180, 46m), (136, 81m), (190, 26m), (160, 44m), (185, 248m),
             (186, 68m), (130, 11m), (121, 41m), (149, 216m), (123, 54m), (122, 60m), (197, 52.36m), (131, 10m), (170, 74m), (152, 1m)],
            result.PartsToOrder.Select(o => (o.Pk, o.ToOrder)));
        Assert.Equal([164, 183, 195, 201], result.Critical.Select(c => c.Pk).Order());
        Assert.Empty(result.NotFound);
        Assert.Contains(result.Warnings, w => w.Contains("Gateway Firmware Image", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rows_carry_stock_figures_flags_ownership_and_substitutes()
    {
        var result = (await RunAsync(CalculationOptions.Default, MasterAndWidgetB)).Result;

        var buck = result.Order(132);
        Assert.Equal((38m, -9m, 100m), (buck.Needed, buck.Available, buck.OnOrder));
        Assert.Equal(["Master Assembly", "Widget Assembly@B"], buck.BelongsTo);
        var substitute = Assert.Single(buck.Substitutes);
        Assert.Equal((133, 9m), (substitute.Pk, substitute.Available));

        Assert.True(result.Order(162).Optional);
        Assert.True(result.Order(197).Consumable);
        Assert.Equal(101.36m, result.Order(197).Needed);
        Assert.Equal(10m, result.Build(104).InProduction);
        Assert.True(result.Build(107).Optional);
    }

    [Fact]
    public async Task The_demo_lines_require_what_InvenTrees_build_orders_would()
    {
        // Sensor Board #106 builds 92. Line 581, bare PCBs #122 in panels of 10: 92 → 100; 100 − 40 → order 60.
        // Line 582, humidity sensor #136 with a setup of 3: 92 + 3 = 95, + 4 × 1 from Widget Logic Board = 99; 99 − 18 → 81.
        // Line 638, solder paste #197 on Widget Logic Board (builds 4) with 5 % attrition: 4 × 0.8 × 1.05 = 3.36,
        // + 40 × 1.5 + 38 × 1 = 101.36; 101.36 − 49 → 52.36.
        var result = (await RunAsync(CalculationOptions.Default, MasterAndWidgetB)).Result;

        Assert.Equal((100m, 60m), (result.Order(122).Needed, result.Order(122).ToOrder));
        Assert.Equal((99m, 81m), (result.Order(136).Needed, result.Order(136).ToOrder));
        Assert.Equal((101.36m, 52.36m), (result.Order(197).Needed, result.Order(197).ToOrder));
    }

    [Fact]
    public async Task The_shared_power_supply_board_is_netted_once_not_once_per_path()
    {
        // 48 via Gateway Core Module + 6 via Widget B, against 6 available + 10 in production:
        // once = 54 − 16 = 38; the Python tool's per-path netting would say 32 + 0.
        var result = (await RunAsync(CalculationOptions.Default, MasterAndWidgetB)).Result;

        Assert.Equal(38m, result.Build(104).ToBuild);
        Assert.Equal(41m, result.Order(121).ToOrder);
    }

    [Fact]
    public async Task Standalone_shared_board_builds_three_where_per_path_netting_builds_none()
    {
        var result = (await RunAsync(CalculationOptions.Default,
            new("Gateway Core Module", null, null, 12), new("Widget Assembly", "B", null, 10))).Result;

        Assert.Equal(
            [(102, 8m), (103, 0m), (104, 3m), (112, 11m), (113, 9m)],
            result.SubassembliesToBuild.Select(b => (b.Pk, b.ToBuild)));
        Assert.Equal(
            [(164, 2m), (132, 12m), (183, 6m), (160, 4m), (121, 6m)],
            result.PartsToOrder.Select(o => (o.Pk, o.ToOrder)));
    }

    [Fact]
    public async Task Excluding_optional_parts_drops_the_relay_board_and_display_subtrees()
    {
        var result = (await RunAsync(new CalculationOptions { ExcludeOptional = true }, MasterAndWidgetB)).Result;

        Assert.False(result.Builds(107));
        Assert.DoesNotContain(result.PartsToOrder, o => o.Pk is 162 or 149 or 123);
        Assert.Equal(8, result.SubassembliesToBuild.Count);
        Assert.Equal(16, result.PartsToOrder.Count);
        Assert.Equal(258m, result.Order(183).ToOrder);
    }

    [Fact]
    public async Task Counting_parts_on_order_reduces_what_to_order()
    {
        var result = (await RunAsync(new CalculationOptions { CountOnOrder = true }, MasterAndWidgetB)).Result;

        (int, decimal)[] expected =
        [
            (164, 42m), (183, 158m), (162, 31m), (180, 46m), (136, 81m), (190, 26m), (160, 4m), (186, 68m),
            (121, 16m), (149, 216m), (123, 54m), (131, 10m), (197, 52.36m), (170, 74m), (152, 1m),
        ];
        Assert.Equal(expected.OrderBy(p => p.Item1), result.PartsToOrder.Select(o => (o.Pk, o.ToOrder)).OrderBy(p => p.Pk));
        Assert.DoesNotContain(result.PartsToOrder, o => o.Pk is 132 or 185 or 130 or 122);
    }

    [Fact]
    public async Task Ambiguous_and_unknown_names_are_reported_and_the_rest_still_calculated()
    {
        var result = (await RunAsync(CalculationOptions.Default,
            new("Sensor Board", null, null, 10), new("M3x8 Screw", null, null, 100), new("Flux Capacitor", null, null, 1))).Result;

        Assert.Equal([("M3x8 Screw", 2), ("Flux Capacitor", 0)], result.NotFound.Select(n => (n.Name, n.Matches)));
        Assert.Equal(1m, Assert.Single(result.SubassembliesToBuild).ToBuild);
        Assert.Empty(result.PartsToOrder);
        Assert.Empty(result.Critical);
    }

    [Fact]
    public async Task A_revision_that_does_not_exist_is_not_found_and_a_bare_template_name_is_ambiguous()
    {
        var result = (await RunAsync(CalculationOptions.Default,
            new("Widget Assembly", "C", null, 1), new("Widget Assembly", null, null, 1))).Result;

        Assert.Equal([("Widget Assembly", "C", 0), ("Widget Assembly", null, 3)], result.NotFound.Select(n => (n.Name, n.Revision, n.Matches)));
    }

    [Fact]
    public async Task Excluding_a_supplier_hides_its_parts_from_the_order_table_only()
    {
        var all = (await RunAsync(CalculationOptions.Default, MasterAndWidgetB)).Result;
        var filtered = (await RunAsync(new CalculationOptions { ExcludeSuppliers = ["Voltaic Components Ltd"] }, MasterAndWidgetB)).Result;

        Assert.True(filtered.PartsToOrder.Count < all.PartsToOrder.Count);
        Assert.DoesNotContain(filtered.PartsToOrder, o => o.Pk == 160); // sold by Voltaic (and Northwind)
        Assert.Equal(all.SubassembliesToBuild.Select(b => (b.Pk, b.ToBuild)), filtered.SubassembliesToBuild.Select(b => (b.Pk, b.ToBuild)));
        Assert.All(filtered.PartsToOrder, o => Assert.Equal(all.Order(o.Pk).ToOrder, o.ToOrder));
    }

    [Fact]
    public async Task A_check_costs_one_request_per_top_level_part_and_two_per_assembly_in_depth_plus_one_rounds()
    {
        var run = await RunAsync(CalculationOptions.Default, MasterAndWidgetB);

        // 1 server info + 2 top-level look-ups + 2 × 9 assemblies (101–107, 112, 113).
        Assert.Equal(1 + 2 + (2 * 9), run.Requests);
        // Round 1: server + look-ups; then one round per BOM level of assemblies (101/112, 102/105/107/113, 103/104/106).
        Assert.Equal(4, run.Rounds);
    }
}

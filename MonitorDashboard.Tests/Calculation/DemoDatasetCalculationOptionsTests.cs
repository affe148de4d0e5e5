using MonitorDashboard.Calculation;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Calculation;

/// <summary>
/// Flags, options and name resolution on InvenTree's public demo dataset, with hand-worked numbers (inventree.md §3).
/// Comments give the arithmetic: gross; available = total − RBO − RSO; in production; result.
/// </summary>
public sealed class DemoDatasetCalculationOptionsTests(DemoDatasetHarnessFixture demo) : IClassFixture<DemoDatasetHarnessFixture>
{
    private static readonly PartRequest MasterAssembly60 = new("Master Assembly", null, null, 60);

    // Red Chair: 300; 25 − 0 − 25 (SO0002) = 0; nothing running → 300.
    // Blue Square Table: 30; 0 − 0 − 100 (SO0003) = −100; 100 (BO0014) → 30.
    private static readonly PartRequest[] Furniture = [new("Red Chair", null, null, 300), new("Blue Square Table", null, null, 30)];

    [Fact]
    public async Task The_dataset_has_no_optional_lines_so_nothing_is_optional_and_excluding_them_changes_nothing()
    {
        var all = await demo.CalculateAsync(CalculationOptions.Default, MasterAssembly60);
        var excluded = await demo.CalculateAsync(new CalculationOptions { ExcludeOptional = true }, MasterAssembly60);

        Assert.DoesNotContain(all.PartsToOrder, o => o.Optional);
        Assert.DoesNotContain(all.SubassembliesToBuild, b => b.Optional);
        Assert.Equal(all.PartsToOrder.Select(o => (o.Pk, o.ToOrder)), excluded.PartsToOrder.Select(o => (o.Pk, o.ToOrder)));
        Assert.Equal(all.SubassembliesToBuild.Select(b => (b.Pk, b.ToBuild)), excluded.SubassembliesToBuild.Select(b => (b.Pk, b.ToBuild)));
        Assert.Equal(all.Warnings, excluded.Warnings);
    }

    [Fact]
    public async Task Wood_screws_on_inherited_consumable_lines_are_consumable_and_decimal_lines_stay_exact()
    {
        var result = await demo.CalculateAsync(CalculationOptions.Default, Furniture);

        Assert.Equal([(104, 30m), (107, 300m)], result.SubassembliesToBuild.Select(b => (b.Pk, b.ToBuild)));
        Assert.Equal(
            [
                // Leg (inherited lines, not consumable): 300 × 4 + 30 × 4 = 1320; 977 − 660 = 317 → 1003.
                (95, 1320m, 317m, 1003m, false),
                // Red Paint: 300 × 0.125 = 37.5; 32.275 − 7 = 25.275 → 12.225 (100 on order, not counted).
                (90, 37.5m, 25.275m, 12.225m, false),
                // Square Top: 30 × 1; 123 − 115 = 8 → 22.
                (97, 30m, 8m, 22m, false),
                // Wood Screw (consumable on Chair's and Square Table's inherited lines): 300 × 5 + 30 × 12 = 1860;
                // 2384 − 1980 = 404 → 1456.
                (98, 1860m, 404m, 1456m, true),
            ],
            result.PartsToOrder.Select(o => (o.Pk, o.Needed, o.Available, o.ToOrder, o.Consumable)));
        // Blue Paint: 30 × 0.5 = 15 of 473 available; nothing to order.
        Assert.False(result.Orders(89));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task Hiding_consumables_drops_the_wood_screws_and_leaves_every_other_number_alone()
    {
        var all = await demo.CalculateAsync(CalculationOptions.Default, Furniture);
        var hidden = await demo.CalculateAsync(new CalculationOptions { HideConsumables = true }, Furniture);

        Assert.Equal(all.PartsToOrder.Where(o => o.Pk != 98).Select(o => (o.Pk, o.ToOrder)), hidden.PartsToOrder.Select(o => (o.Pk, o.ToOrder)));
        Assert.Equal(all.SubassembliesToBuild.Select(b => (b.Pk, b.ToBuild)), hidden.SubassembliesToBuild.Select(b => (b.Pk, b.ToBuild)));
    }

    [Fact]
    public async Task Counting_parts_on_order_subtracts_open_purchase_orders()
    {
        var all = await demo.CalculateAsync(CalculationOptions.Default, MasterAssembly60);
        var counted = await demo.CalculateAsync(new CalculationOptions { CountOnOrder = true }, MasterAssembly60);

        // 1551ABK: 190 − 145 − 10 on order = 35 (45 without).
        Assert.Equal((45m, 35m), (all.Order(82).ToOrder, counted.Order(82).ToOrder));
        // 530470210: 210 − 170 − 400 < 0 → gone (40 without).
        Assert.Equal(40m, all.Order(69).ToOrder);
        Assert.False(counted.Orders(69));
        // R_100K_0603_1%: TB1 45 × 7 + TB2 35 × 20 + TB3 10 × 11 = 1125; 2321 − 1375 = 946; − 4000 on order → gone (179 without).
        Assert.Equal((1125m, 946m, 4000m, 179m), (all.Order(44).Needed, all.Order(44).Available, all.Order(44).OnOrder, all.Order(44).ToOrder));
        Assert.False(counted.Orders(44));
        // Nothing else is on order, so nothing else moves; the builds do not depend on the option.
        Assert.Equal(all.PartsToOrder.Count - 2, counted.PartsToOrder.Count);
        Assert.All(counted.PartsToOrder.Where(o => o.Pk != 82), o => Assert.Equal(all.Order(o.Pk).ToOrder, o.ToOrder));
        Assert.Equal(all.SubassembliesToBuild.Select(b => (b.Pk, b.ToBuild)), counted.SubassembliesToBuild.Select(b => (b.Pk, b.ToBuild)));
    }

    [Fact]
    public async Task Counting_parts_on_order_covers_a_decimal_shortfall()
    {
        var counted = await demo.CalculateAsync(new CalculationOptions { CountOnOrder = true }, Furniture);

        // Red Paint: 37.5 − 25.275 − 100 < 0 → gone; the other three have nothing on order.
        Assert.Equal([(95, 1003m), (97, 22m), (98, 1456m)], counted.PartsToOrder.Select(o => (o.Pk, o.ToOrder)));
    }

    [Fact]
    public async Task Ambiguous_and_unknown_names_are_reported_and_the_rest_still_calculated()
    {
        var result = await demo.CalculateAsync(CalculationOptions.Default,
            new("Red Widget", null, null, 1),       // pks 72, 78, 79 and 80 share the name (revisions "", 00, 01, 02)
            new("Red Widget", "01", null, 1),       // the revision picks one: 79
            new("Flux Capacitor", null, null, 1),   // not in the dataset
            new("Doohickey", null, null, 20));

        Assert.Equal([("Red Widget", (string?)null, 4), ("Flux Capacitor", null, 0)], result.NotFound.Select(n => (n.Name, n.Revision, n.Matches)));
        // Red Widget@01 resolved, but is a template that is neither purchaseable nor an assembly.
        Assert.Contains(result.Warnings, w => w.Contains("Part Red Widget@01 is neither", StringComparison.Ordinal));
        // Doohickey as alone: 20; −130 → 150; Widget Board (assembled) 150; 5 + 100 → 45.
        Assert.Equal([(87, 150m), (88, 45m)], result.SubassembliesToBuild.Select(b => (b.Pk, b.ToBuild)));
        Assert.Equal(6, result.PartsToOrder.Count);
    }
}

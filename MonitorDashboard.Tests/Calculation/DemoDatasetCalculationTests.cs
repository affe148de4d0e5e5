using MonitorDashboard.Calculation;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Calculation;

/// <summary>
/// The whole path — real client over HTTP to the emulator serving InvenTree's public demo dataset, then the
/// calculation — against results worked out by hand from the fixture with inventree.md §2 (figures) and §3
/// (netting once per part, parents before children), and cross-checked with an independent implementation.
/// Comments give the arithmetic: gross; available = total − RBO − RSO; in production; result.
/// </summary>
public sealed class DemoDatasetCalculationTests(DemoDatasetHarnessFixture demo) : IClassFixture<DemoDatasetHarnessFixture>
{
    private static readonly PartRequest MasterAssembly60 = new("Master Assembly", null, null, 60);

    [Fact]
    public async Task Master_assembly_builds_what_was_worked_out_by_hand()
    {
        var result = await demo.CalculateAsync(CalculationOptions.Default, MasterAssembly60);

        // (pk, needed, available, in production, to build), sorted by name.
        Assert.Equal(
            [
                // Doohickey: 3 × 20 = 60; 20 − 150 − 0 = −130; 0 → 60 + 130 = 190.
                (87, 60m, -130m, 0m, 190m),
                // Master Assembly: 60; 0 − 0 − 10 (SO0005) = −10; 50 (BO0010) → 60 − 40 = 20.
                (113, 60m, -10m, 50m, 20m),
                // Test Board 1: 20; 0 − 50 = −50; 25 (BO0011: 50 − 25) → 20 + 50 − 25 = 45.
                (110, 20m, -50m, 25m, 45m),
                // Test Board 2: 20; 31 − 50 = −19; 4 (BO0003: 10 − 6) → 20 + 19 − 4 = 35.
                (111, 20m, -19m, 4m, 35m),
                // Test Board 3: 20; 5 − 50 = −45; 55 (BO0004 25 − 20, BO0013 50) → 20 + 45 − 55 = 10.
                (112, 20m, -45m, 55m, 10m),
                // Widget Assembly: 2 × 20 = 40; 166 − 100 = 66; 14 (BO0001: 15 − 1) → 0, listed because a build is running.
                (77, 40m, 66m, 14m, 0m),
                // Widget Board (assembled), shared: 20 (Master) + 190 (Doohickey) = 210; 55 − 50 = 5; 100 (BO0002) → 105.
                (88, 210m, 5m, 100m, 105m),
            ],
            result.SubassembliesToBuild.Select(b => (b.Pk, b.Needed, b.Available, b.InProduction, b.ToBuild)));
        Assert.All(result.SubassembliesToBuild, b => Assert.Equal(["Master Assembly"], b.BelongsTo));
    }

    [Fact]
    public async Task Master_assembly_orders_what_was_worked_out_by_hand()
    {
        var result = await demo.CalculateAsync(CalculationOptions.Default, MasterAssembly60);

        // 41 parts to order; the parts that matter, as (needed, available, on order, to order):
        Assert.Equal(41, result.PartsToOrder.Count);
        // 1551AGY, straight from Master: 20; 0 − 50 = −50 → 70.
        Assert.Equal((20m, -50m, 0m, 70m), Figures(result.Order(83)));
        // 1551ABK: Doohickey 190 × 1; 145 − 0 = 145 → 45; the 10 on order are shown, not subtracted.
        Assert.Equal((190m, 145m, 10m, 45m), Figures(result.Order(82)));
        // 530470210: Widget Board 105 × 2 = 210; 370 − 200 = 170 → 40 (400 on order shown).
        Assert.Equal((210m, 170m, 400m, 40m), Figures(result.Order(69)));
        // M3x8 Torx: Doohickey 190 × 4 = 760 (Widget Assembly builds none, so its × 5 adds nothing); 560 − 450 = 110 → 650.
        Assert.Equal((760m, 110m, 0m, 650m), Figures(result.Order(66)));
        // R_10K_0805_1%: TB1 45 × 11 + TB2 35 × 10 + TB3 10 × 9 = 935; 822 − 2675 = −1853 → 2788.
        Assert.Equal((935m, -1853m, 0m, 2788m), Figures(result.Order(30)));
        // R_10R_0402_1%, in four BOMs: 45 × 13 + 35 × 23 + 10 × 20 + Widget Board 105 × 2 = 1800; 3030 − 2580 = 450 → 1350.
        Assert.Equal((1800m, 450m, 0m, 1350m), Figures(result.Order(1)));
        // C_1uF_0402: 45 × 7 + 35 × 23 + 10 × 26 + 105 × 19 = 3375; 1781 − 4430 = −2649 → 6024.
        Assert.Equal((3375m, -2649m, 0m, 6024m), Figures(result.Order(53)));
        // Needed but covered: MAX232IDR 105 of 1425 available; M3x10 Torx 190 of 1495.
        Assert.False(result.Orders(61));
        Assert.False(result.Orders(67));

        // The Doohickey line to 1551ABK lists two substitutes with their own available stock.
        Assert.Equal([(84, 0m), (83, -50m)], result.Order(82).Substitutes.Select(s => (s.Pk, s.Available)));
        // Sorted by name (case-insensitive), then pk.
        Assert.Equal(result.PartsToOrder.OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Pk), result.PartsToOrder);
    }

    [Fact]
    public async Task Master_assembly_reports_no_critical_parts_and_warns_about_parts_it_cannot_order_or_build()
    {
        var result = await demo.CalculateAsync(CalculationOptions.Default, MasterAssembly60);

        // No part of the dataset is below its minimum (Doohickey 20 ≥ 5, Widget Assembly 166 ≥ 3).
        Assert.Empty(result.Critical);
        Assert.Empty(result.NotFound);
        // The coloured widgets (Widget Assembly's lines) and Widget Template (Widget Board's) are templates that are
        // neither purchaseable nor assemblies.
        Assert.Equal(5, result.Warnings.Count);
        foreach (var name in new[] { "Red Widget", "Green Widget", "Blue Widget", "Pink Widget", "Widget Template" })
        {
            Assert.Contains(result.Warnings, w => w.Contains($"Part {name} is neither purchaseable nor an assembly", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_subassembly_used_by_two_assemblies_of_one_request_is_netted_once()
    {
        var result = await demo.CalculateAsync(CalculationOptions.Default,
            new("Doohickey", null, null, 20), new("Widget Board (assembled)", null, null, 30));

        // Doohickey: 20; 20 − 150 = −130; 0 → 150.
        Assert.Equal(150m, result.Build(87).ToBuild);
        // Widget Board (assembled): 30 asked + 150 × 1 for the Doohickeys = 180; 5 available + 100 in production → 75.
        // Netting per path would build 0 (30 − 105) + 45 (150 − 105) = 45.
        var board = result.Build(88);
        Assert.Equal((180m, 5m, 100m, 75m), (board.Needed, board.Available, board.InProduction, board.ToBuild));
        Assert.Equal(["Doohickey", "Widget Board (assembled)"], board.BelongsTo);
        // Its children follow the once-netted 75: R_220K_0603_1% 75 × 2 = 150; 2197 − 2995 = −798 → 948.
        Assert.Equal((150m, -798m, 0m, 948m), Figures(result.Order(47)));
        // 1551ABK only through the Doohickey: 150; 145 → 5.
        Assert.Equal((150m, 145m, 10m, 5m), Figures(result.Order(82)));
    }

    [Fact]
    public async Task A_variant_explodes_its_own_lines_and_the_inherited_lines_of_its_template()
    {
        var result = await demo.CalculateAsync(CalculationOptions.Default, new PartRequest("Widget Assembly Variant", null, null, 200));

        // Widget Assembly Variant: 200; 165 − 0 − 75 (SO0003) = 90; 75 (BO0016) → 35.
        var variant = Assert.Single(result.SubassembliesToBuild);
        Assert.Equal((81, 200m, 90m, 75m, 35m), (variant.Pk, variant.Needed, variant.Available, variant.InProduction, variant.ToBuild));
        Assert.Equal(
            [
                // C_1uF_0805, the variant's own line: 35 × 10 = 350; 3506 − 5055 = −1549 → 1899.
                (59, 350m, 1899m),
                // M3x8 Torx, inherited from Widget Assembly (line 7): 35 × 5 = 175; 110 → 65.
                (66, 175m, 65m),
                // R_10K_0805_1%, own line: 35 × 15 = 525, not 1050 — the template's own, non-inherited
                // R_10K line does not reach the variant; −1853 → 2378.
                (30, 525m, 2378m),
            ],
            result.PartsToOrder.Select(o => (o.Pk, o.Needed, o.ToOrder)));
        // Red and Pink Widget come through inherited lines, Blue and Green through the variant's own.
        foreach (var name in new[] { "Red Widget", "Pink Widget", "Blue Widget", "Green Widget" })
        {
            Assert.Contains(result.Warnings, w => w.Contains($"Part {name} is neither", StringComparison.Ordinal));
        }
    }

    [Theory]
    // Test Board 3: 5 − 50 = −45 available, 55 in production (BO0004 25 − 20, BO0013 50): the builds cover 10.
    [InlineData(5, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 1)]
    [InlineData(25, 15)]
    public async Task An_assembly_with_builds_running_builds_only_what_they_do_not_cover_and_stays_listed(int quantity, int toBuild)
    {
        var result = await demo.CalculateAsync(CalculationOptions.Default, new PartRequest("Test Board 3", null, null, quantity));

        var board = Assert.Single(result.SubassembliesToBuild);
        Assert.Equal((112, -45m, 55m, (decimal)toBuild), (board.Pk, board.Available, board.InProduction, board.ToBuild));
        // Only what is built is exploded: R_10K_0805_1% is 9 per board; 822 − 2675 = −1853 available, so the
        // shortfall of the existing build orders is ordered even when no board is built (§3: max(0, gross − available)).
        var resistor = result.Order(30);
        Assert.Equal((toBuild * 9m, -1853m, (toBuild * 9m) + 1853m), (resistor.Needed, resistor.Available, resistor.ToOrder));
    }

    [Fact]
    public async Task An_old_server_without_scheduled_to_build_gives_the_same_result_from_its_build_orders()
    {
        var path = TestPaths.RequireDemoDataset();
        await using var legacy = await InvenTreeHarness.StartAsync(InvenTreeFixture.Load(path),
            new EmulatorOptions { ApiVersion = 196, ServerVersion = "0.15.8" });

        var current = await demo.RunAsync(CalculationOptions.Default, MasterAssembly60);
        var old = await legacy.Calculation.RunAsync([MasterAssembly60], CalculationOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal(
            current.Result.SubassembliesToBuild.Select(b => (b.Pk, b.InProduction, b.ToBuild)),
            old.Result.SubassembliesToBuild.Select(b => (b.Pk, b.InProduction, b.ToBuild)));
        Assert.Equal(current.Result.PartsToOrder.Select(o => (o.Pk, o.ToOrder)), old.Result.PartsToOrder.Select(o => (o.Pk, o.ToOrder)));
        // One extra request for the active builds of each of the 7 assemblies, in one extra round.
        Assert.Equal((current.Requests + 7, current.Rounds + 1), (old.Requests, old.Rounds));
    }

    private static (decimal Needed, decimal Available, decimal OnOrder, decimal ToOrder) Figures(OrderRow row) =>
        (row.Needed, row.Available, row.OnOrder, row.ToOrder);
}

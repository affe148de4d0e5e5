using MonitorDashboard.Calculation;

namespace MonitorDashboard.Tests.Calculation;

/// <summary>
/// The three "in production" rules (inventree.md §3) on one hand-built tree. Template T (1) has a variant V (2), which
/// has a variant W (3); T is asked for 100 and needs 2 × Bolt (20) each. Arithmetic in the comments.
/// </summary>
public sealed class ShortageCalculatorInProductionTests
{
    private static BomDataBuilder Tree() => new BomDataBuilder()
        .Assembly(1, "T", scheduled: 60, building: 9)
        .Assembly(2, "V", variantOf: 1, scheduled: 0)
        .Assembly(3, "W", variantOf: 2)
        .Bought(20, "Bolt")
        .Bought(30, "Unrelated")
        .Line(1, 20, 2)
        .Request(1, 100)
        // Stock being built: T 5, V 7, W 11; an unrelated part 13; a part the check never fetched (99) 17.
        .BuildingStock(1, 5).BuildingStock(2, 7).BuildingStock(3, 11).BuildingStock(30, 13).BuildingStock(99, 17)
        // T's builds: Pending 20 − 4 = 16; Production 10 − 12 → 0, not −2; On Hold, Cancelled, Complete: not counted.
        .BuildOrder(1, 20, 4, status: 10)
        .BuildOrder(1, 10, 12, status: 20)
        .BuildOrder(1, 30, 0, status: 25)
        .BuildOrder(1, 40, 0, status: 30)
        .BuildOrder(1, 50, 0, status: 40)
        // V's own build counts for V only (builds are the part's own, not its variants').
        .BuildOrder(2, 8, 1, status: 20);

    [Fact]
    public void Scheduled_is_the_default_and_uses_scheduled_to_build()
    {
        var result = Tree().Calculate();

        // 100 − (0 + 60) = 40 to build; 2 × 40 = 80 bolts.
        Assert.Equal((60m, 40m), (result.Build(1).InProduction, result.Build(1).ToBuild));
        Assert.Equal(80m, result.Order(20).ToOrder);
    }

    [Fact]
    public void Building_uses_the_parts_building_field()
    {
        var result = Tree().Calculate(new CalculationOptions { InProduction = InProductionRule.Building });

        // 100 − 9 = 91; 2 × 91 = 182 bolts.
        Assert.Equal((9m, 91m), (result.Build(1).InProduction, result.Build(1).ToBuild));
        Assert.Equal(182m, result.Order(20).ToOrder);
    }

    [Fact]
    public void Legacy_counts_stock_being_built_of_the_part_and_its_variants_plus_what_pending_and_running_builds_still_make()
    {
        var result = Tree().Calculate(new CalculationOptions { InProduction = InProductionRule.Legacy });

        // Stock 5 + 7 + 11 = 23 (T, V, W); builds 16 + 0 = 16 → 39. 100 − 39 = 61; 2 × 61 = 122 bolts.
        Assert.Equal((39m, 61m), (result.Build(1).InProduction, result.Build(1).ToBuild));
        Assert.Equal(122m, result.Order(20).ToOrder);
    }

    [Fact]
    public void Legacy_gives_each_variant_its_own_stock_and_builds()
    {
        var data = Tree().Request(2, 1).Request(3, 1).Build();

        var result = new ShortageCalculator().Calculate(data, new CalculationOptions { InProduction = InProductionRule.Legacy });

        // V: stock 7 + 11 (W is V's variant) + its build 8 − 1 = 7 → 25. W: 11.
        Assert.Equal(25m, result.Build(2).InProduction);
        Assert.Equal(11m, result.Build(3).InProduction);
    }

    [Fact]
    public void Legacy_with_only_finished_or_cancelled_builds_counts_nothing()
    {
        var result = new BomDataBuilder()
            .Assembly(1, "T")
            .Request(1, 10)
            .BuildOrder(1, 40, 0, status: 30)
            .BuildOrder(1, 50, 10, status: 40)
            .Calculate(new CalculationOptions { InProduction = InProductionRule.Legacy });

        Assert.Equal((0m, 10m), (result.Build(1).InProduction, result.Build(1).ToBuild));
    }

    [Fact]
    public void The_rule_names_are_the_ones_the_cli_and_presets_json_accept()
    {
        Assert.Equal(["scheduled", "building", "legacy"], InProductionRules.Names);
        Assert.Equal(InProductionRules.Names, Enum.GetValues<InProductionRule>().Select(r => r.Name()));
        Assert.Equal(InProductionRules.Names, MonitorDashboard.Presets.InProductionNames.All);
        Assert.True(InProductionRules.TryParse("legacy", out var legacy));
        Assert.Equal(InProductionRule.Legacy, legacy);
        Assert.False(InProductionRules.TryParse("Legacy", out _));
        Assert.False(InProductionRules.TryParse("old_gui", out _));
        Assert.False(InProductionRules.TryParse(null, out _));
        Assert.Equal("scheduled, building or legacy", InProductionRules.Choices);
    }
}

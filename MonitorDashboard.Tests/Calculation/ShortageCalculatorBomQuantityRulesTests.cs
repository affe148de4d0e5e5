namespace MonitorDashboard.Tests.Calculation;

/// <summary>
/// The netting with InvenTree's own BOM quantities (attrition, setup quantity, rounding multiple): every exploded
/// line requires what InvenTree's build orders would require for the quantity actually built.
/// </summary>
public sealed class ShortageCalculatorBomQuantityRulesTests
{
    [Fact]
    public void A_shared_subassembly_gets_one_setup_per_line_not_one_per_path()
    {
        // A ×4 and B ×3 both use S ×1; S has 2 in stock → netted once: gross 7, build 5.
        // S's lines: X ×2 with setup 5 → 5 × 2 + 5 = 15; Y ×1 on reels of 10 → 5 → 10.
        // (Per path, S would be built as 2 and 1 with a setup and a reel each: X 4 + 5 + 2 + 5 = 16, Y 10 + 10 = 20.)
        var result = new BomDataBuilder()
            .Assembly(1, "A").Assembly(2, "B").Assembly(3, "S", stock: 2).Bought(4, "X").Bought(5, "Y")
            .Line(1, 3, 1).Line(2, 3, 1)
            .Line(3, 4, 2, setup: 5).Line(3, 5, 1, roundingMultiple: 10)
            .Request(1, 4).Request(2, 3)
            .Calculate();

        Assert.Equal((7m, 5m), (result.Build(3).Needed, result.Build(3).ToBuild));
        Assert.Equal((15m, 15m), (result.Order(4).Needed, result.Order(4).ToOrder));
        Assert.Equal((10m, 10m), (result.Order(5).Needed, result.Order(5).ToOrder));
    }

    [Fact]
    public void Setup_quantities_on_the_lines_into_a_shared_subassembly_add_up_per_parent()
    {
        // A ×4 uses S ×1 with setup 1 → 5; B ×3 uses S ×1 with setup 2 → 5. gross(S) = 10, none in stock → build 10;
        // S → X ×1 with setup 3 → 10 + 3 = 13 (one setup: S is one build quantity, not two).
        var result = new BomDataBuilder()
            .Assembly(1, "A").Assembly(2, "B").Assembly(3, "S").Bought(4, "X")
            .Line(1, 3, 1, setup: 1).Line(2, 3, 1, setup: 2).Line(3, 4, 1, setup: 3)
            .Request(1, 4).Request(2, 3)
            .Calculate();

        Assert.Equal(10m, result.Build(3).ToBuild);
        Assert.Equal(13m, result.Order(4).ToOrder);
    }

    [Fact]
    public void An_assembly_with_nothing_to_build_requires_nothing_from_its_lines_not_even_their_setup()
    {
        // A ×3 with 5 in stock → build 0. Its line to X carries setup 10 and a reel of 100: X needs 0, orders nothing.
        // The line to C (no stock, no rules) orders nothing either.
        var result = new BomDataBuilder()
            .Assembly(1, "A", stock: 5).Bought(2, "X").Bought(3, "C")
            .Line(1, 2, 1, attrition: 10, setup: 10, roundingMultiple: 100).Line(1, 3, 1)
            .Request(1, 3)
            .Calculate();

        Assert.Empty(result.SubassembliesToBuild);
        Assert.Empty(result.PartsToOrder);
    }

    [Fact]
    public void Builds_already_running_are_not_given_another_setup()
    {
        // A ×4, 1 in stock + 3 in production → build 0 (row kept for the running build); X (setup 6) needs nothing.
        var result = new BomDataBuilder()
            .Assembly(1, "A", stock: 1, scheduled: 3).Bought(2, "X")
            .Line(1, 2, 2, setup: 6)
            .Request(1, 4)
            .Calculate();

        Assert.Equal(0m, result.Build(1).ToBuild);
        Assert.False(result.Orders(2));
    }

    [Fact]
    public void Rules_apply_to_the_net_quantity_at_every_level()
    {
        // T ×10, 1 in stock → build 9. T → M ×2 with setup 1 → 9 × 2 + 1 = 19; M has 4 → build 15.
        // M → R ×3 with 10 % attrition → 45 × 1.1 = 49.5; R has 5 in stock → order 44.5.
        // M → P ×1 on panels of 10 → 15 → 20; P has 3 → order 17.
        var result = new BomDataBuilder()
            .Assembly(1, "T", stock: 1).Assembly(2, "M", stock: 4).Bought(3, "R", stock: 5).Bought(4, "P", stock: 3)
            .Line(1, 2, 2, setup: 1).Line(2, 3, 3, attrition: 10).Line(2, 4, 1, roundingMultiple: 10)
            .Request(1, 10)
            .Calculate();

        Assert.Equal(9m, result.Build(1).ToBuild);
        Assert.Equal((19m, 15m), (result.Build(2).Needed, result.Build(2).ToBuild));
        Assert.Equal((49.5m, 44.5m), (result.Order(3).Needed, result.Order(3).ToOrder));
        Assert.Equal((20m, 17m), (result.Order(4).Needed, result.Order(4).ToOrder));
    }

    [Fact]
    public void Lines_from_a_server_older_than_api_371_require_plain_quantity_times_build()
    {
        // No attrition, setup or rounding sent: A ×6 → X = 6 × 2.5 = 15.
        var result = new BomDataBuilder()
            .Assembly(1, "A").Bought(2, "X")
            .Line(1, 2, 2.5m)
            .Request(1, 6)
            .Calculate();

        Assert.Equal(15m, result.Order(2).ToOrder);
    }
}

using MonitorDashboard.Calculation;

namespace MonitorDashboard.Tests.Calculation;

/// <summary>Bad data becomes warnings or "not found" entries, and the rest is still calculated.</summary>
public sealed class ShortageCalculatorDataProblemsTests
{
    [Fact]
    public void Cycle_is_reported_and_the_rest_of_the_tree_is_calculated()
    {
        // A → B ×1, B → C ×2, C → B ×1 (closes the cycle, ignored), B → X ×3, C → Y ×1. A ×2:
        // A builds 2; B = 2 → builds 2; X = 2 × 3 = 6; C = 2 × 2 = 4 → builds 4; Y = 4 × 1 = 4.
        var result = new BomDataBuilder()
            .Assembly(1, "A").Assembly(2, "B").Assembly(3, "C").Bought(4, "X").Bought(5, "Y")
            .Line(1, 2, 1).Line(2, 3, 2).Line(3, 2, 1).Line(2, 4, 3).Line(3, 5, 1)
            .Request(1, 2)
            .Calculate();

        Assert.Contains(result.Warnings, w => w.StartsWith("BOM cycle: B → C → B", StringComparison.Ordinal));
        Assert.Equal(2m, result.Build(2).ToBuild);
        Assert.Equal(4m, result.Build(3).ToBuild);
        Assert.Equal(6m, result.Order(4).ToOrder);
        Assert.Equal(4m, result.Order(5).ToOrder);
    }

    [Fact]
    public void Assembly_listing_itself_is_a_cycle()
    {
        // A → A ignored; A ×1 → X ×2 = 2.
        var result = new BomDataBuilder()
            .Assembly(1, "A").Bought(2, "X")
            .Line(1, 1, 1).Line(1, 2, 2)
            .Request(1, 1)
            .Calculate();

        Assert.Contains(result.Warnings, w => w.StartsWith("BOM cycle: A → A", StringComparison.Ordinal));
        Assert.Equal(2m, result.Order(2).ToOrder);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Line_without_a_positive_quantity_is_skipped_with_a_warning(int quantity)
    {
        // A → X ×quantity skipped; A → Z ×1 → 1.
        var result = new BomDataBuilder()
            .Assembly(1, "Frame").Bought(2, "Bolt").Bought(3, "Z")
            .Line(1, 2, quantity).Line(1, 3, 1)
            .Request(1, 1)
            .Calculate();

        var warning = Assert.Single(result.Warnings);
        Assert.Contains("Frame → Bolt", warning, StringComparison.Ordinal);
        Assert.Contains($"quantity {quantity}", warning, StringComparison.Ordinal);
        Assert.False(result.Orders(2));
        Assert.Equal(1m, result.Order(3).ToOrder);
    }

    [Fact]
    public void Line_to_an_unknown_part_is_skipped_with_a_warning()
    {
        var result = new BomDataBuilder()
            .Assembly(1, "Frame").Bought(99, "Ghost").Bought(3, "Z")
            .Line(1, 99, 1).Line(1, 3, 1)
            .Forget(99)
            .Request(1, 1)
            .Calculate();

        var warning = Assert.Single(result.Warnings);
        Assert.Contains("Frame", warning, StringComparison.Ordinal);
        Assert.Contains("#99", warning, StringComparison.Ordinal);
        Assert.Equal(1m, result.Order(3).ToOrder);
    }

    [Fact]
    public void Part_neither_purchaseable_nor_assembly_is_warned_about_once_and_not_listed()
    {
        // N is used by A and B: one warning, no row, although 2 are missing.
        var result = new BomDataBuilder()
            .Assembly(1, "A").Assembly(2, "B").Part(3, "Nameplate")
            .Line(1, 3, 1).Line(2, 3, 1)
            .Request(1, 1).Request(2, 1)
            .Calculate();

        var warning = Assert.Single(result.Warnings);
        Assert.Contains("Nameplate", warning, StringComparison.Ordinal);
        Assert.False(result.Orders(3));
        Assert.False(result.Builds(3));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Assembly_without_bom_lines_is_built_with_a_warning(bool emptyListPresent)
    {
        // S ×2, none in stock → build 2 (there is simply nothing below it).
        var builder = new BomDataBuilder().Assembly(1, "S").Request(1, 2);
        if (emptyListPresent)
        {
            builder.EmptyBom(1);
        }

        var result = builder.Calculate();

        Assert.Equal(["Assembly S has no BOM lines"], result.Warnings);
        Assert.Equal(2m, result.Build(1).ToBuild);
    }

    [Fact]
    public void Unknown_and_ambiguous_names_are_reported_as_not_found()
    {
        var result = new BomDataBuilder()
            .Bought(1, "Widget").Bought(2, "Widget").Bought(3, "Known")
            .RequestByName("Widget", 1, [1, 2])
            .RequestByName("Nope", 1, [])
            .RequestByName("Nope", 1, [], revision: "B")
            .Request(3, 1)
            .Calculate();

        Assert.Equal(
            [new NotFoundPart("Widget", null, 2), new NotFoundPart("Nope", null, 0), new NotFoundPart("Nope", "B", 0)],
            result.NotFound);
        Assert.Equal([3], result.PartsToOrder.Select(r => r.Pk));
    }

    [Fact]
    public void Unknown_pk_is_reported_by_its_label()
    {
        var data = new BomDataBuilder().Build() with
        {
            TopLevel = [new ResolvedRequest(new PartRequest(null, null, 77, 1), [])],
        };

        var result = new ShortageCalculator().Calculate(data, CalculationOptions.Default);

        Assert.Equal([new NotFoundPart("#77", null, 0)], result.NotFound);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Top_level_request_without_a_positive_quantity_is_ignored_with_a_warning(int quantity)
    {
        // X would be critical (1 < 5) if it were part of the tree; it is not.
        var result = new BomDataBuilder()
            .Bought(1, "X", stock: 1, minimum: 5)
            .Request(1, quantity)
            .Calculate();

        var warning = Assert.Single(result.Warnings);
        Assert.Contains("X", warning, StringComparison.Ordinal);
        Assert.Empty(result.PartsToOrder);
        Assert.Empty(result.Critical);
    }

    [Fact]
    public void Empty_data_gives_an_empty_result()
    {
        var result = new BomDataBuilder().Calculate();

        Assert.Empty(result.PartsToOrder);
        Assert.Empty(result.SubassembliesToBuild);
        Assert.Empty(result.Critical);
        Assert.Empty(result.NotFound);
        Assert.Empty(result.Warnings);
    }
}

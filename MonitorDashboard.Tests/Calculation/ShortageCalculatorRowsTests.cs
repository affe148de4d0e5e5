using MonitorDashboard.Calculation;

namespace MonitorDashboard.Tests.Calculation;

/// <summary>What the rows carry, the critical list, substitutes and the sort order.</summary>
public sealed class ShortageCalculatorRowsTests
{
    [Fact]
    public void Order_row_carries_the_part_figures()
    {
        // Widget@B ×3 → Screw ×4 = 12; available 20 − 6 − 4 = 10 → order 2 (7 on order, shown only).
        var result = new BomDataBuilder()
            .Assembly(1, "Widget", revision: "B")
            .Part(2, "Screw", stock: 20, purchaseable: true, rbo: 6, rso: 4, ordering: 7, ipn: "SCR-01", revision: "2")
            .Line(1, 2, 4)
            .Request(1, 3)
            .Calculate();

        var row = result.Order(2);
        Assert.Equal(
            (2, "Screw", "SCR-01", "2", false, false, 12m, 20m, 6m, 4m, 10m, 7m, 2m),
            (row.Pk, row.Name, row.Ipn, row.Revision, row.Optional, row.Consumable, row.Needed, row.TotalInStock,
                row.RequiredForBuildOrders, row.RequiredForSalesOrders, row.Available, row.OnOrder, row.ToOrder));
        Assert.Equal(["Widget@B"], row.BelongsTo);
        Assert.Empty(row.Substitutes);
    }

    [Fact]
    public void Critical_lists_every_part_of_the_tree_below_minimum_stock()
    {
        // A (10 in stock) covers A ×1, so nothing below it is needed; critical anyway:
        // Y: 2 < 3 (available 2 − 1 = 1); top-level X: 1 < 5 although its own demand 1 is covered.
        // Not critical: Z with 5 = minimum 5, W with no minimum.
        var result = new BomDataBuilder()
            .Assembly(1, "A", stock: 10).Part(2, "Y", stock: 2, purchaseable: true, rso: 1, minimum: 3)
            .Bought(3, "Z", stock: 5, minimum: 5).Bought(4, "W").Bought(5, "X", stock: 1, minimum: 5)
            .Line(1, 2, 1).Line(1, 3, 1).Line(1, 4, 1)
            .Request(1, 1).Request(5, 1)
            .Calculate();

        Assert.Equal(
            [new CriticalPart(5, "X", null, 1m, 1m, 5m), new CriticalPart(2, "Y", null, 2m, 1m, 3m)],
            result.Critical);
        Assert.Empty(result.PartsToOrder);
    }

    [Fact]
    public void Substitutes_of_the_lines_into_a_part_are_listed_once_with_their_available_stock()
    {
        // A → X with substitutes Beta, Alpha; B → X with Beta again. Beta: 4 − 1 = 3; Alpha: 0.
        var result = new BomDataBuilder()
            .Assembly(1, "A").Assembly(2, "B").Bought(3, "X")
            .Bought(4, "Beta", stock: 4, rso: 1).Bought(5, "Alpha")
            .Line(1, 3, 1, substitutes: [4, 5]).Line(2, 3, 1, substitutes: [4])
            .Request(1, 1).Request(2, 1)
            .Calculate();

        Assert.Equal([new SubstituteInfo(5, "Alpha", 0m), new SubstituteInfo(4, "Beta", 3m)], result.Order(3).Substitutes);
        // Substitutes are not demand: they are not ordered.
        Assert.Equal([3], result.PartsToOrder.Select(r => r.Pk));
    }

    [Fact]
    public void Unknown_substitute_is_left_out_with_a_warning()
    {
        var result = new BomDataBuilder()
            .Assembly(1, "A").Bought(3, "X")
            .Line(1, 3, 1, substitutes: [41, 42])
            .Request(1, 1)
            .Calculate();

        Assert.Empty(result.Order(3).Substitutes);
        Assert.Equal(2, result.Warnings.Count(w => w.Contains("Substitute", StringComparison.Ordinal)));
    }

    [Fact]
    public void Rows_are_sorted_by_name_ignoring_case_then_by_pk()
    {
        var result = new BomDataBuilder()
            .Assembly(100, "Top")
            .Bought(1, "clip").Bought(5, "bolt").Bought(3, "Bolt").Bought(9, "Anchor").Bought(4, "Bolt")
            .Line(100, 1, 1).Line(100, 5, 1).Line(100, 3, 1).Line(100, 9, 1).Line(100, 4, 1)
            .Request(100, 1)
            .Calculate();

        Assert.Equal([9, 3, 4, 5, 1], result.PartsToOrder.Select(r => r.Pk));
    }

    [Fact]
    public void Same_input_gives_the_same_result()
    {
        var builder = new BomDataBuilder()
            .Assembly(1, "A").Assembly(2, "B").Part(3, "N").Bought(4, "X", minimum: 1)
            .Line(1, 2, 1).Line(2, 1, 1).Line(1, 3, 0).Line(2, 3, 1).Line(2, 4, 2)
            .Request(1, 1).RequestByName("Gone", 1, []);
        var data = builder.Build();
        var calculator = new ShortageCalculator();

        var first = calculator.Calculate(data, CalculationOptions.Default);
        var second = calculator.Calculate(data, CalculationOptions.Default);

        Assert.Equal(first.Warnings, second.Warnings);
        Assert.Equal(3, first.Warnings.Count);
        Assert.Equal(first.PartsToOrder.Select(r => (r.Pk, r.ToOrder)), second.PartsToOrder.Select(r => (r.Pk, r.ToOrder)));
        Assert.Equal(first.Critical, second.Critical);
        Assert.Equal(first.NotFound, second.NotFound);
    }
}

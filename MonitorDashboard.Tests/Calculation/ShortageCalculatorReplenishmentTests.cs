using MonitorDashboard.Calculation;

namespace MonitorDashboard.Tests.Calculation;

/// <summary>"Replenish to minimum stock" through the whole calculation, hand-computed.</summary>
public sealed class ShortageCalculatorReplenishmentTests
{
    private static readonly CalculationOptions Replenish = new() { ReplenishToMinimum = true };

    /// <summary>
    /// A ×4 and B ×3 both use X ×2. X: 10 in stock, minimum 12; Y: 40 in stock, minimum 20, used by A ×5;
    /// Z: used by B ×1, no minimum.
    /// </summary>
    private static BomDataBuilder Tree() => new BomDataBuilder()
        .Assembly(1, "A").Assembly(2, "B")
        .Bought(3, "X", stock: 10, minimum: 12).Bought(4, "Y", stock: 40, minimum: 20).Bought(5, "Z", stock: 1)
        .Line(1, 3, 2).Line(2, 3, 2).Line(1, 4, 5).Line(2, 5, 1)
        .Request(1, 4).Request(2, 3);

    [Fact]
    public void A_part_used_by_two_assemblies_is_replenished_once_after_all_its_demand()
    {
        // gross(X) = 4 × 2 + 3 × 2 = 14; demand 14 − 10 = 4; back to 12 after the demand: 14 + 12 − 10 = 16, so 12 more.
        // (Replenishing per path would ask for the 12 twice.)
        var x = Tree().Calculate(Replenish).Order(3);

        Assert.Equal((14m, 16m, 4m, 12m, 12m), (x.Needed, x.ToOrder, x.ForDemand, x.Replenishment, x.MinimumStock));
    }

    [Fact]
    public void A_part_still_above_its_minimum_after_the_demand_is_not_ordered()
    {
        // gross(Y) = 4 × 5 = 20; 40 − 20 = 20 = its minimum: nothing to order, with or without the option.
        var result = Tree().Calculate(Replenish);

        Assert.False(result.Orders(4));
    }

    [Fact]
    public void A_part_without_a_minimum_orders_only_its_demand()
    {
        // gross(Z) = 3 × 1 = 3; 3 − 1 = 2, no minimum.
        var z = Tree().Calculate(Replenish).Order(5);

        Assert.Equal((2m, 2m, 0m), (z.ToOrder, z.ForDemand, z.Replenishment));
    }

    [Fact]
    public void Off_by_default_the_numbers_rows_and_hash_are_todays()
    {
        var off = Tree().Calculate();
        var explicitlyOff = Tree().Calculate(new CalculationOptions { ReplenishToMinimum = false });

        // X: 14 − 10 = 4; Z: 2; Y: none. X (10 in stock, minimum 12) is critical either way.
        Assert.Equal([(3, 4m, 0m), (5, 2m, 0m)], off.PartsToOrder.Select(o => (o.Pk, o.ToOrder, o.Replenishment)));
        Assert.False(off.Replenishes);
        Assert.Equal("""{"to_order":[[3,4],[5,2]],"to_build":[[1,4],[2,3]],"critical":[[3,10,12]],"not_found":[]}""", SignificantResult.CanonicalJson(off));
        Assert.Equal(SignificantResult.Hash(off), SignificantResult.Hash(explicitlyOff));
        Assert.NotEqual(SignificantResult.Hash(off), SignificantResult.Hash(Tree().Calculate(Replenish)));
    }

    [Fact]
    public void A_part_only_below_its_minimum_becomes_an_order_line_and_stays_critical()
    {
        // A ×2 with 5 in stock builds nothing, so W (3 in stock, minimum 10) has no demand: today only critical;
        // with the option 10 − 3 = 7 to order, all of it replenishment.
        var data = new BomDataBuilder()
            .Assembly(1, "A", stock: 5).Bought(2, "W", stock: 3, minimum: 10)
            .Line(1, 2, 1)
            .Request(1, 2);

        var today = data.Calculate();
        var replenished = data.Calculate(Replenish);

        Assert.False(today.Orders(2));
        Assert.Equal(2, Assert.Single(today.Critical).Pk);
        var w = replenished.Order(2);
        Assert.Equal((0m, 7m, 0m, 7m), (w.Needed, w.ToOrder, w.ForDemand, w.Replenishment));
        Assert.Equal(2, Assert.Single(replenished.Critical).Pk);
        Assert.True(replenished.Replenishes);
    }

    [Fact]
    public void Parts_on_order_count_against_the_minimum_only_with_count_on_order()
    {
        // W: 3 in stock, 5 on order, minimum 10, no demand. Not counted: 7; counted: 10 − 3 − 5 = 2.
        var data = new BomDataBuilder()
            .Assembly(1, "A", stock: 5).Bought(2, "W", stock: 3, minimum: 10, ordering: 5)
            .Line(1, 2, 1)
            .Request(1, 2);

        Assert.Equal(7m, data.Calculate(Replenish).Order(2).Replenishment);
        Assert.Equal(2m, data.Calculate(Replenish with { CountOnOrder = true }).Order(2).Replenishment);
    }

    [Fact]
    public void An_assembly_below_its_minimum_is_not_built_up_to_it_and_stays_critical()
    {
        // S: 2 in stock, minimum 10, requested 1: built 0 with or without the option; its child C is not needed.
        var result = new BomDataBuilder()
            .Assembly(1, "S", stock: 2, minimum: 10).Bought(2, "C", stock: 100)
            .Line(1, 2, 1)
            .Request(1, 1)
            .Calculate(Replenish);

        Assert.False(result.Builds(1));
        Assert.False(result.Orders(2));
        Assert.Equal(1, Assert.Single(result.Critical).Pk);
    }

    [Fact]
    public void Display_filters_hide_replenishment_lines_like_any_other()
    {
        // W: consumable, no demand, below minimum: ordered with the option, but hidden with hide consumables.
        var data = new BomDataBuilder()
            .Assembly(1, "A", stock: 5).Bought(2, "W", stock: 3, minimum: 10)
            .Line(1, 2, 1, consumable: true)
            .Request(1, 2);

        Assert.True(data.Calculate(Replenish).Orders(2));
        Assert.False(data.Calculate(Replenish with { HideConsumables = true }).Orders(2));
    }
}

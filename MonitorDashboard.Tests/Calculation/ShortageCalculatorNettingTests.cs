using MonitorDashboard.Calculation;

namespace MonitorDashboard.Tests.Calculation;

/// <summary>The quantities: gross, netting once per part, explosion, on-order, decimals.</summary>
public sealed class ShortageCalculatorNettingTests
{
    [Fact]
    public void Shared_subassembly_is_netted_once_against_its_stock()
    {
        // A ×4 and B ×3 both use S ×1 (S has 5 in stock); S uses X ×2.
        // Once: gross(S) = 4 + 3 = 7, to_build(S) = 7 − 5 = 2, gross(X) = 2 × 2 = 4, to_order(X) = 4.
        // (Per path would net 4 − 5 and 3 − 5 separately, use the 5 twice, and order nothing.)
        var result = new BomDataBuilder()
            .Assembly(1, "A").Assembly(2, "B").Assembly(3, "S", stock: 5).Bought(4, "X")
            .Line(1, 3, 1).Line(2, 3, 1).Line(3, 4, 2)
            .Request(1, 4).Request(2, 3)
            .Calculate();

        var s = result.Build(3);
        Assert.Equal(7m, s.Needed);
        Assert.Equal(2m, s.ToBuild);
        var x = result.Order(4);
        Assert.Equal(4m, x.Needed);
        Assert.Equal(4m, x.ToOrder);
        Assert.Equal(["A", "B"], x.BelongsTo);
    }

    [Fact]
    public void Three_level_tree_explodes_only_the_net_quantity_of_each_level()
    {
        // T ×10 (1 in stock) → to_build 9; M = 9 × 2 = 18 (3 in stock) → 15;
        // L = 15 × 3 = 45 (none) → 45; R = 45 × 4 = 180 (5 in stock) → order 175.
        var result = new BomDataBuilder()
            .Assembly(1, "T", stock: 1).Assembly(2, "M", stock: 3).Assembly(3, "L").Bought(4, "R", stock: 5)
            .Line(1, 2, 2).Line(2, 3, 3).Line(3, 4, 4)
            .Request(1, 10)
            .Calculate();

        Assert.Equal(9m, result.Build(1).ToBuild);
        Assert.Equal((18m, 15m), (result.Build(2).Needed, result.Build(2).ToBuild));
        Assert.Equal((45m, 45m), (result.Build(3).Needed, result.Build(3).ToBuild));
        Assert.Equal((180m, 175m), (result.Order(4).Needed, result.Order(4).ToOrder));
    }

    [Theory]
    // 4 − (2 in stock + 3 in production) < 0 → build 0, but the running build stays visible; C gets 0.
    [InlineData(4, 0, false)]
    // 10 − (2 + 3) = 5 to build; C = 5 × 5 = 25 to order.
    [InlineData(10, 5, true)]
    public void Stock_in_production_reduces_what_is_built_and_keeps_the_row(decimal qty, decimal toBuild, bool ordersC)
    {
        var result = new BomDataBuilder()
            .Assembly(1, "A", stock: 2, scheduled: 3).Bought(2, "C")
            .Line(1, 2, 5)
            .Request(1, qty)
            .Calculate();

        var a = result.Build(1);
        Assert.Equal(3m, a.InProduction);
        Assert.Equal(toBuild, a.ToBuild);
        Assert.Equal(ordersC, result.Orders(2));
        if (ordersC)
        {
            Assert.Equal(25m, result.Order(2).ToOrder);
        }
    }

    [Fact]
    public void Assembly_without_demand_or_production_gets_no_row()
    {
        // A ×1 with 5 in stock: to_build 0, in production 0 → no row.
        var result = new BomDataBuilder().Assembly(1, "A", stock: 5).Bought(2, "C").Line(1, 2, 1).Request(1, 1).Calculate();

        Assert.Empty(result.SubassembliesToBuild);
        Assert.Empty(result.PartsToOrder);
    }

    [Fact]
    public void Purchaseable_assembly_is_built_not_ordered()
    {
        // P ×3 (assembly and purchaseable, 1 in stock) → build 2; C = 2 × 2 = 4 to order.
        var result = new BomDataBuilder()
            .Assembly(1, "P", stock: 1, purchaseable: true).Bought(2, "C")
            .Line(1, 2, 2)
            .Request(1, 3)
            .Calculate();

        Assert.Equal(2m, result.Build(1).ToBuild);
        Assert.False(result.Orders(1));
        Assert.Equal(4m, result.Order(2).ToOrder);
    }

    [Fact]
    public void Variant_uses_the_inherited_lines_of_its_template()
    {
        // V's list: the template T's inherited line T→C ×2 and its own line V→D ×1. V ×3:
        // C = 3 × 2 = 6, D = 3 × 1 = 3. T itself is not part of the tree.
        var result = new BomDataBuilder()
            .Assembly(10, "Template").Assembly(11, "Variant", variantOf: 10).Bought(20, "C").Bought(21, "D")
            .Line(10, 20, 2)
            .Line(11, 20, 2, definedOn: 10).Line(11, 21, 1)
            .Request(11, 3)
            .Calculate();

        Assert.Equal(6m, result.Order(20).ToOrder);
        Assert.Equal(3m, result.Order(21).ToOrder);
        Assert.Equal(["Variant"], result.Order(20).BelongsTo);
        Assert.False(result.Builds(10));
    }

    [Theory]
    // gross 10, 2 in stock, 5 on order. Off: 10 − 2 = 8. On: 10 − 2 − 5 = 3.
    [InlineData(5, false, 8)]
    [InlineData(5, true, 3)]
    // On with 20 on order: 10 − 2 − 20 < 0 → nothing to order.
    [InlineData(20, true, 0)]
    public void Count_on_order_subtracts_open_purchase_orders(decimal ordering, bool countOnOrder, decimal toOrder)
    {
        var result = new BomDataBuilder()
            .Assembly(1, "A").Bought(2, "X", stock: 2, ordering: ordering)
            .Line(1, 2, 10)
            .Request(1, 1)
            .Calculate(new CalculationOptions { CountOnOrder = countOnOrder });

        Assert.Equal(toOrder > 0, result.Orders(2));
        if (toOrder > 0)
        {
            Assert.Equal(toOrder, result.Order(2).ToOrder);
            Assert.Equal(ordering, result.Order(2).OnOrder);
        }
    }

    [Fact]
    public void Same_part_requested_twice_adds_up()
    {
        // X asked 2 by pk and 3 by name: gross 5, 1 in stock → order 4.
        var result = new BomDataBuilder()
            .Bought(1, "X", stock: 1)
            .Request(1, 2).RequestByName("X", 3, [1])
            .Calculate();

        Assert.Equal((5m, 4m), (result.Order(1).Needed, result.Order(1).ToOrder));
    }

    [Fact]
    public void Demand_from_other_orders_makes_available_negative_and_adds_to_the_shortage()
    {
        // X: 10 in stock − 8 for builds − 5 for sales = −3 available; gross 4 → order 4 − (−3) = 7.
        // S: 2 in stock − 4 for sales = −2; S ×1 → build 1 − (−2) = 3.
        var result = new BomDataBuilder()
            .Assembly(1, "A").Bought(2, "X", stock: 10, rbo: 8, rso: 5)
            .Part(3, "S", stock: 2, assembly: true, rso: 4)
            .Line(1, 2, 1)
            .Request(1, 4).Request(3, 1)
            .Calculate();

        var x = result.Order(2);
        Assert.Equal(-3m, x.Available);
        Assert.Equal(7m, x.ToOrder);
        Assert.Equal((-2m, 3m), (result.Build(3).Available, result.Build(3).ToBuild));
    }

    [Fact]
    public void Decimal_quantities_are_never_rounded()
    {
        // A ×7: X = 7 × 0.25 = 1.75; B = 7 × 0.5 = 3.5 → build 3.5; Y = 3.5 × 0.125 = 0.4375.
        var result = new BomDataBuilder()
            .Assembly(1, "A").Assembly(2, "B").Bought(3, "X").Bought(4, "Y")
            .Line(1, 3, 0.25m).Line(1, 2, 0.5m).Line(2, 4, 0.125m)
            .Request(1, 7)
            .Calculate();

        Assert.Equal(1.75m, result.Order(3).ToOrder);
        Assert.Equal(3.5m, result.Build(2).ToBuild);
        Assert.Equal(0.4375m, result.Order(4).ToOrder);
    }

    [Fact]
    public void Two_lines_to_the_same_part_both_count()
    {
        // A ×2 lists X twice (×1 and ×3): gross = 2 × 1 + 2 × 3 = 8.
        var result = new BomDataBuilder()
            .Assembly(1, "A").Bought(2, "X")
            .Line(1, 2, 1).Line(1, 2, 3)
            .Request(1, 2)
            .Calculate();

        Assert.Equal(8m, result.Order(2).ToOrder);
    }
}

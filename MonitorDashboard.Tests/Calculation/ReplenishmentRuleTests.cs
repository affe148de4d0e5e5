using MonitorDashboard.Calculation;

namespace MonitorDashboard.Tests.Calculation;

/// <summary>Hand-computed: for demand = max(0, gross − available − coming); total = max(0, gross + minimum − available − coming).</summary>
public sealed class ReplenishmentRuleTests
{
    [Theory]
    // No minimum: only the demand, 30 − 10 = 20.
    [InlineData(30, 10, 0, 0, false, 20, 0)]
    // Still above the minimum after the demand: 100 − 30 = 70 ≥ 50, nothing to order.
    [InlineData(30, 100, 0, 50, false, 0, 0)]
    // Exactly at the minimum after the demand: 80 − 30 = 50, nothing to order.
    [InlineData(30, 80, 0, 50, false, 0, 0)]
    // The demand eats into the minimum: 100 − 60 = 40, so 10 back up to 50; nothing for the demand itself.
    [InlineData(60, 100, 0, 50, false, 0, 10)]
    // Short and below: 30 − 20 = 10 for the demand, then 50 more to end at the minimum (20 − 30 + 60 = 50).
    [InlineData(30, 20, 0, 50, false, 10, 50)]
    // No demand at all, below the minimum (today only "critical"): 20 − 5 = 15.
    [InlineData(0, 5, 0, 20, false, 0, 15)]
    // Negative available (orders promised more than stock): 10 + 9 = 19 for the demand, 5 for the minimum.
    [InlineData(10, -9, 0, 5, false, 19, 5)]
    // On order is not counted unless asked: the 25 on order change nothing.
    [InlineData(30, 20, 25, 50, false, 10, 50)]
    // Counted: 25 on order cover the demand's 10 and 15 of the minimum: 30 + 50 − 20 − 25 = 35, all replenishment.
    [InlineData(30, 20, 25, 50, true, 0, 35)]
    // Counted and plenty on order: nothing to order.
    [InlineData(30, 20, 100, 50, true, 0, 0)]
    // Decimals stay exact: 1.25 + 4 − 2.5 = 2.75.
    [InlineData(1.25, 2.5, 0, 4, false, 0, 2.75)]
    public void The_order_is_split_into_demand_and_replenishment(
        decimal gross, decimal available, decimal ordering, decimal minimum, bool countOnOrder, decimal forDemand, decimal replenishment)
    {
        var order = ReplenishmentRule.For(gross, available, ordering, minimum, countOnOrder, replenish: true);

        Assert.Equal((forDemand, replenishment), (order.ForDemand, order.Replenishment));
        Assert.Equal(forDemand + replenishment, order.Total);
    }

    [Theory]
    [InlineData(30, 20, 0, 50, false, 10)]
    [InlineData(0, 5, 0, 20, false, 0)]
    [InlineData(30, 20, 25, 50, true, 0)]
    [InlineData(30, 20, 25, 50, false, 10)]
    public void Off_it_orders_exactly_what_the_demand_needs(
        decimal gross, decimal available, decimal ordering, decimal minimum, bool countOnOrder, decimal toOrder)
    {
        var order = ReplenishmentRule.For(gross, available, ordering, minimum, countOnOrder, replenish: false);

        Assert.Equal(new OrderQuantity(toOrder, 0m), order);
    }
}

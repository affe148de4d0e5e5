using MonitorDashboard.Calculation.Proposals;
using static MonitorDashboard.Tests.Calculation.Proposals.ProposalData;

namespace MonitorDashboard.Tests.Calculation.Proposals;

public sealed class PriceBreakRuleTests
{
    // The LTE modem's primary supplier part in the sample catalog: 1 → 38.50, 10 → 34.90, 50 → 31.20 EUR.
    private static readonly MonitorDashboard.InvenTree.InvenTreePriceBreak[] Modem =
        [Pb(3, 340, 50, 31.20m), Pb(1, 340, 1, 38.50m), Pb(2, 340, 10, 34.90m)];

    [Theory]
    [InlineData(1, 38.50)]    // at the lowest break
    [InlineData(9, 38.50)]    // just below the next one
    [InlineData(10, 34.90)]   // exactly at a threshold: that break applies
    [InlineData(49, 34.90)]
    [InlineData(50, 31.20)]
    [InlineData(5000, 31.20)] // above the highest break
    public void The_highest_break_at_or_below_the_packs_ordered_sets_the_unit_price(decimal packs, decimal price) =>
        Assert.Equal(price, PriceBreakRule.For(Modem, packs)!.Price);

    [Fact]
    public void Below_the_lowest_break_the_price_is_unknown() =>
        Assert.Null(PriceBreakRule.For([Pb(1, 340, 5, 10m), Pb(2, 340, 20, 9m)], 4));

    [Fact]
    public void Breaks_without_a_price_or_currency_do_not_count()
    {
        MonitorDashboard.InvenTree.InvenTreePriceBreak[] breaks =
            [Pb(1, 340, 1, 5m), Pb(2, 340, 10, 4m) with { Price = null }, Pb(3, 340, 20, 3m) with { PriceCurrency = null }];

        Assert.Equal(1, PriceBreakRule.For(breaks, 25)!.Pk);
    }
}

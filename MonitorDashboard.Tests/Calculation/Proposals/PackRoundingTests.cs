using MonitorDashboard.Calculation.Proposals;

namespace MonitorDashboard.Tests.Calculation.Proposals;

public sealed class PackRoundingTests
{
    [Theory]
    [InlineData(12001, 5000, 3)]   // 2.0002 reels → 3
    [InlineData(10000, 5000, 2)]   // an exact multiple is not rounded further
    [InlineData(1, 5000, 1)]
    [InlineData(248, 100, 3)]
    [InlineData(3, 0.5, 6)]        // a pack of half a unit: 6 packs
    public void The_need_is_rounded_up_to_whole_packs(decimal need, decimal pack, decimal packs) =>
        Assert.Equal(packs, PackRounding.Packs(need, pack));

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_pack_of_one_or_an_unset_pack_orders_the_need_unrounded(decimal pack)
    {
        Assert.Equal(52.36m, PackRounding.Packs(52.36m, pack));
        Assert.Equal(1m, PackRounding.PackSize(pack));
    }
}

using MonitorDashboard.Calculation;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Tests.Monitoring.Checks;

public sealed class ListCalculationOptionsTests
{
    [Fact]
    public void A_list_without_the_keys_is_calculated_as_before()
    {
        var options = ListCalculationOptions.For(new MonitoringList());

        Assert.Equal((false, InProductionRule.Scheduled, false), (options.HideOptional, options.InProduction, options.ReplenishToMinimum));
        Assert.Equal(CalculationOptions.Default, options with { ExcludeSuppliers = CalculationOptions.Default.ExcludeSuppliers });
    }

    [Theory]
    [InlineData("scheduled", InProductionRule.Scheduled)]
    [InlineData("building", InProductionRule.Building)]
    [InlineData("legacy", InProductionRule.Legacy)]
    public void The_list_chooses_its_rule_and_hides_optional_parts(string name, InProductionRule rule)
    {
        var options = ListCalculationOptions.For(new MonitoringList { HideOptional = true, InProduction = name });

        Assert.Equal((true, rule), (options.HideOptional, options.InProduction));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(null, false)]
    public void Replenish_to_minimum_is_on_only_when_the_list_says_true(bool? key, bool expected) =>
        Assert.Equal(expected, ListCalculationOptions.For(new MonitoringList { ReplenishToMinimum = key }).ReplenishToMinimum);
}

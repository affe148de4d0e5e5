using Microsoft.Extensions.DependencyInjection;
using MonitorDashboard.Calculation;

namespace MonitorDashboard.Tests.Calculation;

public sealed class CalculationServiceCollectionExtensionsTests
{
    [Fact]
    public void Calculator_is_one_shared_instance()
    {
        using var provider = new ServiceCollection().AddCalculation().BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<ShortageCalculator>(), provider.GetRequiredService<ShortageCalculator>());
    }
}

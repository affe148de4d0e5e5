using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MonitorDashboard.Calculation;

namespace MonitorDashboard.Tests.Calculation;

public sealed class CalculationServiceCollectionExtensionsTests
{
    [Fact]
    public void Calculator_is_one_shared_instance()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddCalculation();
        using var provider = builder.Services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<ShortageCalculator>(), provider.GetRequiredService<ShortageCalculator>());
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MonitorDashboard.Calculation;
using MonitorDashboard.Demo;
using MonitorDashboard.InvenTree;
using MonitorDashboard.InvenTreeEmulator;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// The app's real InvenTree client, fetcher and calculation, wired as the app wires them (default concurrency,
/// page size and retries), pointed at an emulator. Only warnings and errors are logged, to stderr.
/// </summary>
internal static class OurStack
{
    public static ServiceProvider Build(EmulatorServer emulator)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["INVENTREE_URL"] = emulator.BaseAddress.ToString(),
            ["INVENTREE_API_TOKEN"] = emulator.Token,
        });

        var services = builder.Services;
        // This is a composition root of its own: it registers the clock, as AddMonitorDashboardCore does for the app.
        services.AddSingleton(TimeProvider.System);
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        builder.AddInvenTreeClient();
        builder.AddInvenTreeConnection();
        builder.AddCalculation();
        return services.BuildServiceProvider();
    }
}

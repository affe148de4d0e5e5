using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.Notices;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// The monitoring services as the app builds them (<c>AddMonitorDashboardCore</c> + <c>AddMonitoringEngine</c>) over a
/// folder, with logs captured by the fake collector. Hosted services are not started (no Coravel tick, no file
/// watcher) except the engine's start-up, because it feeds the state service from presets.json and the history, and
/// the admin notice sender, because notices are sent from its queue.
/// </summary>
internal static class MonitoringHost
{
    /// <param name="time">Registered before the core services, which only add the system clock when none is.</param>
    public static async Task<IHost> StartAsync(string folder, IEnumerable<KeyValuePair<string, string?>> settings, TimeProvider? time,
        LogLevel minimumLevel)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(minimumLevel).AddFakeLogging();
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }
        builder.AddMonitorDashboardCore();
        builder.AddMonitoringEngine();
        var host = builder.Build();
        await host.Services.GetRequiredService<MonitoringEngine>().StartAsync(CancellationToken.None);
        // Admin notices go out from their own queue, as in the app.
        await host.Services.GetRequiredService<AdminNoticeSender>().StartAsync(CancellationToken.None);
        return host;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using MonitorDashboard.Calculation;
using MonitorDashboard.Configuration;
using MonitorDashboard.Demo;
using MonitorDashboard.Email;
using MonitorDashboard.Email.Templates;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.Health;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Presets;
using MonitorDashboard.Security;

namespace MonitorDashboard;

public static class HostingExtensions
{
    /// <summary>The services the dashboard and the command line share.</summary>
    public static IHostApplicationBuilder AddMonitorDashboardCore(this IHostApplicationBuilder builder)
    {
        // The one clock of the app, registered here only; a test that registered its own clock first keeps it.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddInvenTreeClient();
        builder.AddInvenTreeConnection();
        builder.AddCalculation();
        builder.AddPresets();
        builder.AddEmail();
        builder.AddEmailTemplates();
        builder.AddRunHistory();
        builder.AddAuthOptions();
        builder.AddHealthOptions();
        builder.Services.AddSingleton<EffectiveConfiguration>();
        builder.AddMonitoringChecks();
        return builder;
    }
}

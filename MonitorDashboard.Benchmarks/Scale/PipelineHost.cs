using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Benchmarks.Scale;

/// <summary>
/// The app's own services (<c>AddMonitorDashboardCore</c>, as the command line builds them) in the benchmark's
/// process, pointed at the emulator and at a private folder (presets.json, history database, outbox), without SMTP.
/// Only warnings and errors are logged, to stderr: the breakdown times the pipeline, not console output.
/// </summary>
internal static class PipelineHost
{
    public static IHost Build(string folder, string repositoryRoot, EmulatorServer emulator)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // appsettings.json and EmailTemplates/ come from the repository, as for the app.
            ContentRootPath = repositoryRoot,
            Args = [],
            DisableDefaults = true,
        });
        builder.Configuration.AddJsonFile(Path.Combine(repositoryRoot, "appsettings.json"), optional: true);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["INVENTREE_URL"] = emulator.BaseAddress.ToString(),
            ["INVENTREE_API_TOKEN"] = emulator.Token,
            ["PRESETS_FILE_PATH"] = Path.Combine(folder, "presets.json"),
            ["History:DatabasePath"] = Path.Combine(folder, "data", "monitor.db"),
            ["Email:OutboxFolder"] = Path.Combine(folder, "outbox"),
            ["Email:SmtpServer"] = "",
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton(LeaseOwner.ForCurrentProcess("benchmark"));
        builder.AddMonitorDashboardCore();
        return builder.Build();
    }
}

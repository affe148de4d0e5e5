using System.Globalization;
using Serilog;
using Serilog.Events;

namespace MonitorDashboard.Logging;

/// <summary>
/// Serilog's two-stage start: a console logger until configuration is read, then sinks from the
/// <c>Serilog</c> section (console and a rolling compact-JSON file by default), enriched with the log
/// context (correlation ids of checks).
/// </summary>
public static class SerilogSetup
{
    public static void CreateBootstrapLogger() =>
        Log.Logger = new LoggerConfiguration()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)
            .CreateBootstrapLogger();

    public static IHostApplicationBuilder AddSerilogLogging(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        return builder;
    }
}

using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Monitoring.Health;

public static class HealthCheckExtensions
{
    public const string Path = "/healthz";

    /// <summary>
    /// Scheduler heartbeat, InvenTree, SMTP and presets.json. Unhealthy (503) when the app cannot do its job: no
    /// scheduler, no InvenTree, no readable presets.json; SMTP trouble is Degraded (200), as reports are sent again.
    /// </summary>
    public static IHostApplicationBuilder AddMonitorHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.AddHealthOptions();
        builder.Services.AddMonitorHealthChecks();
        return builder;
    }

    /// <summary>The <c>Health</c> section, validated at start; safe to call more than once.</summary>
    public static IHostApplicationBuilder AddHealthOptions(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(IValidateOptions<HealthOptions>)))
        {
            return builder;
        }
        builder.Services.AddOptions<HealthOptions>().Bind(builder.Configuration.GetSection(HealthOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>();
        return builder;
    }

    /// <summary>The four checks and <see cref="HealthReports"/>, the one source /healthz and the status page read.</summary>
    public static IServiceCollection AddMonitorHealthChecks(this IServiceCollection services)
    {
        // Singletons: the remote probes keep their answer for 30 s (ProbeCache).
        services.AddSingleton<InvenTreeHealthCheck>();
        services.AddSingleton<SmtpHealthCheck>();
        services.AddSingleton<ICachedHealthCheck>(sp => sp.GetRequiredService<InvenTreeHealthCheck>());
        services.AddSingleton<ICachedHealthCheck>(sp => sp.GetRequiredService<SmtpHealthCheck>());
        services.AddSingleton<HealthReports>();
        services.AddHealthChecks()
            .AddCheck<SchedulerHealthCheck>("scheduler")
            .AddCheck<InvenTreeHealthCheck>("inventree")
            .AddCheck<SmtpHealthCheck>("smtp")
            .AddCheck<PresetsHealthCheck>("presets");
        return services;
    }

    public static IEndpointConventionBuilder MapMonitorHealthChecks(this IEndpointRouteBuilder endpoints) =>
        // Monitoring systems call it without signing in; it reveals states and descriptions, never secrets. The same
        // reports as the status page (HealthReports), so the two never disagree.
        endpoints.MapGet(Path, async (HttpContext context, HealthReports reports) =>
        {
            var report = await reports.GetAsync(fresh: false, context.RequestAborted);
            context.Response.StatusCode = report.Status == HealthStatus.Unhealthy
                ? StatusCodes.Status503ServiceUnavailable
                : StatusCodes.Status200OK;
            context.Response.Headers.CacheControl = "no-store, no-cache";
            await WriteJsonAsync(context, report);
        }).AllowAnonymous();

    /// <summary>Overall status and one entry per check; descriptions only (exceptions can carry too much detail).</summary>
    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            totalMilliseconds = Math.Round(report.TotalDuration.TotalMilliseconds),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                milliseconds = Math.Round(e.Value.Duration.TotalMilliseconds),
            }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

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
        builder.Services.AddHealthChecks()
            .AddCheck<SchedulerHealthCheck>("scheduler")
            .AddCheck<InvenTreeHealthCheck>("inventree")
            .AddCheck<SmtpHealthCheck>("smtp")
            .AddCheck<PresetsHealthCheck>("presets");
        return builder;
    }

    public static IEndpointConventionBuilder MapMonitorHealthChecks(this IEndpointRouteBuilder endpoints) =>
        // Monitoring systems call it without signing in; it reveals states and descriptions, never secrets.
        endpoints.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteJsonAsync }).AllowAnonymous();

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

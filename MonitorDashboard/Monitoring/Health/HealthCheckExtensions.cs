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
        builder.Services.AddMonitorHealthCheckServices();
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

    /// <summary>The four checks, <see cref="HealthReports"/> (the one source /healthz and the status page read) and the endpoint's parts.</summary>
    internal static IServiceCollection AddMonitorHealthCheckServices(this IServiceCollection services)
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

        services.AddOptions<HealthOptions>();
        services.AddSingleton<HealthCallers>();
        services.AddSingleton<HealthEndpoint>();
        // Options actions compose: the sign-in policy (Security) and this one end up side by side, each with its own
        // rejection answer. A second AddRateLimiter only registers the middleware's metrics again (the last one is used).
        services.AddRateLimiter(o => o.AddPolicy<string, HealthRateLimitPolicy>(HealthRateLimitPolicy.Name));
        return services;
    }

    /// <summary>Open without sign-in for monitoring systems: the overall status only, unless the caller is known.</summary>
    public static IEndpointConventionBuilder MapMonitorHealthChecks(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, (HttpContext context, HealthEndpoint endpoint) => endpoint.AnswerAsync(context))
            .AllowAnonymous()
            .RequireRateLimiting(HealthRateLimitPolicy.Name);
}

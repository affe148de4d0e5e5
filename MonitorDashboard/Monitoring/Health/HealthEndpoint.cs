using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Monitoring.Health;

/// <summary>
/// Answers /healthz. Anonymous callers, and callers with a wrong token, get only the overall status, from a report at
/// most <see cref="HealthOptions.AnonymousCacheDuration"/> old: no path, user name or internal host, and a flood of
/// them evaluates nothing. Signed-in users and the monitoring system with <c>Health:Token</c> get every check.
/// </summary>
public sealed partial class HealthEndpoint(HealthReports reports, HealthCallers callers, IOptions<HealthOptions> options, ILogger<HealthEndpoint> logger)
{
    public async Task AnswerAsync(HttpContext context)
    {
        var caller = callers.Identify(context);
        if (caller == HealthCaller.WrongToken)
        {
            // Never the token itself: only that one was sent and did not match.
            LogWrongToken(logger, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        }
        var details = HealthCallers.SeesDetails(caller);
        var report = details
            ? await reports.GetAsync(fresh: false, context.RequestAborted)
            : await reports.GetRecentAsync(options.Value.AnonymousCacheDuration, context.RequestAborted);

        var response = context.Response;
        response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        response.Headers.CacheControl = "no-store";
        response.ContentType = "application/json; charset=utf-8";
        object body = details ? Detailed(report) : new { status = report.Status.ToString() };
        await JsonSerializer.SerializeAsync(response.Body, body, cancellationToken: context.RequestAborted);
    }

    /// <summary>Overall status and one entry per check; descriptions only (exceptions can carry too much detail).</summary>
    private static object Detailed(HealthReport report) => new
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A /healthz caller from {Address} sent a bearer token that is not Health:Token; it got the anonymous answer")]
    private static partial void LogWrongToken(ILogger logger, string address);
}

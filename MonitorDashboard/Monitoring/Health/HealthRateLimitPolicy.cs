using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace MonitorDashboard.Monitoring.Health;

/// <summary>
/// Anonymous /healthz callers (a wrong token included) get <see cref="PermitsPerWindow"/> answers per
/// <see cref="Window"/> and client address, then 429 with Retry-After. Signed-in users and the monitoring system
/// with the token are known and not limited.
/// </summary>
public sealed class HealthRateLimitPolicy(HealthCallers callers) : IRateLimiterPolicy<string>
{
    public const string Name = "healthz";

    public const int PermitsPerWindow = 60;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        HealthCallers.SeesDetails(callers.Identify(httpContext))
            ? RateLimitPartition.GetNoLimiter("known")
            : RateLimitPartition.GetFixedWindowLimiter(
                "address:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = PermitsPerWindow, Window = Window, QueueLimit = 0 });

    // The policy's own answer, whatever the app-wide rejection settings are.
    public Func<OnRejectedContext, CancellationToken, ValueTask> OnRejected { get; } = (context, _) =>
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.CacheControl = "no-store";
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    };
}

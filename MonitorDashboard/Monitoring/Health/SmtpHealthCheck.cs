using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MonitorDashboard.Email;
using MonitorDashboard.Email.Smtp;

namespace MonitorDashboard.Monitoring.Health;

/// <summary>
/// Connects to the SMTP server as a send would, then quits. Unreachable is only Degraded: checks still run and are
/// recorded, and a report that could not be sent is sent again by the next run (last_hash is not updated).
/// </summary>
public sealed class SmtpHealthCheck(SmtpProbe probe, IOptions<EmailOptions> options, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        if (!o.GlobalNotificationsEnabled)
        {
            return HealthCheckResult.Healthy("email is globally disabled (GLOBAL_EMAIL_NOTIFICATIONS_ENABLED=false)");
        }
        if (o.UsesOutbox)
        {
            return HealthCheckResult.Healthy($"outbox mode: {o.OutboxFolder}");
        }
        using var timer = new CancellationTokenSource(Timeout, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            var result = await probe.ProbeAsync(deadline.Token);
            if (result.Healthy)
            {
                var how = (result.Encrypted ? ", TLS" : "") + (result.Authenticated == true ? ", authenticated" : "");
                return HealthCheckResult.Healthy($"{result.Server} reachable{how}");
            }
            return HealthCheckResult.Degraded(result.Error ?? $"{result.Server} not reachable");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded($"the SMTP server did not answer within {Timeout.TotalSeconds:0} s");
        }
    }
}

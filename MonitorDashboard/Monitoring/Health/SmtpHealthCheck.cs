using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MonitorDashboard.Email;
using MonitorDashboard.Email.Smtp;

namespace MonitorDashboard.Monitoring.Health;

/// <summary>
/// Connects to the SMTP server as a send would, without AUTH (<see cref="SmtpProbe"/>), then quits; at most every 30 s
/// (<see cref="ProbeCache"/>). Unreachable is only Degraded: checks still run and are recorded, and a report that could
/// not be sent is sent again by the next run (last_hash is not updated). The status page shows
/// <see cref="HealthCheckResult.Data"/>: <c>server</c>, <c>mode</c>, <c>encrypted</c>, <c>credentials</c> (configured,
/// not tested), <c>elapsedMs</c>.
/// </summary>
public sealed class SmtpHealthCheck(SmtpProbe probe, IOptions<EmailOptions> options, TimeProvider time) : IHealthCheck, ICachedHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly ProbeCache _cache = new(time);

    public void Invalidate() => _cache.Invalidate();

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        if (!o.GlobalNotificationsEnabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("email is globally disabled (GLOBAL_EMAIL_NOTIFICATIONS_ENABLED=false)",
                new Dictionary<string, object> { ["mode"] = "disabled" }));
        }
        if (o.UsesOutbox)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"outbox mode: {o.OutboxFolder}",
                new Dictionary<string, object> { ["mode"] = "outbox", ["folder"] = o.OutboxFolder }));
        }
        return _cache.GetAsync(ProbeAsync, cancellationToken);
    }

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var timer = new CancellationTokenSource(Timeout, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var data = new Dictionary<string, object> { ["mode"] = "smtp", ["server"] = $"{o.SmtpServer}:{o.SmtpPort}" };
        try
        {
            var result = await probe.ProbeAsync(deadline.Token);
            data["server"] = result.Server;
            data["encrypted"] = result.Encrypted;
            data["elapsedMs"] = Math.Round(result.Elapsed.TotalMilliseconds);
            data["credentials"] = result.CredentialsConfigured;
            if (result.Healthy)
            {
                var how = (result.Encrypted ? ", TLS" : "") + (result.CredentialsConfigured ? "; authentication not tested by the probe" : "");
                return HealthCheckResult.Healthy($"{result.Server} reachable{how}", data);
            }
            data["reachable"] = result.Reachable;
            return HealthCheckResult.Degraded(result.Error ?? $"{result.Server} not reachable", data: data);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            data["reachable"] = false;
            return HealthCheckResult.Degraded($"the SMTP server did not answer within {Timeout.TotalSeconds:0} s", data: data);
        }
    }
}

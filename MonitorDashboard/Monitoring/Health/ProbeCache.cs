using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MonitorDashboard.Monitoring.Health;

/// <summary>A health check that asks something outside the app (InvenTree, the SMTP server) and keeps the answer a while.</summary>
public interface ICachedHealthCheck
{
    /// <summary>The next check asks again (the status page's Refresh).</summary>
    void Invalidate();
}

/// <summary>
/// The last answer of a remote probe, kept for <see cref="MaxAge"/> and shared by concurrent callers (one probe in flight),
/// so /healthz and open status pages cannot hammer InvenTree or the mail account however often they are asked.
/// </summary>
public sealed class ProbeCache(TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (HealthCheckResult Result, DateTimeOffset At)? _last;

    public void Invalidate() => _last = null;

    public async Task<HealthCheckResult> GetAsync(Func<CancellationToken, Task<HealthCheckResult>> probe, CancellationToken cancellationToken)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } meanwhile)
            {
                return meanwhile;
            }
            var result = await probe(cancellationToken);
            _last = (result, time.GetUtcNow());
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private HealthCheckResult? Fresh() =>
        _last is { } last && time.GetUtcNow() - last.At < MaxAge ? last.Result : null;
}

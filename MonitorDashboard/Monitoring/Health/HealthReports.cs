using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MonitorDashboard.Monitoring.Health;

/// <summary>
/// The one source of "is everything working": /healthz and the status page both read it. Local checks (scheduler,
/// presets.json) are evaluated on every read; remote probes (InvenTree, SMTP) answer from their 30 s cache. One
/// evaluation at a time; subscribers hear about each new report.
/// </summary>
public sealed class HealthReports(HealthCheckService checks, IEnumerable<ICachedHealthCheck> probes, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _subscribersGate = new();
    private readonly List<Action<HealthReport>> _subscribers = [];

    /// <summary>The latest report and when it was made; null before the first evaluation.</summary>
    public (HealthReport Report, DateTimeOffset At)? Latest { get; private set; }

    /// <param name="fresh">Ask InvenTree and the SMTP server again instead of using their cached answers.</param>
    public async Task<HealthReport> GetAsync(bool fresh, CancellationToken cancellationToken)
    {
        // Shared work: a caller that leaves (a closed page, an aborted request) does not cancel it for the others.
        await _gate.WaitAsync(cancellationToken);
        HealthReport report;
        try
        {
            if (fresh)
            {
                foreach (var probe in probes)
                {
                    probe.Invalidate();
                }
            }
            report = await checks.CheckHealthAsync(CancellationToken.None);
            Latest = (report, time.GetUtcNow());
        }
        finally
        {
            _gate.Release();
        }
        Action<HealthReport>[] targets;
        lock (_subscribersGate)
        {
            targets = [.. _subscribers];
        }
        foreach (var target in targets)
        {
            target(report);
        }
        return report;
    }

    public IDisposable Subscribe(Action<HealthReport> onReport)
    {
        lock (_subscribersGate)
        {
            _subscribers.Add(onReport);
        }
        return new Subscription(this, onReport);
    }

    private sealed class Subscription(HealthReports owner, Action<HealthReport> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._subscribersGate)
            {
                owner._subscribers.Remove(handler);
            }
        }
    }
}

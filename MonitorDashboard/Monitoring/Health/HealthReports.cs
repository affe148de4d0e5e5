using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MonitorDashboard.Monitoring.Health;

/// <summary>
/// The one source of "is everything working": /healthz and the status page both read it. Local checks (scheduler,
/// presets.json) are evaluated on every read, except for anonymous /healthz callers (<see cref="GetRecentAsync"/>);
/// remote probes (InvenTree, SMTP) answer from their 30 s cache. One evaluation at a time; subscribers hear about each
/// new report.
/// </summary>
public sealed class HealthReports(HealthCheckService checks, IEnumerable<ICachedHealthCheck> probes, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _subscribersGate = new();
    private readonly List<Action<HealthReport>> _subscribers = [];

    // One reference, so a reader outside the gate never sees a report with another report's time.
    private volatile Evaluation? _latest;

    /// <summary>The latest report and when it was made; null before the first evaluation.</summary>
    public (HealthReport Report, DateTimeOffset At)? Latest => _latest is { } latest ? (latest.Report, latest.At) : null;

    /// <param name="fresh">Ask InvenTree and the SMTP server again instead of using their cached answers.</param>
    public Task<HealthReport> GetAsync(bool fresh, CancellationToken cancellationToken) =>
        EvaluateAsync(fresh, reuseYoungerThan: null, cancellationToken);

    /// <summary>
    /// The latest report when it is younger than <paramref name="maxAge"/>, else a new one; callers that arrive while
    /// it is made share it. However many callers, at most one evaluation per <paramref name="maxAge"/>.
    /// </summary>
    public Task<HealthReport> GetRecentAsync(TimeSpan maxAge, CancellationToken cancellationToken) =>
        Recent(maxAge) is { } recent ? Task.FromResult(recent) : EvaluateAsync(fresh: false, maxAge, cancellationToken);

    private HealthReport? Recent(TimeSpan? maxAge) =>
        maxAge is { } age && _latest is { } latest && time.GetUtcNow() - latest.At < age ? latest.Report : null;

    private async Task<HealthReport> EvaluateAsync(bool fresh, TimeSpan? reuseYoungerThan, CancellationToken cancellationToken)
    {
        // Shared work: a caller that leaves (a closed page, an aborted request) does not cancel it for the others.
        await _gate.WaitAsync(cancellationToken);
        HealthReport report;
        try
        {
            if (Recent(reuseYoungerThan) is { } meanwhile)
            {
                return meanwhile;
            }
            if (fresh)
            {
                foreach (var probe in probes)
                {
                    probe.Invalidate();
                }
            }
            report = await checks.CheckHealthAsync(CancellationToken.None);
            _latest = new Evaluation(report, time.GetUtcNow());
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

    private sealed record Evaluation(HealthReport Report, DateTimeOffset At);

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

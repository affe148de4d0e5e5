using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Monitoring.Health;

namespace MonitorDashboard.Tests.Monitoring.Health;

/// <summary>Anonymous /healthz callers share one recent evaluation; signed-in and token callers get a new one each time.</summary>
public sealed class HealthReportsTests : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.Zero));
    private readonly CountingCheck _check = new();
    private readonly ServiceProvider _services;
    private readonly HealthReports _reports;

    public HealthReportsTests()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHealthChecks().AddCheck("local", _check);
        _services = services.BuildServiceProvider();
        _reports = new HealthReports(_services.GetRequiredService<HealthCheckService>(), [], _clock);
    }

    public void Dispose() => _services.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_flood_of_recent_reads_evaluates_once_until_the_report_is_older_than_the_cache_duration()
    {
        var reports = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _reports.GetRecentAsync(MaxAge, Ct)));
        _clock.Advance(MaxAge - TimeSpan.FromTicks(1));
        await _reports.GetRecentAsync(MaxAge, Ct);

        Assert.Equal(1, _check.Evaluations);
        Assert.All(reports, r => Assert.Same(reports[0], r));

        _clock.Advance(TimeSpan.FromTicks(1));
        await _reports.GetRecentAsync(MaxAge, Ct);
        Assert.Equal(2, _check.Evaluations);
    }

    [Fact]
    public async Task Detailed_reads_evaluate_every_time_and_anonymous_reads_reuse_the_latest()
    {
        await _reports.GetAsync(fresh: false, Ct);
        _clock.Advance(TimeSpan.FromSeconds(10));
        var latest = await _reports.GetAsync(fresh: false, Ct);
        Assert.Equal(2, _check.Evaluations);

        _clock.Advance(MaxAge - TimeSpan.FromSeconds(1));

        Assert.Same(latest, await _reports.GetRecentAsync(MaxAge, Ct));
        Assert.Equal(2, _check.Evaluations);
    }

    /// <summary>A local check that counts how often it is evaluated.</summary>
    private sealed class CountingCheck : IHealthCheck
    {
        private int _evaluations;

        public int Evaluations => Volatile.Read(ref _evaluations);

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _evaluations);
            return Task.FromResult(HealthCheckResult.Healthy("counted"));
        }
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Monitoring.Health;

namespace MonitorDashboard.Tests.Monitoring.Health;

/// <summary>However often /healthz and open status pages ask, InvenTree and the mail server are probed at most once per 30 s.</summary>
public sealed class ProbeCacheTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.Zero));
    private readonly ProbeCache _cache;
    private int _probes;

    public ProbeCacheTests() => _cache = new ProbeCache(_clock);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_callers_share_the_one_probe_in_flight()
    {
        var answer = new TaskCompletionSource<HealthCheckResult>(TaskCreationOptions.RunContinuationsAsynchronously);

        var callers = Enumerable.Range(0, 5).Select(_ => _cache.GetAsync(_ => Probe(answer.Task), Ct)).ToList();
        Assert.Equal(1, _probes);
        Assert.All(callers, c => Assert.False(c.IsCompleted));
        answer.SetResult(HealthCheckResult.Healthy("up"));

        var results = await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(1, _probes);
        Assert.All(results, r => Assert.Equal("up", r.Description));
    }

    [Fact]
    public async Task An_answer_is_kept_for_thirty_seconds_and_then_asked_again()
    {
        Assert.Equal("1", (await GetAsync()).Description);
        _clock.Advance(ProbeCache.MaxAge - TimeSpan.FromTicks(1));
        Assert.Equal("1", (await GetAsync()).Description);

        _clock.Advance(TimeSpan.FromTicks(1));

        Assert.Equal("2", (await GetAsync()).Description);
    }

    [Fact]
    public async Task Invalidate_makes_the_next_caller_ask_again()
    {
        await GetAsync();

        _cache.Invalidate();

        Assert.Equal("2", (await GetAsync()).Description);
        Assert.Equal("2", (await GetAsync()).Description);
    }

    [Fact]
    public async Task A_probe_that_throws_is_not_kept_and_the_next_caller_asks_again()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() => _cache.GetAsync(_ =>
        {
            _probes++;
            throw new HttpRequestException("refused");
        }, Ct));

        Assert.Equal("2", (await GetAsync()).Description);
    }

    [Fact]
    public async Task A_caller_that_gives_up_while_the_probe_runs_does_not_disturb_the_others()
    {
        var answer = new TaskCompletionSource<HealthCheckResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _cache.GetAsync(_ => Probe(answer.Task), Ct);
        using var impatient = new CancellationTokenSource();
        var leaving = _cache.GetAsync(_ => Probe(answer.Task), impatient.Token);

        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        answer.SetResult(HealthCheckResult.Degraded("slow"));

        Assert.Equal("slow", (await first.WaitAsync(TimeSpan.FromSeconds(30), Ct)).Description);
        Assert.Equal("slow", (await GetAsync()).Description);
        Assert.Equal(1, _probes);
    }

    private Task<HealthCheckResult> GetAsync() =>
        _cache.GetAsync(_ => Probe(Task.FromResult(HealthCheckResult.Healthy((_probes + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))), Ct);

    private Task<HealthCheckResult> Probe(Task<HealthCheckResult> answer)
    {
        Interlocked.Increment(ref _probes);
        return answer;
    }
}

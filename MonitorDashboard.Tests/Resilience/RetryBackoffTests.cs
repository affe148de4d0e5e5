using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Resilience;
using Polly;
using Polly.Retry;

namespace MonitorDashboard.Tests.Resilience;

public sealed class RetryBackoffTests
{
    [Fact]
    public async Task A_call_that_keeps_failing_is_tried_once_plus_the_retries_with_waits_capped_at_thirty_seconds()
    {
        var (attempts, waits) = await RunFailingAsync(maxRetries: 8, baseDelay: TimeSpan.FromSeconds(1));

        Assert.Equal(9, attempts);
        Assert.Equal(8, waits.Count);
        Assert.All(waits, wait => Assert.InRange(wait, TimeSpan.Zero, TimeSpan.FromSeconds(30)));
        // Exponential: by the eighth retry the waits have grown well past the one-second base.
        Assert.True(waits.Max() > TimeSpan.FromSeconds(4), $"waits did not grow: {string.Join(", ", waits)}");
    }

    [Fact]
    public async Task A_base_delay_longer_than_thirty_seconds_becomes_the_cap()
    {
        var (_, waits) = await RunFailingAsync(maxRetries: 4, baseDelay: TimeSpan.FromMinutes(2));

        Assert.All(waits, wait => Assert.InRange(wait, TimeSpan.Zero, TimeSpan.FromMinutes(2)));
        Assert.Equal(TimeSpan.FromMinutes(2), RetryBackoff.CapFor(TimeSpan.FromMinutes(2)));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryBackoff.CapFor(TimeSpan.FromSeconds(2)));
    }

    /// <summary>Runs a call that always fails through a pipeline shaped by <see cref="RetryBackoff"/>, on a fake clock.</summary>
    private static async Task<(int Attempts, List<TimeSpan> Waits)> RunFailingAsync(int maxRetries, TimeSpan baseDelay)
    {
        var time = new FakeTimeProvider();
        var waits = new List<TimeSpan>();
        var retry = new RetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is TimeoutException),
            OnRetry = args =>
            {
                lock (waits)
                {
                    waits.Add(args.RetryDelay);
                }
                return ValueTask.CompletedTask;
            },
        };
        RetryBackoff.Apply(retry, maxRetries, baseDelay);
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = time }.AddRetry(retry).Build();

        var attempts = 0;
        var run = pipeline.ExecuteAsync(_ =>
        {
            Interlocked.Increment(ref attempts);
            throw new TimeoutException("the server did not answer");
        }, TestContext.Current.CancellationToken).AsTask();

        // Each wait is on the fake clock: move it on until the pipeline has given up, with a real deadline.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!run.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "the retries did not finish");
            time.Advance(RetryBackoff.CapFor(baseDelay));
            await Task.Yield();
        }
        await Assert.ThrowsAsync<TimeoutException>(() => run);
        lock (waits)
        {
            return (attempts, waits.ToList());
        }
    }
}

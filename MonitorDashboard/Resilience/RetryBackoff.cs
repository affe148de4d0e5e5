using Polly;
using Polly.Retry;

namespace MonitorDashboard.Resilience;

/// <summary>
/// How we wait between attempts of a call that failed for a passing reason — InvenTree requests and SMTP sends alike:
/// exponential backoff with jitter (so many lists failing at 07:00 do not knock again in step), starting at the
/// configured base delay and capped, so that a few retries stay within minutes. What counts as passing, and what
/// surrounds the retry (a timeout per attempt, a circuit breaker), stays with the caller that knows its protocol.
/// </summary>
public static class RetryBackoff
{
    /// <summary>The longest single wait, unless the configured base delay is longer (then that is the cap).</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>The longest single wait for the given base delay.</summary>
    public static TimeSpan CapFor(TimeSpan baseDelay) => baseDelay > MaxDelay ? baseDelay : MaxDelay;

    /// <summary>Shapes <paramref name="options"/> with our backoff: <paramref name="maxRetries"/> retries after the first attempt.</summary>
    public static void Apply<TResult>(RetryStrategyOptions<TResult> options, int maxRetries, TimeSpan baseDelay)
    {
        options.MaxRetryAttempts = maxRetries;
        options.BackoffType = DelayBackoffType.Exponential;
        options.UseJitter = true;
        options.Delay = baseDelay;
        options.MaxDelay = CapFor(baseDelay);
    }
}

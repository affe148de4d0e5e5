using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using MonitorDashboard.Resilience;

namespace MonitorDashboard.Email.Smtp;

/// <summary>
/// Retries (exponential backoff with jitter) around a circuit breaker around one attempt. Only transient failures
/// are retried and counted by the breaker: a wrong password or a 5xx rejection says nothing about a dead server.
/// </summary>
internal static class SmtpResilience
{
    /// <summary>The window in which the threshold's failures must fall; long enough to span one send's retries.</summary>
    private static readonly TimeSpan SamplingDuration = TimeSpan.FromMinutes(5);

    public static ResiliencePipeline Build(EmailOptions options, TimeProvider time, Action<int, TimeSpan> onRetry)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            // The waits between attempts follow the app's one backoff rule; see EmailOptions.SendTimeout for the worst case.
            var retry = new RetryStrategyOptions
            {
                // Once the send's own deadline has run out there is no time for another attempt.
                ShouldHandle = args => ValueTask.FromResult(
                    IsTransient(args.Outcome.Exception) && !args.Context.CancellationToken.IsCancellationRequested),
                OnRetry = args =>
                {
                    // AttemptNumber is zero-based and names the attempt that just failed.
                    onRetry(args.AttemptNumber + 2, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            };
            RetryBackoff.Apply(retry, options.MaxRetries, options.RetryBaseDelay);
            builder.AddRetry(retry);
        }
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            // Every call in the window failed, and at least the threshold of them: the server is down, stop knocking.
            FailureRatio = 1.0,
            MinimumThroughput = options.CircuitBreakerFailureThreshold,
            SamplingDuration = SamplingDuration,
            BreakDuration = options.CircuitBreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
        });
        return builder.Build();
    }

    private static bool IsTransient(Exception? exception) => exception is SmtpDeliveryException { Failure.Transient: true };
}

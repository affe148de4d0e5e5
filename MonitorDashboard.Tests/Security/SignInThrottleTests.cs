using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Security;

namespace MonitorDashboard.Tests.Security;

public sealed class SignInThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Five_failures_within_a_minute_lock_the_key_until_the_oldest_leaves_the_window()
    {
        var throttle = new SignInThrottle(_time);
        for (var i = 0; i < SignInThrottle.MaxFailures; i++)
        {
            Assert.Null(throttle.RetryAfter("ip:1.2.3.4"));
            throttle.RecordFailure("ip:1.2.3.4");
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(TimeSpan.FromSeconds(10), throttle.RetryAfter("ip:1.2.3.4")); // first failure at 0 s, now 50 s
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(throttle.RetryAfter("ip:1.2.3.4"));
    }

    [Fact]
    public void Keys_are_counted_separately_and_the_longest_wait_wins()
    {
        var throttle = new SignInThrottle(_time);
        for (var i = 0; i < SignInThrottle.MaxFailures; i++)
        {
            throttle.RecordFailure("ip:1.2.3.4", "user:alice");
        }

        Assert.Null(throttle.RetryAfter("ip:5.6.7.8", "user:bob"));
        Assert.NotNull(throttle.RetryAfter("ip:5.6.7.8", "user:ALICE"));
    }

    [Fact]
    public void Fewer_than_the_limit_never_lock()
    {
        var throttle = new SignInThrottle(_time);
        for (var i = 0; i < 20; i++)
        {
            throttle.RecordFailure("ip:1.2.3.4");
            _time.Advance(TimeSpan.FromSeconds(13)); // never five inside one minute
        }

        Assert.Null(throttle.RetryAfter("ip:1.2.3.4"));
    }
}

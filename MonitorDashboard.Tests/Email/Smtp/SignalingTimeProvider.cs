using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace MonitorDashboard.Tests.Email.Smtp;

/// <summary>
/// Fake time that says when a timer is armed. In the sender only the retry backoff arms one, so a test knows that an
/// attempt failed and the next one waits, and can change the world (start the server) before advancing the clock.
/// </summary>
internal sealed class SignalingTimeProvider() : FakeTimeProvider(EmailTestData.Now)
{
    private readonly Channel<TimeSpan> armed = Channel.CreateUnbounded<TimeSpan>();
    private int timers;

    public int TimersArmed => Volatile.Read(ref timers);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Interlocked.Increment(ref timers);
            armed.Writer.TryWrite(dueTime);
        }
        return timer;
    }

    /// <summary>The due time of the next armed timer (the backoff delay).</summary>
    public async Task<TimeSpan> NextTimerAsync() =>
        await armed.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(15));
}

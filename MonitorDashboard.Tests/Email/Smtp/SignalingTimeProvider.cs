using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace MonitorDashboard.Tests.Email.Smtp;

/// <summary>
/// Fake time that says when a timer is armed, telling deadlines (a <c>CancellationTokenSource</c> on this clock: a
/// session's, QUIT's, the whole send's) from waits (the retry backoff). A test then knows that an attempt failed and
/// the next one waits, and can change the world (start or heal the server) before advancing the clock.
/// </summary>
internal sealed class SignalingTimeProvider() : FakeTimeProvider(EmailTestData.Now)
{
    private readonly Channel<TimeSpan> _armed = Channel.CreateUnbounded<TimeSpan>();
    private int _timers;
    private int _deadlines;

    /// <summary>Backoff delays armed so far (deadlines not counted).</summary>
    public int TimersArmed => Volatile.Read(ref _timers);

    /// <summary>Deadlines armed so far.</summary>
    public int DeadlinesArmed => Volatile.Read(ref _deadlines);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return timer;
        }
        // new CancellationTokenSource(delay, timeProvider) passes itself as the timer's state.
        if (state is CancellationTokenSource)
        {
            Interlocked.Increment(ref _deadlines);
        }
        else
        {
            Interlocked.Increment(ref _timers);
            _armed.Writer.TryWrite(dueTime);
        }
        return timer;
    }

    /// <summary>The due time of the next armed backoff delay.</summary>
    public async Task<TimeSpan> NextTimerAsync() =>
        await _armed.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(15));
}

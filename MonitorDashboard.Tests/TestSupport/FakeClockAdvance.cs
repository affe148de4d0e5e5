using Microsoft.Extensions.Time.Testing;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// Moves a <see cref="FakeTimeProvider"/> in steps until a task that waits on it (for a lock, a retry) ends, giving the
/// task a moment of real time after each step; with a real-time deadline so a task that never ends fails by name.
/// </summary>
public static class FakeClockAdvance
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task<T> UntilDoneAsync<T>(FakeTimeProvider clock, Task<T> task, TimeSpan step)
    {
        var deadline = DateTime.UtcNow + Deadline;
        using var interval = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (!task.IsCompleted && DateTime.UtcNow < deadline)
        {
            clock.Advance(step);
            await Task.WhenAny(task, interval.WaitForNextTickAsync(TestContext.Current.CancellationToken).AsTask());
        }
        if (!task.IsCompleted)
        {
            throw new TimeoutException($"the task did not end within {Deadline.TotalSeconds:0} s although the fake clock moved");
        }
        return await task;
    }
}

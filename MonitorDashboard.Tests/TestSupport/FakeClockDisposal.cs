using Microsoft.Extensions.Time.Testing;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// Disposes services that run on a <see cref="FakeTimeProvider"/>. Polly's pipelines (the InvenTree client's
/// resilience handler), when disposed while a request is still unwinding, wait for it by sleeping on the injected
/// clock; a fake clock has to move for that sleep to end, as real time would. Without this, a test that disposes
/// while a request is in flight (a page's probe, a paused emulator) hangs the whole run.
/// </summary>
public static class FakeClockDisposal
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task DisposeAsync(FakeTimeProvider clock, Func<ValueTask> dispose)
    {
        var disposal = dispose().AsTask();
        var deadline = DateTime.UtcNow + Deadline;
        using var interval = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (!disposal.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.WhenAny(disposal, interval.WaitForNextTickAsync().AsTask());
            if (!disposal.IsCompleted)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
            }
        }
        // A disposal that never ends fails the test that caused it, by name, instead of holding the run.
        if (!disposal.IsCompleted)
        {
            throw new TimeoutException($"disposal did not finish within {Deadline.TotalSeconds:0} s although the fake clock moved");
        }
        await disposal;
    }
}

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>Waits for a condition by polling it on a short timer, with a deadline, instead of sleeping a guessed time.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        using var interval = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, because ?? "condition not met before the deadline");
            await interval.WaitForNextTickAsync(TestContext.Current.CancellationToken);
        }
    }
}

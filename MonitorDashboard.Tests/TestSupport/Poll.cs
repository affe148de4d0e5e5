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

    /// <summary>Reads until the value read is done (a file, a database, another process), with a deadline; returns that value.</summary>
    /// <param name="because">Says what was expected, given the last value read.</param>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null, Func<T, string>? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        using var interval = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            Assert.True(DateTime.UtcNow < deadline, because?.Invoke(value) ?? $"not done before the deadline: {value}");
            await interval.WaitForNextTickAsync(TestContext.Current.CancellationToken);
        }
    }
}

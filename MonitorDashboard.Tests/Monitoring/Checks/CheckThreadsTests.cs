using Microsoft.Extensions.Logging.Abstractions;
using MonitorDashboard.Monitoring.Checks;

namespace MonitorDashboard.Tests.Monitoring.Checks;

/// <summary>
/// Checks run on threads of their own, below the dashboard's priority: their awaits come back there, what they throw
/// or how they are cancelled reaches the caller, and one check stuck in a synchronous wait holds up no other.
/// </summary>
public sealed class CheckThreadsTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly CheckThreads _threads = new(NullLogger<CheckThreads>.Instance);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _threads.Dispose();

    [Fact]
    public async Task A_check_and_what_follows_its_awaits_run_on_the_check_threads_below_the_dashboards_priority()
    {
        var (before, after) = await _threads.RunAsync(async () =>
        {
            var first = Here();
            await Task.Run(() => { }, Ct); // the thread pool, then back
            return (first, Here());
        }).WaitAsync(Deadline, Ct);

        Assert.StartsWith("check-", before.Thread, StringComparison.Ordinal);
        Assert.StartsWith("check-", after.Thread, StringComparison.Ordinal);
        if (OperatingSystem.IsLinux())
        {
            // Lower than the test's own thread, which like the dashboard's keeps the priority the process started with.
            var lowered = Math.Min(CheckThreads.MaxNiceness, Niceness() + CheckThreads.Niceness);
            Assert.Equal((lowered, lowered), (before.Niceness, after.Niceness));
        }
    }

    [Fact]
    public async Task A_check_keeps_its_callers_context_through_its_awaits_so_its_log_lines_keep_their_correlation_id()
    {
        var correlation = new AsyncLocal<string?> { Value = "run-42" }; // what Serilog's LogContext is made of

        var seen = await _threads.RunAsync(async () =>
        {
            var first = correlation.Value;
            await Task.Run(() => { }, Ct);
            return (first, correlation.Value);
        }).WaitAsync(Deadline, Ct);

        Assert.Equal(("run-42", "run-42"), seen);
    }

    [Fact]
    public void After_the_app_stopped_what_is_left_of_a_check_finishes_on_the_thread_pool()
    {
        _threads.Dispose();
        using var ran = new ManualResetEventSlim();

        _threads.Post(_ => ran.Set(), null);

        Assert.True(ran.Wait(Deadline, Ct));
    }

    [Fact]
    public async Task A_check_that_fails_or_is_cancelled_tells_its_caller_and_the_threads_go_on()
    {
        var failed = _threads.RunAsync<int>(() => throw new InvalidOperationException("the report template broke"));
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();
        var cancelled = _threads.RunAsync(async () =>
        {
            await Task.Run(() => { }, Ct);
            stop.Token.ThrowIfCancellationRequested();
            return 1;
        });

        Assert.Equal("the report template broke", (await Assert.ThrowsAsync<InvalidOperationException>(() => failed.WaitAsync(Deadline, Ct))).Message);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Deadline, Ct));
        Assert.True(cancelled.IsCanceled);
        Assert.Equal(2, await _threads.RunAsync(() => Task.FromResult(2)).WaitAsync(Deadline, Ct));
    }

    [Fact]
    public async Task A_check_stuck_in_a_synchronous_wait_holds_up_no_other()
    {
        using var release = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        var stuck = _threads.RunAsync(() =>
        {
            entered.Set();
            release.Wait(Ct); // what SQLite does while another process holds the database
            return Task.FromResult("stuck");
        });
        entered.Wait(Ct);

        Assert.Equal("other", await _threads.RunAsync(async () =>
        {
            await Task.Run(() => { }, Ct);
            return "other";
        }).WaitAsync(Deadline, Ct));
        Assert.False(stuck.IsCompleted);
        release.Set();
        Assert.Equal("stuck", await stuck.WaitAsync(Deadline, Ct));
    }

    private static (string Thread, int Niceness) Here() => (Thread.CurrentThread.Name ?? "", OperatingSystem.IsLinux() ? Niceness() : 0);

    /// <summary>This thread's niceness: field 19 of /proc/thread-self/stat.</summary>
    private static int Niceness()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[19 - 3], System.Globalization.CultureInfo.InvariantCulture);
    }
}

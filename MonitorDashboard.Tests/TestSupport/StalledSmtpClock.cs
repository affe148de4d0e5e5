using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Tests.Email.Smtp;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// Moves the engine's fake clock through SMTP sessions that stall: each time the scripted server is stuck at
/// <paramref name="stalledAt"/>, the clock jumps by the session deadline, so the session ends there and its error
/// names that stage; between sessions (retry backoff) it moves in small steps. It never moves while a session is
/// doing its real work, nor before the first stall (InvenTree's timeouts run on the same clock), so where each
/// session ends does not depend on how busy the machine is.
/// </summary>
internal sealed class StalledSmtpClock(FakeTimeProvider time, ScriptedSmtpServer server, ScriptedStage stalledAt, TimeSpan sessionTimeout)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan BackoffStep = TimeSpan.FromSeconds(1);
    private int _handled;
    private bool _stalledSinceDriveBegan;

    /// <summary>Stalls already ended (by this clock, or by the test moving the clock itself).</summary>
    public int Handled => _handled;

    /// <summary>Counts stalls the test ended itself, so they are not ended twice; the next drive steps through backoff at once.</summary>
    public void Skip(int stalls)
    {
        _handled += stalls;
        _stalledSinceDriveBegan = true;
    }

    public async Task<T> DriveAsync<T>(Task<T> work)
    {
        await DriveAsync((Task)work);
        return await work;
    }

    /// <summary>Ends each stall at its deadline and steps through backoff delays until <paramref name="work"/> is done.</summary>
    public Task DriveAsync(Task work) => DriveAsync(work, endStalls: true);

    /// <summary>
    /// After the server healed (the stalls already ended): only steps through backoff delays, for the retries to go
    /// out. A healthy session passes the stage too, and must not be cut off there.
    /// </summary>
    public async Task<T> StepThroughBackoffAsync<T>(Task<T> work)
    {
        await DriveAsync(work, endStalls: false);
        return await work;
    }

    private async Task DriveAsync(Task work, bool endStalls)
    {
        var deadline = DateTime.UtcNow + Deadline;
        using var interval = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (!work.IsCompleted)
        {
            if (endStalls && server.Count(stalledAt) > _handled)
            {
                _handled++;
                _stalledSinceDriveBegan = true;
                time.Advance(sessionTimeout);
            }
            else if (_stalledSinceDriveBegan && server.Count(ScriptedStage.Connected) == server.Count(ScriptedStage.Closed))
            {
                // No session open: whatever runs now waits for a backoff delay, or works without the clock.
                time.Advance(BackoffStep);
            }
            Assert.True(DateTime.UtcNow < deadline,
                $"not done within {Deadline.TotalSeconds:0} s; stalls at {stalledAt}: {server.Count(stalledAt)}, ended: {_handled}, sessions: {server.Sessions}");
            await Task.WhenAny(work, interval.WaitForNextTickAsync(TestContext.Current.CancellationToken).AsTask());
        }
        _stalledSinceDriveBegan = false;
        await work;
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Cron;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Scheduling;
using MonitorDashboard.Monitoring.State;

namespace MonitorDashboard.Tests.Monitoring.Scheduling;

public sealed class BurstMemoryTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));
    private readonly MonitorState _state;
    private int _collections;

    public BurstMemoryTests() => _state = new MonitorState(_clock, Options.Create(new ScheduleOptions()), NullLogger<MonitorState>.Instance);

    [Fact]
    public void Memory_is_returned_once_when_a_burst_has_been_quiet_and_not_while_runs_go_on()
    {
        using var memory = new BurstMemory(_state, _clock, NullLogger<BurstMemory>.Instance, () => _collections++);

        Burst(BurstMemory.MinimumRuns);
        Assert.False(memory.ReturnIfBurstOver()); // the last run just finished

        _clock.Advance(BurstMemory.Quiet / 2);
        _state.MarkRunStarted("late", RunTrigger.Schedule); // a straggler starts: the burst is not over
        _clock.Advance(BurstMemory.Quiet / 2);
        Assert.False(memory.ReturnIfBurstOver());

        _clock.Advance(BurstMemory.Quiet);
        Assert.True(memory.ReturnIfBurstOver());
        Assert.Equal(1, _collections);

        _clock.Advance(BurstMemory.Quiet * 10);
        Assert.False(memory.ReturnIfBurstOver()); // nothing ran since: no second collection
        Assert.Equal(1, _collections);
    }

    [Fact]
    public void A_few_runs_are_not_a_burst()
    {
        using var memory = new BurstMemory(_state, _clock, NullLogger<BurstMemory>.Instance, () => _collections++);

        Burst(BurstMemory.MinimumRuns - 1);
        _clock.Advance(BurstMemory.Quiet * 2);

        Assert.False(memory.ReturnIfBurstOver());
        Assert.Equal(0, _collections);
    }

    [Fact]
    public async Task Running_as_a_hosted_service_it_collects_after_the_quiet_period()
    {
        var collected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var memory = new BurstMemory(_state, _clock, NullLogger<BurstMemory>.Instance, () => collected.TrySetResult());
        await memory.StartAsync(CancellationToken.None);
        Burst(BurstMemory.MinimumRuns);

        await AdvanceUntilAsync(collected.Task, BurstMemory.Quiet, "no collection after the burst went quiet");

        await memory.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void A_long_burst_is_compacted_every_few_hundred_runs_while_it_goes_on()
    {
        using var memory = new BurstMemory(_state, _clock, NullLogger<BurstMemory>.Instance, () => _collections++);

        Burst(BurstMemory.CompactEvery - 1);
        Assert.False(memory.CompactIfBurstGrew());
        Burst(1);
        Assert.True(memory.CompactIfBurstGrew());
        Assert.False(memory.CompactIfBurstGrew()); // counted afresh from here
        Burst(BurstMemory.CompactEvery);
        Assert.True(memory.CompactIfBurstGrew());
        Assert.Equal(2, _collections);

        // The end of the burst still gives the memory back, and the next burst counts from nothing.
        Burst(10);
        _clock.Advance(BurstMemory.Quiet);
        Assert.True(memory.ReturnIfBurstOver());
        Assert.Equal(3, _collections);
        Burst(BurstMemory.CompactEvery - 1);
        Assert.False(memory.CompactIfBurstGrew());
    }

    [Fact]
    public async Task Running_as_a_hosted_service_it_compacts_during_a_long_burst()
    {
        var compacted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var memory = new BurstMemory(_state, _clock, NullLogger<BurstMemory>.Instance, () => compacted.TrySetResult());
        await memory.StartAsync(CancellationToken.None);
        Burst(BurstMemory.CompactEvery);

        // The burst goes on (a run starts at every step), so this is the compaction, not the end of the burst.
        await AdvanceUntilAsync(compacted.Task, BurstMemory.Tick, "no compaction during the burst",
            () => _state.MarkRunStarted("still-running", RunTrigger.Schedule));

        await memory.StopAsync(CancellationToken.None);
    }

    /// <summary>
    /// Moves the clock by <paramref name="step"/> until <paramref name="signal"/> completes: the service's timer starts
    /// on a background thread, so the test keeps moving the clock until the service saw the tick it waits for.
    /// </summary>
    private async Task AdvanceUntilAsync(Task signal, TimeSpan step, string failure, Action? beforeEachStep = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!signal.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            beforeEachStep?.Invoke();
            _clock.Advance(step);
            try
            {
                await signal.WaitAsync(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
            }
            catch (TimeoutException)
            {
                // Not this tick yet: move the clock on.
            }
        }
    }

    private void Burst(int runs)
    {
        for (var i = 0; i < runs; i++)
        {
            var now = _clock.GetUtcNow();
            _state.MarkRunStarted($"list-{i}", RunTrigger.Schedule);
            _state.MarkRunFinished(new RunSummary(Guid.NewGuid(), $"list-{i}", $"List {i}", RunTrigger.Schedule, now, now, now,
                RunOutcome.Ok, RunCounts.None, null, false, null, null, null));
        }
    }
}

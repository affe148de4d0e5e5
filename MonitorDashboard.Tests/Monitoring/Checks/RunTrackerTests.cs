using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.Checks;

/// <summary>What the health check sees of the checks in this process: who waits, who runs, until when, doing what.</summary>
public sealed class RunTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(T0);
    private readonly RunTracker _tracker;

    public RunTrackerTests() => _tracker = new RunTracker(_clock);

    [Fact]
    public void A_queued_check_waits_without_a_start_and_once_started_has_its_deadline()
    {
        using var handle = _tracker.Queued("morning", "Morning build", RunTrigger.Manual, new CheckProgress());
        Assert.Equal(new TrackedRun("morning", "Morning build", RunTrigger.Manual, T0, null, null, "starting"), Assert.Single(_tracker.Snapshot()));

        _clock.Advance(TimeSpan.FromSeconds(40));
        handle.Started(TimeSpan.FromMinutes(5));

        var started = Assert.Single(_tracker.Snapshot());
        Assert.Equal((T0, T0.AddSeconds(40), T0.AddSeconds(40).AddMinutes(5)), (started.QueuedAt, started.StartedAt, started.Deadline));
    }

    [Fact]
    public void The_stage_is_read_from_the_checks_progress_as_it_goes()
    {
        var progress = new CheckProgress();
        using var handle = _tracker.Queued("morning", "Morning build", RunTrigger.Schedule, progress);
        var detail = "fetching the parts";
        progress.Enter("fetching from InvenTree", () => detail);
        Assert.Equal("fetching the parts", Assert.Single(_tracker.Snapshot()).Stage);

        detail = "fetching the BOM of Widget Assembly";

        Assert.Equal("fetching the BOM of Widget Assembly", Assert.Single(_tracker.Snapshot()).Stage);
    }

    [Fact]
    public void A_finished_check_is_forgotten_and_a_late_start_or_second_dispose_changes_nothing()
    {
        var handle = _tracker.Queued("morning", "Morning build", RunTrigger.Schedule, new CheckProgress());

        handle.Dispose();
        handle.Started(TimeSpan.FromMinutes(5));
        handle.Dispose();

        Assert.Empty(_tracker.Snapshot());
    }

    [Fact]
    public void Checks_are_listed_in_the_order_they_were_queued_each_on_its_own()
    {
        using var first = _tracker.Queued("b", "B", RunTrigger.Schedule, new CheckProgress());
        _clock.Advance(TimeSpan.FromSeconds(1));
        var second = _tracker.Queued("a", "A", RunTrigger.Manual, new CheckProgress());
        _clock.Advance(TimeSpan.FromSeconds(1));
        using var third = _tracker.Queued("b", "B", RunTrigger.Cli, new CheckProgress());
        Assert.Equal([RunTrigger.Schedule, RunTrigger.Manual, RunTrigger.Cli], _tracker.Snapshot().Select(r => r.Trigger));

        second.Dispose();

        Assert.Equal([RunTrigger.Schedule, RunTrigger.Cli], _tracker.Snapshot().Select(r => r.Trigger));
    }
}

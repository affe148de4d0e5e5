using System.Text.Json.Nodes;
using MonitorDashboard.Email;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.Scheduling;

/// <summary>
/// The dispatcher over the real presets store, history and check pipeline, driven tick by tick on a fake clock:
/// when lists fire, and how edits, pauses, deletions and hand-made changes to presets.json take effect.
/// </summary>
public sealed class MonitorDispatcherTests
{
    private static readonly TimeSpan TickEvery = TimeSpan.FromSeconds(30);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset At(int hour, int minute) => SchedulerHarness.Start.AddHours(hour - 8).AddMinutes(minute);

    /// <summary>Ticks every 30 s of fake time until <paramref name="until"/> (inclusive), calling <paramref name="between"/> before each tick.</summary>
    private static async Task TickUntilAsync(SchedulerHarness harness, DateTimeOffset until, Func<DateTimeOffset, Task>? between = null)
    {
        while (harness.Clock.GetUtcNow() <= until)
        {
            if (between is not null)
            {
                await between(harness.Clock.GetUtcNow());
            }
            await harness.TickAndWaitAsync();
            harness.Clock.Advance(TickEvery);
        }
    }

    [Fact]
    public async Task An_every_five_minutes_list_fires_at_each_five_minute_mark_and_not_between()
    {
        var list = SchedulerHarness.List("Every five minutes", "*/5 * * * *");
        await using var harness = await SchedulerHarness.StartAsync([list]);

        var runsSoFar = 0;
        for (var elapsed = TimeSpan.Zero; elapsed <= TimeSpan.FromMinutes(20); elapsed += TickEvery)
        {
            runsSoFar += (await harness.TickAndWaitAsync()).Count;
            Assert.True(runsSoFar == (int)(elapsed / TimeSpan.FromMinutes(5)), $"{runsSoFar} runs after {elapsed}");
            harness.Clock.Advance(TickEvery);
        }

        var runs = await harness.RunsAsync(list.Id);
        Assert.Equal([At(8, 5), At(8, 10), At(8, 15), At(8, 20)], runs.Select(r => r.ScheduledFor!.Value));
        Assert.All(runs, r => Assert.Equal((RunTrigger.Schedule, r.ScheduledFor!.Value), (r.Trigger, r.StartedAt)));
        Assert.All(runs, r => Assert.Equal(DeliveryOutcome.Sent, r.EmailOutcome));
        Assert.Equal(4, Directory.GetFiles(harness.OutboxFolder, "*.eml").Length);
        Assert.Equal(At(8, 25), harness.State.Find(list.Id)!.NextRun);
        Assert.Equal(At(8, 25), (await harness.History.GetStateAsync(list.Id, Ct))!.NextDue);
    }

    [Fact]
    public async Task Editing_the_schedule_mid_way_reschedules_from_the_edit_on()
    {
        var list = SchedulerHarness.List("Edited", "*/5 * * * *");
        await using var harness = await SchedulerHarness.StartAsync([list]);

        await TickUntilAsync(harness, At(8, 40), async now =>
        {
            if (now == At(8, 8))
            {
                var snapshot = await harness.CurrentPresetsAsync();
                await harness.Presets.UpdateListAsync(snapshot.FindList(list.Id)! with { CronSchedule = "7-59/15 * * * *" }, snapshot.Version, Ct);
            }
        });

        var runs = await harness.RunsAsync(list.Id);
        Assert.Equal([At(8, 5), At(8, 22), At(8, 37)], runs.Select(r => r.ScheduledFor!.Value));
        Assert.Equal(At(8, 52), harness.State.Find(list.Id)!.NextRun);
    }

    [Fact]
    public async Task Deactivating_stops_a_list_and_reactivating_schedules_it_from_then_without_owing_the_paused_runs()
    {
        var list = SchedulerHarness.List("Paused for a while", "*/5 * * * *");
        await using var harness = await SchedulerHarness.StartAsync([list]);

        await TickUntilAsync(harness, At(8, 30), async now =>
        {
            if (now == At(8, 6))
            {
                await harness.Presets.SetActiveAsync(list.Id, false, (await harness.CurrentPresetsAsync()).Version, Ct);
            }
        });

        Assert.Equal([At(8, 5)], (await harness.RunsAsync(list.Id)).Select(r => r.ScheduledFor!.Value));
        var view = harness.State.Find(list.Id)!;
        Assert.False(view.Active);
        Assert.Null(view.NextRun);
        Assert.Null((await harness.History.GetStateAsync(list.Id, Ct))!.NextDue);

        await harness.Presets.SetActiveAsync(list.Id, true, (await harness.CurrentPresetsAsync()).Version, Ct);
        await TickUntilAsync(harness, At(8, 40));

        Assert.Equal([At(8, 5), At(8, 35), At(8, 40)], (await harness.RunsAsync(list.Id)).Select(r => r.ScheduledFor!.Value));
    }

    [Fact]
    public async Task Deleting_a_list_removes_its_schedule_state_and_leaves_the_others_running()
    {
        var deleted = SchedulerHarness.List("Deleted", "*/5 * * * *");
        var kept = SchedulerHarness.List("Kept", "*/5 * * * *");
        await using var harness = await SchedulerHarness.StartAsync([deleted, kept]);
        await TickUntilAsync(harness, At(8, 5));
        Assert.NotNull(await harness.History.GetStateAsync(deleted.Id, Ct));

        await harness.Presets.DeleteListAsync(deleted.Id, (await harness.CurrentPresetsAsync()).Version, Ct);
        await TickUntilAsync(harness, At(8, 10));

        Assert.Null(await harness.History.GetStateAsync(deleted.Id, Ct));
        Assert.Null(harness.State.Find(deleted.Id));
        Assert.Equal([At(8, 5)], (await harness.RunsAsync(deleted.Id)).Select(r => r.ScheduledFor!.Value));
        Assert.Equal([At(8, 5), At(8, 10)], (await harness.RunsAsync(kept.Id)).Select(r => r.ScheduledFor!.Value));
    }

    [Fact]
    public async Task A_list_added_by_hand_to_presets_json_runs_on_its_schedule_once_the_file_is_reloaded()
    {
        var existing = SchedulerHarness.List("Existing", "*/5 * * * *");
        await using var harness = await SchedulerHarness.StartAsync([existing]);
        const string handMadeId = "0c5a3c36-9d0e-4c43-b1b2-8a0e3f1d7e55";

        await TickUntilAsync(harness, At(8, 20), async now =>
        {
            if (now == At(8, 2))
            {
                var document = JsonNode.Parse(await File.ReadAllTextAsync(harness.PresetsPath, Ct))!;
                document["monitoring_lists"]!.AsArray().Add(JsonNode.Parse($$"""
                    { "id": "{{handMadeId}}", "name": "Typed in an editor", "parts": [ { "name": "Crystal 8 MHz", "quantity": 3 } ],
                      "cron_schedule": "*/10 * * * *", "recipients": ["hand@example.com"] }
                    """));
                await File.WriteAllTextAsync(harness.PresetsPath, document.ToJsonString(), Ct);
                // What the file watcher does when it notices the change.
                await harness.Presets.LoadAsync(Ct);
            }
        });

        Assert.Equal([At(8, 10), At(8, 20)], (await harness.RunsAsync(handMadeId)).Select(r => r.ScheduledFor!.Value));
        Assert.Equal(4, (await harness.RunsAsync(existing.Id)).Count);
        Assert.Equal(At(8, 30), harness.State.Find(handMadeId)!.NextRun);
    }

    [Fact]
    public async Task Runs_that_came_due_while_presets_json_was_broken_are_missed_for_that_reason_and_the_latest_is_caught_up()
    {
        var list = SchedulerHarness.List("Hourly", "0 * * * *");
        await using var harness = await SchedulerHarness.StartAsync([list]);
        await harness.TickAndWaitAsync();
        var good = await File.ReadAllTextAsync(harness.PresetsPath, Ct);

        await File.WriteAllTextAsync(harness.PresetsPath, "{ \"monitoring_lists\": [", Ct);
        await harness.Presets.LoadAsync(Ct);
        for (var hour = 1; hour <= 3; hour++)
        {
            Assert.Empty(await harness.AdvanceAndTickAsync(TimeSpan.FromHours(1)));
        }
        harness.Clock.Advance(TimeSpan.FromMinutes(10));
        await File.WriteAllTextAsync(harness.PresetsPath, good, Ct);
        await harness.Presets.LoadAsync(Ct);
        var catchUp = Assert.Single(await harness.TickAndWaitAsync()).Run!.Summary;

        Assert.Equal((RunTrigger.CatchUp, At(11, 0)), (catchUp.Trigger, catchUp.ScheduledFor));
        var missed = Assert.Single(await harness.RunsAsync(list.Id), r => r.Outcome == RunOutcome.Missed);
        Assert.Equal($"missed 2 runs due {At(9, 0):u} to {At(10, 0):u} while presets.json could not be used", missed.Error);
    }
}

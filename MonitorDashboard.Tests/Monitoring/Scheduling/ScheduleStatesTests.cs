using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Scheduling;
using MonitorDashboard.Presets;
using MonitorDashboard.Tests.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.Scheduling;

/// <summary>
/// The dispatcher's copy of the persisted schedule state over a real monitor.db: read once, written through before it
/// is used, parked lists cleared, deleted lists forgotten, and the failure streaks in the same rows left alone.
/// </summary>
public sealed class ScheduleStatesTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Seven = new(2025, 3, 3, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Eight = Seven.AddHours(1);

    private readonly HistoryTestDatabase _db = new();
    private readonly SqliteRunHistory _store;
    private readonly ScheduleStates _states;

    public ScheduleStatesTests()
    {
        _store = _db.Open();
        _states = new ScheduleStates(_store);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task The_persisted_states_are_read_on_the_first_tick_only_and_found_by_list_id_in_any_case()
    {
        await _store.SaveStateAsync(Scheduled("morning", Eight), Ct);

        Assert.True(await _states.LoadAsync(Ct));
        await _store.SaveStateAsync(Scheduled("evening", Eight), Ct);
        Assert.False(await _states.LoadAsync(Ct));

        Assert.Equal(Eight, _states.Find("MORNING")?.NextDue);
        Assert.Null(_states.Find("evening"));
    }

    [Fact]
    public async Task A_decision_is_written_to_the_database_and_keeps_the_failure_streak_a_finished_check_counted()
    {
        await _store.SaveStateAsync(Scheduled("morning", Seven) with { ConsecutiveFailures = 2, FailingSince = Seven }, Ct);
        await _states.LoadAsync(Ct);

        var decided = _states.Find("morning")! with { NextDue = Eight.AddHours(1), LastScheduled = Eight, ScheduleKey = "0 * * * *|UTC" };
        await _states.SaveAsync("morning", decided, Ct);

        var stored = await _store.GetStateAsync("morning", Ct);
        Assert.Equal((Eight.AddHours(1), Eight, "0 * * * *|UTC"), (stored!.NextDue, stored.LastScheduled, stored.ScheduleKey));
        Assert.Equal((2, Seven), (stored.ConsecutiveFailures, stored.FailingSince));
        Assert.Equal(stored, _states.Find("morning"));
    }

    [Fact]
    public async Task A_new_list_gets_its_first_state_from_its_first_decision()
    {
        await _states.LoadAsync(Ct);

        await _states.SaveAsync("new", ListScheduleState.Empty("new") with { NextDue = Eight, ScheduleKey = "0 * * * *|UTC" }, Ct);

        Assert.Equal(Eight, (await _store.GetStateAsync("new", Ct))!.NextDue);
        Assert.Equal(Eight, _states.Find("new")!.NextDue);
    }

    [Fact]
    public async Task Parking_a_scheduled_list_clears_its_next_due_time_and_schedule_key_but_keeps_its_last_run()
    {
        await _store.SaveStateAsync(Scheduled("morning", Eight) with { LastScheduled = Seven }, Ct);
        await _states.LoadAsync(Ct);

        await _states.ParkAsync("morning", Ct);

        var stored = await _store.GetStateAsync("morning", Ct);
        Assert.Equal((null, null, Seven), (stored!.NextDue, stored.ScheduleKey, stored.LastScheduled));
        Assert.Null(_states.Find("morning")!.NextDue);
    }

    [Fact]
    public async Task Parking_a_list_that_was_never_scheduled_writes_nothing()
    {
        await _states.LoadAsync(Ct);

        await _states.ParkAsync("paused", Ct);

        Assert.Null(await _store.GetStateAsync("paused", Ct));
        Assert.Null(_states.Find("paused"));
    }

    [Fact]
    public async Task Lists_no_longer_in_presets_json_lose_their_state_and_the_others_keep_theirs()
    {
        await _store.SaveStateAsync(Scheduled("kept", Eight), Ct);
        await _store.SaveStateAsync(Scheduled("deleted", Eight), Ct);
        await _states.LoadAsync(Ct);

        await _states.ForgetDeletedAsync(Snapshot("KEPT"), Ct);

        Assert.Null(await _store.GetStateAsync("deleted", Ct));
        Assert.Null(_states.Find("deleted"));
        Assert.NotNull(await _store.GetStateAsync("kept", Ct));
        Assert.NotNull(_states.Find("kept"));
    }

    private static ListScheduleState Scheduled(string listId, DateTimeOffset nextDue) =>
        ListScheduleState.Empty(listId) with { NextDue = nextDue, ScheduleKey = "0 7 * * *|UTC" };

    private static PresetsSnapshot Snapshot(params string[] listIds) => new(
        "presets.json", "v1", new PresetsDocument { MonitoringLists = [.. listIds.Select(id => new MonitoringList { Id = id, Name = id })] },
        null, [], Seven);
}

using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.History;

public sealed class SqliteRunHistoryStateTests : IAsyncDisposable
{
    private readonly HistoryTestDatabase _db = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static ListScheduleState Failing(string listId) => new(
        listId,
        new DateTimeOffset(2025, 10, 26, 2, 30, 0, TimeSpan.FromHours(1)).AddTicks(5),
        new DateTimeOffset(2025, 10, 26, 0, 30, 0, TimeSpan.Zero),
        "30 2 * * *|Europe/Berlin",
        new DateTimeOffset(2025, 10, 25, 0, 30, 0, TimeSpan.Zero),
        4,
        true,
        false);

    [Fact]
    public async Task A_saved_state_reads_back_equal_in_utc()
    {
        var store = _db.Open();
        var state = Failing("a");

        await store.SaveStateAsync(state, Ct);
        var read = await store.GetStateAsync("a", Ct);

        Assert.Equal(state, read);
        Assert.Equal(TimeSpan.Zero, read!.NextDue!.Value.Offset);
    }

    [Fact]
    public async Task Saving_again_replaces_the_state_including_clearing_to_nulls()
    {
        var store = _db.Open();
        await store.SaveStateAsync(Failing("a"), Ct);
        var recovered = new ListScheduleState("a", null, null, null, null, 0, false, true);

        await store.SaveStateAsync(recovered, Ct);

        Assert.Equal(recovered, await store.GetStateAsync("a", Ct));
        Assert.Equal(1L, _db.Scalar("SELECT COUNT(*) FROM list_state"));
    }

    [Fact]
    public async Task All_states_are_keyed_by_list_and_delete_removes_one()
    {
        var store = _db.Open();
        await store.SaveStateAsync(Failing("a"), Ct);
        await store.SaveStateAsync(Failing("b") with { ConsecutiveFailures = 0 }, Ct);

        await store.DeleteStateAsync("a", Ct);
        await store.DeleteStateAsync("never-saved", Ct);
        var all = await store.GetAllStatesAsync(Ct);

        Assert.Equal(["b"], all.Keys);
        Assert.Equal(Failing("b") with { ConsecutiveFailures = 0 }, all["b"]);
        Assert.Null(await store.GetStateAsync("a", Ct));
    }

    [Fact]
    public async Task An_unknown_list_has_no_state() => Assert.Null(await _db.Open().GetStateAsync("nope", Ct));

    [Fact]
    public async Task Many_lists_states_change_in_one_call_each_from_what_it_was()
    {
        var store = _db.Open();
        await store.SaveStateAsync(Failing("a"), Ct);
        var due = new DateTimeOffset(2025, 10, 27, 7, 0, 0, TimeSpan.Zero);

        var written = await store.UpdateStatesAsync(new Dictionary<string, Func<ListScheduleState, ListScheduleState>>
        {
            ["a"] = s => s with { NextDue = due },
            ["b"] = s => s with { NextDue = due },
        }, Ct);

        Assert.Equal(Failing("a") with { NextDue = due }, await store.GetStateAsync("a", Ct));
        Assert.Equal(4, (await store.GetStateAsync("a", Ct))!.ConsecutiveFailures);
        Assert.Equal(ListScheduleState.Empty("b") with { NextDue = due }, await store.GetStateAsync("b", Ct));
        Assert.Equal(due, written["b"].NextDue);
    }

    [Fact]
    public async Task Only_states_that_keep_an_unsaved_hash_are_read_for_the_reconciliation()
    {
        var store = _db.Open();
        await store.SaveStateAsync(Failing("a"), Ct);
        await store.SaveStateAsync(Failing("b") with { UnsavedHash = "h1", UnsavedHashBase = "h0" }, Ct);
        await store.SaveStateAsync(Failing("c") with { UnsavedHash = "h2" }, Ct);

        var unsaved = await store.GetUnsavedHashStatesAsync(Ct);

        Assert.Equal(["b", "c"], unsaved.Select(s => s.ListId).Order());
        Assert.Equal(Failing("b") with { UnsavedHash = "h1", UnsavedHashBase = "h0" }, unsaved.Single(s => s.ListId == "b"));
    }
}

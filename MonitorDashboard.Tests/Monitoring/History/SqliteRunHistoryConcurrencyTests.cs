using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.History;

public sealed class SqliteRunHistoryConcurrencyTests : IAsyncDisposable
{
    private readonly HistoryTestDatabase _db = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Two_stores_on_one_fresh_file_writing_at_once_both_land_every_run()
    {
        // Like the dashboard and a `monitor run` process: two stores, both initialising and writing at the same time.
        _db.Retention = 1000;
        var stores = new[] { _db.Open(), _db.Open() };

        await Task.WhenAll(stores.SelectMany((store, s) => Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => store.AddAsync(RunSamples.At(s == 0 ? "dashboard" : "cli", i), Ct), Ct))));

        Assert.Equal(50, await stores[0].CountAsync("cli", Ct));
        Assert.Equal(50, await stores[1].CountAsync("dashboard", Ct));
        Assert.Equal(100L, _db.Scalar("SELECT COUNT(*) FROM runs"));
    }

    [Fact]
    public async Task Two_stores_trimming_the_same_list_at_once_keep_exactly_the_retention()
    {
        _db.Retention = 10;
        var stores = new[] { _db.Open(), _db.Open() };

        await Task.WhenAll(stores.SelectMany((store, s) => Enumerable.Range(0, 25).Select(i =>
            Task.Run(() => store.AddAsync(RunSamples.At("shared", i * 2 + s), Ct), Ct))));

        var kept = await stores[0].ListAsync("shared", 0, 100, Ct);
        Assert.Equal(Enumerable.Range(40, 10).Reverse(), kept.Select(r => (int)(r.StartedAt - RunSamples.T0).TotalMinutes));
    }

    [Fact]
    public async Task State_updates_from_two_processes_at_once_lose_none()
    {
        // The dashboard counting a failure and a `monitor run` process counting another, at the same moment: each
        // read-modify-write is one transaction, so no increment overwrites another.
        var stores = new[] { _db.Open(), _db.Open() };

        await Task.WhenAll(stores.SelectMany(store => Enumerable.Range(0, 50).Select(_ =>
            Task.Run(() => store.UpdateStateAsync("shared", s => s with { ConsecutiveFailures = s.ConsecutiveFailures + 1 }, Ct), Ct))));

        Assert.Equal(100, (await stores[0].GetStateAsync("shared", Ct))?.ConsecutiveFailures);
    }

    [Fact]
    public async Task An_add_cancelled_before_it_starts_stores_nothing()
    {
        var store = _db.Open();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AddAsync(RunSamples.Full(), cancelled.Token));

        Assert.Equal(0, await store.CountAsync("morning", Ct));
    }

    [Fact]
    public async Task An_add_cancelled_after_its_insert_rolls_back_the_run_and_the_trim()
    {
        _db.Retention = 3;
        using var cancel = new CancellationTokenSource();
        var cancelled = RunSamples.At("morning", 10);
        var store = _db.Open(observer: new CancelAfterInsert(cancelled.Summary.RunId, cancel));
        var existing = Enumerable.Range(0, 3).Select(i => RunSamples.At("morning", i)).ToList();
        foreach (var run in existing)
        {
            await store.AddAsync(run, Ct);
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AddAsync(cancelled, cancel.Token));

        Assert.Null(await store.GetAsync(cancelled.Summary.RunId, Ct));
        Assert.Equal(existing.AsEnumerable().Reverse().Select(r => r.Summary.RunId), (await store.ListAsync("morning", 0, 10, Ct)).Select(r => r.RunId));
        // The connection went back to the pool clean: the next add works.
        await store.AddAsync(RunSamples.At("morning", 11), Ct);
        Assert.Equal(3, await store.CountAsync("morning", Ct));
    }

    /// <summary>Cancels <paramref name="cancel"/> once the given run is inserted, before its transaction commits.</summary>
    private sealed class CancelAfterInsert(Guid runId, CancellationTokenSource cancel) : IHistoryWriteObserver
    {
        public void AfterInsert(RunRecord run)
        {
            if (run.Summary.RunId == runId)
            {
                cancel.Cancel();
            }
        }
    }
}

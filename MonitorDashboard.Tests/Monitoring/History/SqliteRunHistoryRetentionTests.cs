using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.History;

public sealed class SqliteRunHistoryRetentionTests : IAsyncDisposable
{
    private readonly HistoryTestDatabase _db = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Theory]
    [InlineData(1, 5)]
    [InlineData(3, 10)]
    [InlineData(10, 10)]
    [InlineData(20, 7)]
    public async Task Each_list_keeps_exactly_its_newest_runs(int retention, int added)
    {
        _db.Retention = retention;
        var store = _db.Open();
        var runs = new List<RunRecord>();
        foreach (var minute in Enumerable.Range(0, added))
        {
            var run = RunSamples.At("a", minute);
            runs.Add(run);
            await store.AddAsync(run, Ct);
        }

        var kept = await store.ListAsync("a", 0, 100, Ct);

        Assert.Equal(runs.AsEnumerable().Reverse().Take(retention).Select(r => r.Summary.RunId), kept.Select(r => r.RunId));
        Assert.Equal(Math.Min(retention, added), await store.CountAsync("a", Ct));
    }

    [Fact]
    public async Task Trimming_one_list_leaves_other_lists_alone()
    {
        var store = _db.Open();
        foreach (var minute in Enumerable.Range(0, 5))
        {
            await store.AddAsync(RunSamples.At("b", minute), Ct);
        }
        _db.Retention = 2;

        foreach (var minute in Enumerable.Range(0, 6))
        {
            await store.AddAsync(RunSamples.At("a", minute), Ct);
        }

        Assert.Equal(2, await store.CountAsync("a", Ct));
        Assert.Equal(5, await store.CountAsync("b", Ct));
    }

    [Fact]
    public async Task A_run_older_than_every_kept_run_is_itself_the_one_trimmed()
    {
        _db.Retention = 2;
        var store = _db.Open();
        var newer = RunSamples.At("a", 10);
        var newest = RunSamples.At("a", 20);
        await store.AddAsync(newer, Ct);
        await store.AddAsync(newest, Ct);

        var old = RunSamples.At("a", 0, outcome: RunOutcome.Missed);
        await store.AddAsync(old, Ct);

        Assert.Null(await store.GetAsync(old.Summary.RunId, Ct));
        Assert.Equal([newest.Summary.RunId, newer.Summary.RunId], (await store.ListAsync("a", 0, 10, Ct)).Select(r => r.RunId));
    }
}

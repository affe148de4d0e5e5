using MonitorDashboard.Email;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.History;

public sealed class SqliteRunHistoryQueryTests : IAsyncDisposable
{
    private readonly HistoryTestDatabase _db = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<SqliteRunHistory> StoreWithAsync(params RunRecord[] runs)
    {
        var store = _db.Open();
        foreach (var run in runs)
        {
            await store.AddAsync(run, Ct);
        }
        return store;
    }

    [Fact]
    public async Task Runs_after_a_mark_are_the_ones_written_since_in_the_order_written_and_nothing_when_none_were()
    {
        var store = await StoreWithAsync(RunSamples.At("a", 10));
        var mark = await store.LatestMarkAsync(Ct);

        var none = await store.RunsAfterAsync(mark, Ct);
        // Written out of time order (a run kept for later, say): what counts is that it is new.
        await store.AddAsync(RunSamples.At("b", 30), Ct);
        await store.AddAsync(RunSamples.At("a", 20), Ct);
        var news = await store.RunsAfterAsync(mark, Ct);

        Assert.Empty(none.Runs);
        Assert.Equal(mark, none.Mark);
        Assert.Equal([("b", 30), ("a", 20)], news.Runs.Select(r => (r.ListId, Minute(r))));
        Assert.Empty((await store.RunsAfterAsync(news.Mark, Ct)).Runs);
    }

    [Fact]
    public async Task An_empty_history_has_mark_zero()
    {
        Assert.Equal(0, await _db.Open().LatestMarkAsync(Ct));
    }

    [Fact]
    public async Task Listing_is_newest_first_and_pages()
    {
        // Added out of order: the listing follows started_at, not insertion.
        var minutes = new[] { 30, 10, 50, 20, 40 };
        var store = await StoreWithAsync([.. minutes.Select(m => RunSamples.At("a", m)), RunSamples.At("b", 60)]);

        var first = await store.ListAsync("a", 0, 2, Ct);
        var second = await store.ListAsync("a", 2, 2, Ct);
        var last = await store.ListAsync("a", 4, 2, Ct);

        Assert.Equal([50, 40], first.Select(Minute));
        Assert.Equal([30, 20], second.Select(Minute));
        Assert.Equal([10], last.Select(Minute));
        Assert.Empty(await store.ListAsync("a", 5, 2, Ct));
        Assert.Empty(await store.ListAsync("unknown", 0, 10, Ct));
    }

    [Fact]
    public async Task Recent_runs_of_every_list_come_in_one_call_newest_first_at_most_the_asked_number_each()
    {
        var store = await StoreWithAsync(
        [
            .. new[] { 30, 10, 50, 20, 40 }.Select(m => RunSamples.At("a", m)), RunSamples.At("b", 60), RunSamples.At("c", 5), RunSamples.At("c", 15),
        ]);

        var recent = await store.RecentPerListAsync(3, Ct);

        Assert.Equal(["a", "b", "c"], recent.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([50, 40, 30], recent["a"].Select(Minute));
        Assert.Equal([60], recent["b"].Select(Minute));
        Assert.Equal([15, 5], recent["c"].Select(Minute));
    }

    [Fact]
    public async Task Runs_started_at_the_same_instant_list_in_insertion_order_newest_first()
    {
        var runs = Enumerable.Range(0, 3).Select(_ => RunSamples.At("a", 0)).ToArray();
        var store = await StoreWithAsync(runs);

        Assert.Equal(runs.Reverse().Select(r => r.Summary.RunId), (await store.ListAsync("a", 0, 10, Ct)).Select(r => r.RunId));
        Assert.Equal(runs[0].Summary.RunId, (await store.PreviousAsync(runs[1].Summary.RunId, Ct))!.Summary.RunId);
    }

    [Fact]
    public async Task Count_and_latest_are_per_list()
    {
        var store = await StoreWithAsync(RunSamples.At("a", 1), RunSamples.At("a", 3), RunSamples.At("a", 2), RunSamples.At("b", 0));

        Assert.Equal(3, await store.CountAsync("a", Ct));
        Assert.Equal(1, await store.CountAsync("b", Ct));
        Assert.Equal(0, await store.CountAsync("c", Ct));
        Assert.Equal(3, Minute((await store.LatestAsync("a", Ct))!));
        Assert.Null(await store.LatestAsync("c", Ct));
    }

    [Fact]
    public async Task Latest_per_list_has_the_newest_run_of_every_list()
    {
        var store = await StoreWithAsync(RunSamples.At("a", 5), RunSamples.At("a", 9), RunSamples.At("b", 7), RunSamples.At("b", 1), RunSamples.At("c", 0));

        var latest = await store.LatestPerListAsync(Ct);

        Assert.Equal(["a", "b", "c"], latest.Keys.Order());
        Assert.Equal(9, Minute(latest["a"]));
        Assert.Equal(7, Minute(latest["b"]));
        Assert.Equal(0, Minute(latest["c"]));
    }

    [Fact]
    public async Task Latest_per_list_of_an_empty_history_is_empty() => Assert.Empty(await _db.Open().LatestPerListAsync(Ct));

    [Fact]
    public async Task Last_reported_skips_failed_disabled_and_email_less_runs()
    {
        var sent = RunSamples.At("a", 1, DeliveryOutcome.Sent);
        var partial = RunSamples.At("a", 2, DeliveryOutcome.PartiallySent);
        var store = await StoreWithAsync(
            sent,
            partial,
            RunSamples.At("a", 3, DeliveryOutcome.Failed, RunOutcome.EmailFailed),
            RunSamples.At("a", 4, DeliveryOutcome.Disabled),
            RunSamples.At("a", 5, outcome: RunOutcome.SkippedUnchanged),
            RunSamples.At("b", 6, DeliveryOutcome.Sent));

        var reported = await store.LastReportedAsync("a", Ct);

        Assert.Equal(partial.Summary.RunId, reported!.Summary.RunId);
        Assert.Equal(RunSamples.Json(partial.Delivery), RunSamples.Json(reported.Delivery));
        Assert.Equal(RunSamples.Json(partial.Email), RunSamples.Json(reported.Email));
    }

    [Fact]
    public async Task Last_reported_is_null_when_nothing_was_ever_accepted()
    {
        var store = await StoreWithAsync(RunSamples.At("a", 1, DeliveryOutcome.Failed), RunSamples.At("a", 2));

        Assert.Null(await store.LastReportedAsync("a", Ct));
    }

    [Fact]
    public async Task Previous_is_the_run_before_of_the_same_list()
    {
        var full = RunSamples.Full("a");
        var first = full with { Summary = full.Summary with { StartedAt = RunSamples.T0 } };
        var other = RunSamples.At("b", 1);
        var second = RunSamples.At("a", 2);
        var third = RunSamples.At("a", 3);
        var store = await StoreWithAsync(third, other, first, second);

        var beforeThird = await store.PreviousAsync(third.Summary.RunId, Ct);
        var beforeSecond = await store.PreviousAsync(second.Summary.RunId, Ct);

        Assert.Equal(second.Summary.RunId, beforeThird!.Summary.RunId);
        Assert.Equal(first.Summary.RunId, beforeSecond!.Summary.RunId);
        Assert.Equal(RunSamples.Json(first.Result), RunSamples.Json(beforeSecond.Result));
        Assert.Null(await store.PreviousAsync(first.Summary.RunId, Ct));
        Assert.Null(await store.PreviousAsync(Guid.NewGuid(), Ct));
    }

    private static int Minute(RunSummary run) => (int)(run.StartedAt - RunSamples.T0).TotalMinutes;
}

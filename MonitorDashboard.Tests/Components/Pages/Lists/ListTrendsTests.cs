using Bunit;
using MonitorDashboard.Components.Pages.Lists;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Components.Pages.Lists;

/// <summary>The lists page's small trend per list, over the real history database.</summary>
public sealed class ListTrendsTests
{
    private static RunSummary Run(string listId, int minutes, int toOrder, bool hasResult = true) => new(
        Guid.NewGuid(), listId, "L", RunTrigger.Schedule, null, DateTimeOffset.UnixEpoch.AddMinutes(minutes), DateTimeOffset.UnixEpoch.AddMinutes(minutes + 1),
        hasResult ? RunOutcome.Shortages : RunOutcome.Failed, hasResult ? new RunCounts(toOrder, 0, 0, 0, 0) : RunCounts.None,
        hasResult ? new string('a', 64) : null, false, null, null, null);

    [Fact]
    public async Task Every_row_gets_its_lists_trend_from_one_history_query_and_a_finished_run_redraws_its_row()
    {
        CountingRunStore? counting = null;
        await using var dashboard = await DashboardServices.StartAsync(history: real => counting = new CountingRunStore(real));
        var (first, second) = (dashboard.State.Lists[0], dashboard.State.Lists[1]);
        // The first list: to order 3, 5, (failed), 2. The second has never run.
        foreach (var run in new[] { Run(first.Id, 0, 3), Run(first.Id, 10, 5), Run(first.Id, 20, 0, hasResult: false), Run(first.Id, 30, 2) })
        {
            await counting!.AddAsync(new RunRecord(run, null, null, null), Xunit.TestContext.Current.CancellationToken);
        }

        var cut = dashboard.Context.Render<ListsPage>();

        cut.WaitForAssertion(() => Assert.Equal("4", Row(cut, first.Name).QuerySelector("[data-testid=trend-sparkline]")?.GetAttribute("data-points")));
        Assert.NotNull(Row(cut, second.Name).QuerySelector("[data-testid=trend-none]"));
        var title = Row(cut, first.Name).QuerySelector("[data-testid=trend-sparkline] title")!.TextContent;
        Assert.StartsWith("to order: 3 5 – 2", title, StringComparison.Ordinal);
        // Two stretches: 3–5, then 2 alone after the failed run (a dot, not a line down to 0).
        Assert.Single(Row(cut, first.Name).QuerySelectorAll("[data-testid=trend-sparkline] polyline"));
        Assert.Single(Row(cut, first.Name).QuerySelectorAll("[data-testid=trend-sparkline] circle"));
        Assert.Equal(1, counting!.RecentPerListCalls);
        Assert.Equal(0, counting.ListCalls);

        var newer = Run(first.Id, 40, 7);
        await counting.AddAsync(new RunRecord(newer, null, null, null), Xunit.TestContext.Current.CancellationToken);
        dashboard.State.MarkRunFinished(newer);

        cut.WaitForAssertion(() => Assert.Equal("5", Row(cut, first.Name).QuerySelector("[data-testid=trend-sparkline]")?.GetAttribute("data-points")));
        Assert.Equal((1, 1), (counting.RecentPerListCalls, counting.ListCalls));
    }

    [Fact]
    public async Task A_run_of_a_list_no_row_asked_for_reads_nothing_until_its_row_asks_and_then_shows_it()
    {
        CountingRunStore? counting = null;
        await using var dashboard = await DashboardServices.StartAsync(history: real => counting = new CountingRunStore(real));
        var (shown, offScreen) = (dashboard.State.Lists[0], dashboard.State.Lists[1]);
        using var trends = new ListTrends(counting!, dashboard.State, Microsoft.Extensions.Logging.Abstractions.NullLogger<ListTrends>.Instance);
        await trends.ForAsync(shown.Id);

        var run = Run(offScreen.Id, 0, 3);
        await counting!.AddAsync(new RunRecord(run, null, null, null), Xunit.TestContext.Current.CancellationToken);
        dashboard.State.MarkRunFinished(run);
        Assert.Equal(0, counting.ListCalls); // a burst of runs of lists nobody looks at costs no history read

        var trend = await trends.ForAsync(offScreen.Id);

        Assert.Equal([3.0], trend.ToOrder);
        Assert.Equal(1, counting.ListCalls);
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<ListsPage> cut, string name) =>
        cut.FindAll("tr.list-row").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal));

    /// <summary>The real store, counting the two reads the trends use.</summary>
    private sealed class CountingRunStore(IRunStore inner) : IRunStore
    {
        public int RecentPerListCalls;
        public int ListCalls;

        public Task AddAsync(RunRecord run, CancellationToken ct) => inner.AddAsync(run, ct);
        public Task<RunRecord?> GetAsync(Guid runId, CancellationToken ct) => inner.GetAsync(runId, ct);

        public Task<IReadOnlyList<RunSummary>> ListAsync(string listId, int offset, int limit, CancellationToken ct)
        {
            Interlocked.Increment(ref ListCalls);
            return inner.ListAsync(listId, offset, limit, ct);
        }

        public Task<int> CountAsync(string listId, CancellationToken ct) => inner.CountAsync(listId, ct);
        public Task<RunSummary?> LatestAsync(string listId, CancellationToken ct) => inner.LatestAsync(listId, ct);
        public Task<IReadOnlyDictionary<string, RunSummary>> LatestPerListAsync(CancellationToken ct) => inner.LatestPerListAsync(ct);

        public Task<IReadOnlyDictionary<string, IReadOnlyList<RunSummary>>> RecentPerListAsync(int perList, CancellationToken ct)
        {
            Interlocked.Increment(ref RecentPerListCalls);
            return inner.RecentPerListAsync(perList, ct);
        }

        public Task<RecordedRuns> RunsAfterAsync(long mark, CancellationToken ct) => inner.RunsAfterAsync(mark, ct);
        public Task<long> LatestMarkAsync(CancellationToken ct) => inner.LatestMarkAsync(ct);
        public Task<RunRecord?> LastReportedAsync(string listId, CancellationToken ct) => inner.LastReportedAsync(listId, ct);
        public Task<RunRecord?> PreviousAsync(Guid runId, CancellationToken ct) => inner.PreviousAsync(runId, ct);
    }
}

using Bunit;
using MonitorDashboard.Components.Pages.Runs;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Tests.Components.Pages.Runs;

public sealed class HistoryPageTests : IAsyncDisposable
{
    private readonly RunPagesContext _ctx = new();

    private IRenderedComponent<HistoryPage> Render(string listId = RunPageData.ListId) =>
        _ctx.Bunit.Render<HistoryPage>(p => p.Add(x => x.ListId, listId));

    [Fact]
    public async Task Thirty_runs_are_paged_in_the_database_25_on_the_first_page_and_5_on_the_second()
    {
        _ctx.DefineList();
        await _ctx.AddAsync([.. Enumerable.Range(0, 30).Select(i => RunPageData.Run(i * 60, RunPageData.Result([RunPageData.Order(101, "M3 screw", i + 1)])))]);

        var cut = Render();

        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("tr.run-row").Count));
        Assert.Contains("1-25 of 30", cut.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal);
        // Newest first: the top row is the run started last (29 h after T0), shown in the list's zone.
        Assert.Contains(RunPageData.T0.AddMinutes(29 * 60).ToOffset(TimeSpan.FromHours(2)).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            cut.Find("tr.run-row [data-testid=run-link]").TextContent, StringComparison.Ordinal);

        cut.Find("button[aria-label='Next page']").Click();

        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("tr.run-row").Count));
    }

    [Fact]
    public async Task Each_run_shows_its_outcome_chip_counts_email_outcome_and_error()
    {
        _ctx.DefineList();
        var ok = RunPageData.Run(0, RunPageData.Result([]), RunOutcome.Ok);
        var shortages = RunPageData.Run(60, RunPageData.Result([RunPageData.Order(101, "M3 screw", 4), RunPageData.Order(102, "Nut", 1)],
            [RunPageData.Build(201, "Gadget", 2)]), email: RunPageData.ReportEmail(), delivery: RunPageData.PartialDelivery());
        var failed = RunPageData.Failed(120, "InvenTree unreachable: connection refused");
        await _ctx.AddAsync(ok, shortages, failed);

        var cut = Render();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("tr.run-row").Count));
        var rows = cut.FindAll("tr.run-row");
        Assert.Equal(["failed", "shortages", "OK"], rows.Select(r => r.QuerySelector("[data-testid=outcome-chip]")!.TextContent.Trim()));
        Assert.Equal("InvenTree unreachable: connection refused", rows[0].QuerySelector("[data-testid=run-error]")!.TextContent);
        var cells = rows[1].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains("partially sent", cells);
        Assert.Equal(["2", "1", "0", "0"], cells.Skip(5).Take(4));
    }

    [Fact]
    public async Task A_run_that_finishes_while_the_page_is_open_appears_on_top_without_a_reload()
    {
        _ctx.DefineList();
        await _ctx.AddAsync(RunPageData.Run(0, RunPageData.Result([])), RunPageData.Run(60, RunPageData.Result([])));
        var cut = Render();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tr.run-row").Count));

        var fresh = RunPageData.Run(120, RunPageData.Result([RunPageData.Order(101, "M3 screw", 7)]), RunOutcome.Shortages, trigger: RunTrigger.Manual);
        await _ctx.AddAsync(fresh);
        _ctx.State.MarkRunFinished(fresh.Summary);

        cut.WaitForAssertion(() =>
        {
            Assert.Equal(3, cut.FindAll("tr.run-row").Count);
            Assert.Equal($"runs/{fresh.Summary.RunId}", cut.Find("tr.run-row [data-testid=run-link]").GetAttribute("href"));
        });
        Assert.Contains("Run now", cut.Find("tr.run-row").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_of_another_list_does_not_touch_this_history()
    {
        _ctx.DefineList();
        await _ctx.AddAsync(RunPageData.Run(0, RunPageData.Result([])));
        var cut = Render();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr.run-row")));

        var other = RunPageData.Run(60, RunPageData.Result([]), listId: "evening", listName: "Evening");
        await _ctx.AddAsync(other);
        _ctx.State.MarkRunFinished(other.Summary);

        Assert.Single(cut.FindAll("tr.run-row"));
    }

    [Fact]
    public async Task Clicking_a_row_opens_the_run()
    {
        _ctx.DefineList();
        var run = RunPageData.Run(0, RunPageData.Result([]));
        await _ctx.AddAsync(run);
        var cut = Render();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr.run-row")));

        cut.Find("tr.run-row td[data-label=Trigger]").Click();

        Assert.EndsWith($"/runs/{run.Summary.RunId}", _ctx.Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_list_still_shows_its_history_named_after_its_runs_with_a_note_and_no_run_now()
    {
        await _ctx.AddAsync(RunPageData.Run(0, RunPageData.Result([]), listName: "Old morning build"));

        var cut = Render();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr.run-row")));
        Assert.Contains("Old morning build", cut.Find("[data-testid=history-title]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=deleted-note]"));
        Assert.Empty(cut.FindAll("[data-testid=run-now-stub]"));
    }

    [Fact]
    public void An_unknown_list_without_history_shows_a_friendly_empty_state()
    {
        var cut = Render("no-such-list");

        cut.WaitForAssertion(() => Assert.Contains("No list and no runs", cut.Find("[data-testid=history-unknown]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=history-table]"));
    }

    [Fact]
    public async Task A_list_that_never_ran_says_so_offers_run_now_and_shows_its_first_run_live()
    {
        _ctx.DefineList();
        var cut = Render();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=history-empty]")));
        Assert.NotNull(cut.Find("[data-testid=run-now-stub]"));
        Assert.NotNull(cut.Find("[data-testid=status-chip]"));

        var first = RunPageData.Run(0, RunPageData.Result([]), RunOutcome.Ok);
        await _ctx.AddAsync(first);
        _ctx.State.MarkRunFinished(first.Summary);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr.run-row")));
    }

    public ValueTask DisposeAsync() => _ctx.DisposeAsync();
}

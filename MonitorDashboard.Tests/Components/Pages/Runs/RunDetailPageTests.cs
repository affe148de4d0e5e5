using Bunit;
using MonitorDashboard.Components.Pages.Runs;
using MonitorDashboard.Monitoring.History;
using static MonitorDashboard.Tests.Components.Pages.Runs.RunPageData;

namespace MonitorDashboard.Tests.Components.Pages.Runs;

public sealed class RunDetailPageTests : IAsyncDisposable
{
    private readonly RunPagesContext _ctx = new();

    private IRenderedComponent<RunDetailPage> Render(Guid runId)
    {
        var cut = _ctx.Bunit.Render<RunDetailPage>(p => p.Add(x => x.RunId, runId));
        cut.WaitForState(() => cut.FindAll("[data-testid=run-summary], [data-testid=run-not-found]").Count > 0);
        return cut;
    }

    private static IReadOnlyList<(string Kind, string Part)> ChangeRows(AngleSharp.Dom.IElement scope) =>
        scope.QuerySelectorAll("[data-testid=change-row]")
            .Select(r => (r.GetAttribute("data-kind")!, r.QuerySelectorAll("td")[1].TextContent.Trim()))
            .ToList();

    /// <summary>Before: screws and capacitors short. Now: capacitors resolved, nuts new, screws up from 4 to 9.</summary>
    private static (RunRecord Previous, RunRecord Current) TwoRuns() => (
        Run(0, Result([Order(101, "M3 screw", 4), Order(110, "Capacitor 100n", 2)])),
        Run(60, Result([Order(101, "M3 screw", 9), Order(120, "M3 nut", 50)], warnings: ["Part 7: BOM line has quantity 0"]),
            email: ReportEmail(), delivery: PartialDelivery()));

    [Fact]
    public async Task The_summary_shows_trigger_times_outcome_hash_and_correlation_id()
    {
        _ctx.DefineList();
        var (previous, current) = TwoRuns();
        await _ctx.AddAsync(previous, current);

        var cut = Render(current.Summary.RunId);

        var summary = cut.Find("[data-testid=run-summary]");
        Assert.Equal("Morning build", cut.Find("[data-testid=summary-list]").TextContent);
        Assert.Equal("schedule", cut.Find("[data-testid=summary-trigger]").TextContent);
        Assert.Contains("09:00 (UTC+02:00)", cut.Find("[data-testid=summary-started]").TextContent, StringComparison.Ordinal);
        Assert.Equal("3.5 s", cut.Find("[data-testid=summary-duration]").TextContent);
        Assert.Equal("shortages", summary.QuerySelector("[data-testid=outcome-chip]")!.TextContent.Trim());
        Assert.Equal(current.Summary.Hash![..12] + "…", cut.Find("[data-testid=summary-hash]").TextContent);
        Assert.Equal("corr-60", cut.Find("[data-testid=summary-correlation]").TextContent);
        Assert.Equal("yes", cut.Find("[data-testid=summary-changed]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=run-now-stub]"));
    }

    [Fact]
    public async Task The_order_proposal_is_linked_only_from_a_run_with_parts_to_order()
    {
        _ctx.DefineList();
        var withParts = Run(0, Result([Order(101, "M3 screw", 4)]));
        var nothingToOrder = Run(30, Result([], [Build(201, "Gadget", 2)]));
        var failed = Failed(60, "InvenTree unreachable");
        await _ctx.AddAsync(withParts, nothingToOrder, failed);

        Assert.Equal($"runs/{withParts.Summary.RunId}/proposal", Render(withParts.Summary.RunId).Find("[data-testid=proposal-link]").GetAttribute("href"));
        Assert.Empty(Render(nothingToOrder.Summary.RunId).FindAll("[data-testid=proposal-link]"));
        Assert.Empty(Render(failed.Summary.RunId).FindAll("[data-testid=proposal-link]"));
    }

    [Fact]
    public async Task Changes_since_the_previous_run_list_new_resolved_and_moved_shortages()
    {
        _ctx.DefineList();
        var (previous, current) = TwoRuns();
        await _ctx.AddAsync(previous, current);

        var cut = Render(current.Summary.RunId);

        var changes = cut.Find("[data-testid=changes-since-previous]");
        Assert.Equal(
            [("new-shortage", "M3 nut"), ("order-up", "M3 screw"), ("resolved-shortage", "Capacitor 100n")],
            ChangeRows(changes));
        Assert.Equal($"runs/{previous.Summary.RunId}", changes.QuerySelector("[data-testid=baseline] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_failed_run_in_between_is_skipped_when_looking_for_the_previous_result()
    {
        var (previous, current) = TwoRuns();
        await _ctx.AddAsync(previous, Failed(30, "timeout"), current);

        var cut = Render(current.Summary.RunId);

        Assert.Equal($"runs/{previous.Summary.RunId}", cut.Find("[data-testid=baseline] a").GetAttribute("href"));
        Assert.Contains(("resolved-shortage", "Capacitor 100n"), ChangeRows(cut.Find("[data-testid=changes-since-previous]")));
    }

    [Fact]
    public async Task The_first_run_says_there_is_nothing_to_compare_with()
    {
        var run = Run(0, Result([Order(101, "M3 screw", 4)]));
        await _ctx.AddAsync(run);

        var cut = Render(run.Summary.RunId);

        Assert.Contains("No earlier run", cut.Find("[data-testid=changes-first]").TextContent, StringComparison.Ordinal);
        Assert.Contains("No other run", cut.Find("[data-testid=compare-none]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_result_tables_and_warnings_are_shown()
    {
        var (previous, current) = TwoRuns();
        await _ctx.AddAsync(previous, current);

        var cut = Render(current.Summary.RunId);

        Assert.Equal(2, cut.FindAll("[data-testid=parts-to-order] tbody tr").Count);
        Assert.Contains("Warnings (1)", cut.Find("[data-testid=result-tables]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_email_section_shows_subject_outcome_attempts_and_every_recipient_with_the_rejection_reason()
    {
        var (previous, current) = TwoRuns();
        await _ctx.AddAsync(previous, current);

        var cut = Render(current.Summary.RunId);

        Assert.Equal("[Monitor] Morning build: parts to order", cut.Find("[data-testid=email-subject]").TextContent);
        Assert.Equal("partially sent", cut.Find("[data-testid=delivery-outcome]").TextContent);
        Assert.Equal("2", cut.Find("[data-testid=delivery-attempts]").TextContent);
        Assert.Equal("<report-1@monitor>", cut.Find("[data-testid=delivery-message-id]").TextContent);
        var recipients = cut.FindAll("[data-testid=recipient]")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .ToList();
        Assert.Equal(["planner@example.com", "accepted", ""], recipients[0]);
        Assert.Equal(["buyer@example.com", "rejected", "550 5.1.1 mailbox unavailable"], recipients[1]);
    }

    [Fact]
    public async Task The_html_preview_is_a_sandboxed_iframe_without_scripts_or_same_origin_holding_the_encoded_html()
    {
        var (previous, current) = TwoRuns();
        await _ctx.AddAsync(previous, current);

        var cut = Render(current.Summary.RunId);

        var frame = cut.Find("iframe[data-testid=email-html]");
        var sandbox = frame.GetAttribute("sandbox");
        Assert.NotNull(sandbox);
        Assert.DoesNotContain("allow-scripts", sandbox, StringComparison.Ordinal);
        Assert.DoesNotContain("allow-same-origin", sandbox, StringComparison.Ordinal);
        Assert.Equal(current.Email!.HtmlBody, frame.GetAttribute("srcdoc"));
        // The report's HTML stays inside the attribute: nothing of it became part of the page.
        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(frame.Children);
    }

    [Fact]
    public async Task The_plain_text_tab_shows_the_text_part()
    {
        var (previous, current) = TwoRuns();
        await _ctx.AddAsync(previous, current);
        var cut = Render(current.Summary.RunId);

        cut.Find("[data-testid=email-preview]").QuerySelectorAll(".mud-tab").Single(t => t.TextContent.Contains("Plain text", StringComparison.Ordinal)).Click();

        // The DOM normalises CRLF to LF.
        cut.WaitForAssertion(() => Assert.Equal(current.Email!.TextBody.ReplaceLineEndings("\n"), cut.Find("pre[data-testid=email-text]").TextContent));
    }

    [Fact]
    public async Task Compare_with_diffs_two_chosen_runs_from_older_to_newer_and_swaps()
    {
        var oldest = Run(0, Result([Order(130, "Relay", 3)]));
        var (previous, current) = TwoRuns();
        await _ctx.AddAsync(oldest, previous with { Summary = previous.Summary with { StartedAt = T0.AddMinutes(10), FinishedAt = T0.AddMinutes(10) } },
            Failed(20, "boom"), current);
        var cut = Render(current.Summary.RunId);

        var select = cut.FindComponent<MudBlazor.MudSelect<Guid?>>();
        Assert.Equal(2, select.FindComponents<MudBlazor.MudSelectItem<Guid?>>().Count);
        await cut.InvokeAsync(() => select.Instance.OpenMenu());
        cut.WaitForAssertion(() => Assert.Equal(2, _ctx.Popovers.FindAll(".mud-list-item").Count));
        await cut.InvokeAsync(() => select.Instance.SelectOption((Guid?)oldest.Summary.RunId));

        cut.WaitForAssertion(() => Assert.Equal(
            [("new-shortage", "M3 nut"), ("new-shortage", "M3 screw"), ("resolved-shortage", "Relay")],
            ChangeRows(cut.Find("[data-testid=compare-with]"))));
        Assert.Equal($"runs/{oldest.Summary.RunId}", cut.Find("[data-testid=compare-from]").GetAttribute("href"));

        cut.Find("[data-testid=compare-swap]").Click();

        Assert.Equal($"runs/{current.Summary.RunId}", cut.Find("[data-testid=compare-from]").GetAttribute("href"));
        Assert.Equal(
            [("new-shortage", "Relay"), ("resolved-shortage", "M3 nut"), ("resolved-shortage", "M3 screw")],
            ChangeRows(cut.Find("[data-testid=compare-with]")));
    }

    [Fact]
    public async Task A_failed_run_shows_its_error_and_no_tables_or_email()
    {
        var failed = Failed(0, "InvenTree unreachable after 4 attempts: connection refused");
        await _ctx.AddAsync(failed);

        var cut = Render(failed.Summary.RunId);

        Assert.Equal("InvenTree unreachable after 4 attempts: connection refused", cut.Find("[data-testid=summary-error]").TextContent.Trim());
        Assert.NotNull(cut.Find("[data-testid=no-result]"));
        Assert.Empty(cut.FindAll("[data-testid=result-tables]"));
        Assert.Empty(cut.FindAll("[data-testid=changes-since-previous]"));
        Assert.Empty(cut.FindAll("[data-testid=email-preview]"));
        Assert.Contains("check failed", cut.Find("[data-testid=no-email]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missed_run_says_it_was_missed()
    {
        var missed = Run(0, null, RunOutcome.Missed);
        await _ctx.AddAsync(missed);

        var cut = Render(missed.Summary.RunId);

        Assert.Contains("did not take place", cut.Find("[data-testid=no-result]").TextContent, StringComparison.Ordinal);
        Assert.Equal("missed", cut.Find("[data-testid=run-summary] [data-testid=outcome-chip]").TextContent.Trim());
    }

    [Fact]
    public void An_unknown_run_id_shows_not_found()
    {
        var cut = Render(Guid.NewGuid());

        Assert.Contains("Run not found", cut.Find("[data-testid=run-not-found]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_newer_run_of_the_list_is_announced_live()
    {
        _ctx.DefineList();
        var (previous, current) = TwoRuns();
        await _ctx.AddAsync(previous);
        var cut = Render(previous.Summary.RunId);
        Assert.Empty(cut.FindAll("[data-testid=newer-run]"));

        await _ctx.AddAsync(current);
        _ctx.State.MarkRunFinished(current.Summary);

        cut.WaitForAssertion(() => Assert.Equal($"runs/{current.Summary.RunId}", cut.Find("[data-testid=newer-run] a").GetAttribute("href")));
    }

    public ValueTask DisposeAsync() => _ctx.DisposeAsync();

    [Fact]
    public async Task The_run_is_marked_where_it_sits_on_its_lists_trend()
    {
        _ctx.DefineList();
        var runs = new[] { Run(0, Result([Order(101, "M3 screw", 4)])), Failed(60, "down"), Run(120, Result([])) };
        await _ctx.AddAsync(runs);

        var cut = Render(runs[0].Summary.RunId);

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=run-trend]")));
        Assert.Equal("Run 1 of the last 3 (dashed line); newer runs are to its right.", cut.Find("[data-testid=run-trend-position]").TextContent.Trim());
        // 240 wide, 3 padding: the first of three points is at x = 3.
        Assert.Equal("3", cut.Find("[data-testid=trend-mark]").GetAttribute("x1"));
        Assert.Equal("3", cut.Find("[data-testid=trend-sparkline]").GetAttribute("data-points"));
    }
}

using Bunit;
using MonitorDashboard.Components.Pages.Lists;
using MonitorDashboard.Components.Shared;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Components.Pages.Lists;

public sealed class ListsPageTests
{
    [Fact]
    public async Task The_grid_shows_every_list_and_follows_state_events_live()
    {
        await using var dashboard = await DashboardServices.StartAsync();
        var cut = dashboard.Context.Render<ListsPage>();
        var list = dashboard.State.Lists[0];

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tr.list-row").Count));
        Assert.Equal("Pending", Chip(cut, list.Name));

        Assert.False(RunNow(cut, list.Name).HasAttribute("disabled"));

        dashboard.State.MarkRunStarted(list.Id, RunTrigger.Schedule);
        cut.WaitForAssertion(() => Assert.Equal("Running", Chip(cut, list.Name)));
        // A run started elsewhere (here the schedule) disables that row's Run now, and only that row's.
        cut.WaitForAssertion(() => Assert.Equal("true", RunNow(cut, list.Name).GetAttribute("aria-busy")));
        Assert.True(RunNow(cut, list.Name).HasAttribute("disabled"));
        Assert.False(RunNow(cut, dashboard.State.Lists[1].Name).HasAttribute("disabled"));

        var now = DateTimeOffset.UtcNow;
        dashboard.State.MarkRunFinished(new RunSummary(Guid.NewGuid(), list.Id, list.Name, RunTrigger.Schedule, now, now, now.AddSeconds(3),
            RunOutcome.Failed, RunCounts.None, null, false, null, "InvenTree at http://x is unreachable", "c1"));
        cut.WaitForAssertion(() => Assert.Equal("Failing", Chip(cut, list.Name)));
        cut.WaitForAssertion(() => Assert.False(RunNow(cut, list.Name).HasAttribute("disabled")));
        Assert.Contains("is unreachable", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_running_list_shows_a_still_running_icon_not_an_animation_in_every_row()
    {
        // At 07:00 every row on the page is running at once; an animated spinner per row kept the browser repainting
        // (in the benchmark's Chromium, a core at the start of a burst), so the chip marks it with a still icon.
        await using var dashboard = await DashboardServices.StartAsync();
        var cut = dashboard.Context.Render<ListsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tr.list-row").Count));
        foreach (var list in dashboard.State.Lists)
        {
            dashboard.State.MarkRunStarted(list.Id, RunTrigger.Schedule);
        }

        cut.WaitForAssertion(() => Assert.All(dashboard.State.Lists, l => Assert.Equal("Running", Chip(cut, l.Name))));
        var chips = cut.FindAll("[data-testid=status-chip]");
        Assert.All(chips, chip =>
        {
            Assert.Contains("running", chip.TextContent, StringComparison.Ordinal);
            Assert.NotNull(chip.QuerySelector("svg"));
            Assert.Null(chip.QuerySelector(".mud-progress-circular"));
        });
    }

    [Fact]
    public async Task A_run_or_a_presets_reload_updates_a_row_in_place_instead_of_recreating_its_controls()
    {
        // At 07:00 every list changes twice and presets.json is rewritten a few dozen times: an open page must update
        // the rows it shows, not tear down and rebuild each row's switch, tooltips and buttons (each with browser calls).
        await using var dashboard = await DashboardServices.StartAsync();
        var cut = dashboard.Context.Render<ListsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tr.list-row").Count));
        var list = dashboard.State.Lists[0];
        var switches = cut.FindComponents<MudBlazor.MudSwitch<bool>>().Select(c => c.Instance).ToList();
        var buttons = cut.FindComponents<RunNowButton>().Select(c => c.Instance).ToList();

        dashboard.State.MarkRunStarted(list.Id, RunTrigger.Schedule);
        cut.WaitForAssertion(() => Assert.Equal("Running", Chip(cut, list.Name)));
        dashboard.State.ApplyPresets(await dashboard.Presets.LoadAsync(CancellationToken.None));
        var now = DateTimeOffset.UtcNow;
        dashboard.State.MarkRunFinished(new RunSummary(Guid.NewGuid(), list.Id, list.Name, RunTrigger.Schedule, now, now, now.AddSeconds(3),
            RunOutcome.Failed, RunCounts.None, null, false, null, "InvenTree at http://x is unreachable", "c1"));
        cut.WaitForAssertion(() => Assert.Equal("Failing", Chip(cut, list.Name)));

        Assert.Equal(switches, cut.FindComponents<MudBlazor.MudSwitch<bool>>().Select(c => c.Instance), ReferenceEqualityComparer.Instance);
        Assert.Equal(buttons, cut.FindComponents<RunNowButton>().Select(c => c.Instance), ReferenceEqualityComparer.Instance);
    }

    [Fact]
    public async Task Row_actions_carry_the_browsers_own_tooltip_not_a_popover_each()
    {
        // A popover per button was five browser calls per row whenever the page opened: a second of a busy browser.
        await using var dashboard = await DashboardServices.StartAsync(signInAs: DashboardServices.Admin);
        var cut = dashboard.Context.Render<ListsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tr.list-row").Count));

        foreach (var row in cut.FindAll("tr.list-row"))
        {
            Assert.Equal(["Run now", "Edit", "Duplicate", "History", "Delete"],
                row.QuerySelectorAll("button[title], a[title]").Select(b => b.GetAttribute("title")));
            Assert.Empty(row.QuerySelectorAll(".mud-tooltip-root"));
        }
    }

    [Fact]
    public async Task Search_narrows_the_grid_by_name_part_or_recipient()
    {
        await using var dashboard = await DashboardServices.StartAsync();
        var cut = dashboard.Context.Render<ListsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tr.list-row").Count));

        cut.Find("input[data-testid=list-search], [data-testid=list-search] input").Input("us-operations");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr.list-row")));
        Assert.Contains("Sensor heads", cut.Find("tr.list-row").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_into_the_empty_search_applies_at_once_and_typing_on_still_narrows_the_grid()
    {
        await using var dashboard = await DashboardServices.StartAsync();
        var cut = dashboard.Context.Render<ListsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tr.list-row").Count));
        const string Field = "input[data-testid=list-search], [data-testid=list-search] input";

        // What app.js hands over from the prerendered page arrives as one input event: no 150 ms debounce for it.
        cut.Find(Field).Input("Sensor");
        Assert.Contains("Sensor heads", Assert.Single(cut.FindAll("tr.list-row")).TextContent, StringComparison.Ordinal);

        cut.Find(Field).Input("Sensor heads and nothing else");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("tr.list-row")));
    }

    [Fact]
    public async Task A_viewer_sees_the_lists_but_no_run_now_edit_or_delete()
    {
        await using var dashboard = await DashboardServices.StartAsync(signInAs: DashboardServices.Viewer);

        var cut = dashboard.Context.Render<ListsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tr.list-row").Count));
        Assert.Empty(cut.FindAll("[data-testid=run-now]"));
        Assert.Empty(cut.FindAll("[data-testid=edit]"));
        Assert.Empty(cut.FindAll("[data-testid=delete]"));
        Assert.Empty(cut.FindAll("[data-testid=new-list]"));
        Assert.Equal(2, cut.FindAll("[data-testid=history]").Count);
    }

    [Fact]
    public async Task An_admin_sees_run_now_for_every_list()
    {
        await using var dashboard = await DashboardServices.StartAsync(signInAs: DashboardServices.Admin);

        var cut = dashboard.Context.Render<ListsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=run-now]").Count));
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<ListsPage> cut, string listName) =>
        cut.FindAll("tr.list-row").Single(r => r.TextContent.Contains(listName, StringComparison.Ordinal));

    private static AngleSharp.Dom.IElement RunNow(IRenderedComponent<ListsPage> cut, string listName) =>
        Row(cut, listName).QuerySelector("[data-testid=run-now]")!;

    private static string Chip(IRenderedComponent<ListsPage> cut, string listName) =>
        Row(cut, listName).QuerySelector("[data-testid=status-chip]")!.GetAttribute("data-status")!;
}

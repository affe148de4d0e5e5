using Bunit;
using MonitorDashboard.Components.Shared;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Components.Shared;

public sealed class CronFieldTests
{
    private static async Task<(DashboardServices Dashboard, IRenderedComponent<CronField> Cut)> RenderAsync(string cron, string zone = "Europe/Berlin")
    {
        var dashboard = await DashboardServices.StartAsync();
        var cut = dashboard.Context.Render<CronField>(p => p.Add(c => c.Value, cron).Add(c => c.TimeZone, zone));
        return (dashboard, cut);
    }

    [Fact]
    public async Task A_valid_schedule_shows_plain_language_and_the_next_five_runs_in_the_zone()
    {
        var (dashboard, cut) = await RenderAsync("0 7 * * 1-5");
        await using var _ = dashboard;

        Assert.Contains("At 07:00 on Monday through Friday", cut.Find("[data-testid=cron-description]").TextContent, StringComparison.Ordinal);
        var runs = cut.FindAll("[data-testid=cron-next-runs] li");
        Assert.Equal(5, runs.Count);
        Assert.All(runs, r => Assert.Contains("07:00", r.TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=cron-warning]"));
    }

    [Fact]
    public async Task A_schedule_below_the_minimum_interval_is_an_error()
    {
        var (dashboard, cut) = await RenderAsync("*/2 * * * *");
        await using var _ = dashboard;

        Assert.Contains("runs every 2 minutes, more often than the minimum interval of 5 minutes", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_syntax_is_an_error_naming_the_problem()
    {
        var (dashboard, cut) = await RenderAsync("0 7 * *");
        await using var _ = dashboard;

        Assert.Contains("has 4 fields", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=cron-next-runs]"));
    }

    [Fact]
    public async Task Restricting_day_of_month_and_day_of_week_warns_that_both_must_match()
    {
        var (dashboard, cut) = await RenderAsync("0 6 1-7 * MON");
        await using var _ = dashboard;

        Assert.Contains("BOTH", cut.Find("[data-testid=cron-warning]").TextContent, StringComparison.Ordinal);
        Assert.All(cut.FindAll("[data-testid=cron-next-runs] li"), r => Assert.StartsWith("Mon", r.TextContent.Trim(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Typing_updates_the_text_and_the_bound_value()
    {
        var (dashboard, cut) = await RenderAsync("0 7 * * 1-5");
        await using var _ = dashboard;
        string? bound = null;
        cut.Render(p => p.Add(c => c.ValueChanged, v => bound = v));

        cut.Find("input").Input("@daily");

        cut.WaitForAssertion(() => Assert.Contains("At 00:00", cut.Find("[data-testid=cron-description]").TextContent, StringComparison.Ordinal));
        Assert.Equal("@daily", bound);
    }
}

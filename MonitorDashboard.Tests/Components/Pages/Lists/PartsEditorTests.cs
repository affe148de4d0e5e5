using Bunit;
using MonitorDashboard.Components.Pages.Lists;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Components.Pages.Lists;

/// <summary>The parts editor against the embedded emulator serving the sample catalog over real HTTP.</summary>
public sealed class PartsEditorTests
{
    [Fact]
    public async Task Names_are_checked_against_inventree_found_ambiguous_or_not_found()
    {
        await using var dashboard = await DashboardServices.StartAsync();
        List<PartRow> rows =
        [
            new() { Name = "Master Assembly", Quantity = 60 },
            new() { Name = "M3x8 Screw", Quantity = 10 },
            new() { Name = "Flux Capacitor", Quantity = 1 },
            new() { Name = "Widget Assembly", Revision = "B", Quantity = 5 },
        ];

        var cut = dashboard.Context.Render<PartsEditor>(p => p.Add(c => c.Rows, rows));

        cut.WaitForAssertion(() => Assert.Equal(
            ["found", "ambiguous (2)", "not found", "found"],
            cut.FindAll("[data-testid=part-lookup-chip]").Select(c => c.TextContent.Trim())), TimeSpan.FromSeconds(20));
        Assert.Contains("#101", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pasted_lines_become_rows_and_bad_lines_are_reported()
    {
        await using var dashboard = await DashboardServices.StartAsync();
        List<PartRow> rows = [new()];
        var cut = dashboard.Context.Render<PartsEditor>(p => p.Add(c => c.Rows, rows));

        cut.Find("[data-testid=paste-toggle]").Click();
        cut.Find("textarea").Change("Master Assembly:60\nWidget Assembly@B:5\nno quantity here\n1525:3");
        cut.Find("[data-testid=paste-add]").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, rows.Count));
        Assert.Equal(("Widget Assembly", "B", 5m), (rows[1].Name, rows[1].Revision, rows[1].Quantity));
        var errors = cut.Find("[data-testid=paste-errors]").TextContent;
        Assert.Contains("no quantity here", errors, StringComparison.Ordinal);
        Assert.Contains("use the part's name", errors, StringComparison.Ordinal);
    }
}

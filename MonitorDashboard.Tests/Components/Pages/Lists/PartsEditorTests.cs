using Bunit;
using Microsoft.AspNetCore.Components.Forms;
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

    [Fact]
    public async Task A_parts_file_replaces_the_rows_and_every_row_is_checked_against_inventree()
    {
        await using var dashboard = await DashboardServices.StartAsync();
        var kept = new MonitorDashboard.Presets.MonitoredPart { Name = "Master Assembly", Quantity = 1 };
        List<PartRow> rows = [new() { Name = "Master Assembly", Quantity = 1, Original = kept }, new() { Name = "Gizmo", Quantity = 2 }];
        var changed = 0;
        var cut = dashboard.Context.Render<PartsEditor>(p => p.Add(c => c.Rows, rows).Add(c => c.Changed, () => changed++));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "name,quantity,revision\n\"Master Assembly\",60\nWidget Assembly,5,B\nFlux Capacitor,1\n", "parts.csv"));

        cut.WaitForAssertion(() => Assert.Equal(
            ["found", "found", "not found"], cut.FindAll("[data-testid=part-lookup-chip]").Select(c => c.TextContent.Trim())), TimeSpan.FromSeconds(20));
        Assert.Equal([("Master Assembly", null, 60m), ("Widget Assembly", "B", 5m), ("Flux Capacitor", null, 1m)], rows.Select(r => (r.Name, r.Revision, r.Quantity)));
        Assert.Same(kept, rows[0].Original);
        Assert.True(changed > 0);
        Assert.Equal("Loaded 3 parts from parts.csv", cut.Find("[data-testid=parts-file-loaded]").TextContent.Trim());
    }

    [Fact]
    public async Task A_parts_file_with_bad_rows_changes_nothing_and_lists_every_bad_row_with_its_line()
    {
        await using var dashboard = await DashboardServices.StartAsync();
        List<PartRow> rows = [new() { Name = "Gizmo", Quantity = 2 }];
        var cut = dashboard.Context.Render<PartsEditor>(p => p.Add(c => c.Rows, rows));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("""[ { "name": "A", "quantity": 1 }, { "name": "B" }, { "quantity": -1 } ]""", "parts.json"));

        cut.WaitForAssertion(() => cut.Find("[data-testid=parts-file-problems]"), TimeSpan.FromSeconds(20));
        var problems = cut.Find("[data-testid=parts-file-problems]");
        Assert.StartsWith("Nothing was loaded from parts.json; fix these 3 problems and load it again:", problems.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(["$[1]: \"quantity\" is missing", "$[2]: \"name\" is missing", "$[2]: quantity -1 must be greater than 0"],
            problems.QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
        Assert.Equal([("Gizmo", 2m)], rows.Select(r => (r.Name, r.Quantity)));
    }

    [Fact]
    public async Task A_parts_file_over_one_megabyte_is_refused_with_a_clear_message()
    {
        await using var dashboard = await DashboardServices.StartAsync();
        List<PartRow> rows = [new() { Name = "Gizmo", Quantity = 2 }];
        var cut = dashboard.Context.Render<PartsEditor>(p => p.Add(c => c.Rows, rows));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[2 * 1024 * 1024], "huge.csv"));

        cut.WaitForAssertion(() => Assert.Contains(
            "file: the file is 2,097,152 bytes; a parts file may be at most 1 MB (1,048,576 bytes)",
            cut.Find("[data-testid=parts-file-problems]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Equal([("Gizmo", 2m)], rows.Select(r => (r.Name, r.Quantity)));
    }
}

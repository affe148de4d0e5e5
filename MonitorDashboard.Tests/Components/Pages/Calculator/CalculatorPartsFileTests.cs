using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using CalculatorPage = MonitorDashboard.Components.Pages.Calculator.Calculator;

namespace MonitorDashboard.Tests.Components.Pages.Calculator;

/// <summary>Uploading a parts file on the calculator page fills the rows (the same parser as the CLI and the list form).</summary>
public sealed class CalculatorPartsFileTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_json_parts_file_fills_the_rows_and_calculates_like_typed_rows()
    {
        await using var harness = await CalculatorPageHarness.StartAsync();
        var cut = harness.Render();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            """[ { "name": "Master Assembly", "quantity": 60 }, { "name": "Widget Assembly", "quantity": 5, "version": "B" } ]""", "build.json"));

        cut.WaitForAssertion(() => Assert.Equal(["Master Assembly", "Widget Assembly"], Values(cut, "part-input")), Wait);
        Assert.Equal(["", "B"], Values(cut, "revision-input"));
        Assert.Equal(["60", "5"], Values(cut, "quantity-input"));
        Assert.Equal("Loaded 2 parts from build.json", cut.Find("[data-testid=parts-file-loaded]").TextContent.Trim());

        await CalculatorPageTests.ClickAsync(cut, "calculate");
        cut.WaitForAssertion(() => Assert.Contains("Parts to order (19)", string.Join(" | ", cut.FindAll(".mud-tab").Select(t => t.TextContent)), StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task A_csv_with_bad_rows_leaves_the_rows_alone_and_lists_each_bad_line()
    {
        await using var harness = await CalculatorPageHarness.StartAsync();
        var cut = harness.Render();
        cut.Find("textarea[data-testid=paste-text]").Input("Gizmo:2");
        await CalculatorPageTests.ClickAsync(cut, "paste-add");

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("Master Assembly,60\nWidget Assembly,five,B\nSensor Board\n", "build.csv"));

        cut.WaitForAssertion(() => cut.Find("[data-testid=parts-file-problems]"), Wait);
        Assert.Equal(
            ["line 2: quantity \"five\" is not a number (write it with a decimal point, e.g. 2.5)", "line 3: expected name,quantity[,revision], found 1 column"],
            cut.FindAll("[data-testid=parts-file-problems] li").Select(li => li.TextContent.Trim()));
        Assert.Equal(["Gizmo"], Values(cut, "part-input"));
    }

    private static IEnumerable<string> Values(IRenderedComponent<CalculatorPage> cut, string testId) =>
        cut.FindAll($"input[data-testid={testId}]").Select(i => i.GetAttribute("value") ?? "");
}

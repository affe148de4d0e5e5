using Bunit;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using CalculatorPage = MonitorDashboard.Components.Pages.Calculator.Calculator;

namespace MonitorDashboard.Tests.Components.Pages.Calculator;

/// <summary>The calculator page with real services; expected numbers from Demo/SAMPLE_CATALOG.md, calculation (a).</summary>
public sealed class CalculatorPageTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Entering_two_rows_and_calculating_shows_19_parts_to_order_and_9_subassemblies()
    {
        await using var harness = await CalculatorPageHarness.StartAsync();
        var cut = harness.Render();

        TypeRow(cut, 0, "Master Assembly", null, "60");
        await ClickAsync(cut, "add-row");
        TypeRow(cut, 1, "Widget Assembly", "B", "5");
        await ClickAsync(cut, "calculate");

        cut.WaitForAssertion(() => Assert.Contains("Parts to order (19)", Tabs(cut)), Wait);
        Assert.Contains("Subassemblies to build (9)", Tabs(cut));
        Assert.Contains("Critical (4)", Tabs(cut));
        Assert.Matches(@"^\d+ requests, \d+\.\d\d s$", cut.Find("[data-testid=run-cost]").TextContent.Trim());
        Assert.Contains("Buck Converter IC 3A", cut.Find("[data-testid=parts-to-order]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("widget assembly", "Widget Assembly (rev B) · WGT-100-B · #112", "Widget Assembly", "B", "")]
    [InlineData("scr-m3x8", "M3x8 Screw · SCR-M3X8-ZN · #186", "#186", "", "M3x8 Screw · SCR-M3X8-ZN · #186")] // two parts share the name
    public async Task Picking_a_suggestion_fills_name_and_revision_or_the_pk_when_the_name_is_shared(
        string typed, string suggestion, string part, string revision, string hint)
    {
        await using var harness = await CalculatorPageHarness.StartAsync();
        var cut = harness.Render();

        cut.Find("input[data-testid=part-input]").Input(typed);
        await harness.Popovers!.WaitForElements(".mud-list-item", Wait)
            .Single(i => i.TextContent.Trim() == suggestion)
            .ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal(part, cut.Find("input[data-testid=part-input]").GetAttribute("value")), Wait);
        Assert.Equal(revision, cut.Find("input[data-testid=revision-input]").GetAttribute("value") ?? "");
        Assert.Equal(hint, cut.FindAll("[data-testid=part-row] .mud-input-helper-text").Select(h => h.TextContent.Trim()).FirstOrDefault() ?? "");
        Assert.Contains(harness.InvenTree.Emulator.Requests, r => r.PathAndQuery.Contains("search=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hiding_consumables_removes_solder_paste_without_a_new_calculation()
    {
        await using var harness = await CalculatorPageHarness.StartAsync();
        var cut = harness.Render();
        await PasteAndCalculateAsync(cut, "Master Assembly:60\nWidget Assembly@B:5");
        Assert.Contains("Solder Paste SAC305", OrderTable(cut), StringComparison.Ordinal);
        var requests = harness.InvenTree.Emulator.Requests.Count;

        cut.Find("input[data-testid=hide-consumables]").Change(true);

        cut.WaitForAssertion(() => Assert.Contains("Parts to order (18)", Tabs(cut)), Wait);
        Assert.DoesNotContain("Solder Paste", OrderTable(cut), StringComparison.Ordinal);
        Assert.Equal(requests, harness.InvenTree.Emulator.Requests.Count);
    }

    [Fact]
    public async Task Excluding_optional_parts_recalculates_without_the_relay_board()
    {
        await using var harness = await CalculatorPageHarness.StartAsync();
        var cut = harness.Render();
        await PasteAndCalculateAsync(cut, "Master Assembly:60\nWidget Assembly@B:5");
        Assert.Contains("Relay 5V SPDT", OrderTable(cut), StringComparison.Ordinal);

        cut.Find("input[data-testid=exclude-optional]").Change(true);

        cut.WaitForAssertion(() => Assert.Contains("Parts to order (16)", Tabs(cut)), Wait);
        Assert.Contains("Subassemblies to build (8)", Tabs(cut));
        Assert.DoesNotContain("Relay", OrderTable(cut), StringComparison.Ordinal);
        await ShowTabAsync(cut, 1);
        Assert.DoesNotContain("Relay Expansion Board", cut.Find("[data-testid=subassemblies-to-build]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hiding_a_supplier_removes_the_parts_it_supplies_from_the_parts_to_order()
    {
        await using var harness = await CalculatorPageHarness.StartAsync();
        var cut = harness.Render();
        await PasteAndCalculateAsync(cut, "Master Assembly:60\nWidget Assembly@B:5");
        Assert.Contains("LTE Modem Module Cat-M1", OrderTable(cut), StringComparison.Ordinal);
        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<int>>().Instance.OpenMenu());

        harness.Popovers!.WaitForElements(".mud-list-item", Wait).First(i => i.TextContent.Contains("Northwind Modules Inc.", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.DoesNotContain("LTE Modem Module Cat-M1", OrderTable(cut), StringComparison.Ordinal), Wait);
        Assert.Contains("Subassemblies to build (9)", Tabs(cut));
    }

    [Fact]
    public async Task An_unknown_part_shows_in_warnings()
    {
        await using var harness = await CalculatorPageHarness.StartAsync();
        var cut = harness.Render();
        await PasteAndCalculateAsync(cut, "Flux Capacitor:1, M3x8 Screw:4");

        await ShowTabAsync(cut, 3);

        Assert.Contains("Warnings (2)", Tabs(cut));
        cut.WaitForAssertion(() => Assert.Contains("Flux Capacitor: no such part in InvenTree", cut.Markup, StringComparison.Ordinal), Wait);
        Assert.Contains("M3x8 Screw: ambiguous, 2 parts have this name", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_paste_box_fills_rows_and_keeps_the_lines_it_did_not_understand()
    {
        await using var harness = await CalculatorPageHarness.StartAsync();
        var cut = harness.Render();

        cut.Find("textarea[data-testid=paste-text]").Input("Master Assembly:60\nnonsense\nWidget Assembly@B:five, 105:2");
        await ClickAsync(cut, "paste-add");

        Assert.Equal(["Master Assembly", "#105"], cut.FindAll("input[data-testid=part-input]").Select(i => i.GetAttribute("value")));
        var errors = cut.Find("[data-testid=paste-errors]").TextContent;
        Assert.Contains("Line 2: \"nonsense\" is not Name:quantity", errors, StringComparison.Ordinal);
        Assert.Contains("Line 3: \"Widget Assembly@B:five\": quantity \"five\" is not a number", errors, StringComparison.Ordinal);
        Assert.Equal("nonsense\nWidget Assembly@B:five", cut.Find("textarea[data-testid=paste-text]").GetAttribute("value")?.ReplaceLineEndings("\n"));
        // A pk row shows which part it is.
        cut.WaitForAssertion(() => Assert.Contains("Sensor Head Assembly", cut.Find("[data-testid=part-rows]").TextContent, StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task Rows_with_problems_are_not_calculated_and_say_what_is_wrong()
    {
        await using var harness = await CalculatorPageHarness.StartAsync();
        var cut = harness.Render();
        TypeRow(cut, 0, "Master Assembly", null, "0");

        await ClickAsync(cut, "calculate");

        Assert.Equal("Row 1 (Master Assembly): the quantity must be greater than 0", cut.Find("[data-testid=row-problem]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=result-tables]"));
        Assert.DoesNotContain(harness.InvenTree.Emulator.Requests, r => r.PathAndQuery.Contains("name_regex", StringComparison.Ordinal)); // no calculation
    }

    [Fact]
    public async Task A_running_calculation_shows_progress_and_can_be_cancelled()
    {
        await using var harness = await CalculatorPageHarness.StartAsync();
        var cut = harness.Render();
        WaitForSuppliers(cut);
        cut.Find("textarea[data-testid=paste-text]").Input("Master Assembly:60");
        await ClickAsync(cut, "paste-add");
        harness.InvenTree.Emulator.Faults.Hang = true;

        cut.Find("[data-testid=calculate]").Click(); // not awaited: the calculation hangs until cancelled

        cut.WaitForElement("[data-testid=progress]", Wait);
        Assert.True(cut.Find("[data-testid=calculate]").HasAttribute("disabled"));
        await ClickAsync(cut, "cancel");
        cut.WaitForAssertion(() => Assert.Equal("Calculation cancelled.", cut.Find("[data-testid=calc-error]").TextContent.Trim()), Wait);
        Assert.Empty(cut.FindAll("[data-testid=progress]"));
        Assert.False(cut.Find("[data-testid=calculate]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task An_InvenTree_that_keeps_failing_is_reported_with_its_message()
    {
        await using var harness = await CalculatorPageHarness.StartAsync();
        var cut = harness.Render();
        WaitForSuppliers(cut);
        harness.InvenTree.Emulator.Faults.FailureRate = 1;

        cut.Find("textarea[data-testid=paste-text]").Input("Master Assembly:60");
        await ClickAsync(cut, "paste-add");
        await ClickAsync(cut, "calculate");

        cut.WaitForAssertion(() => Assert.Contains("kept failing", cut.Find("[data-testid=calc-error]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Contains("HTTP 503", cut.Find("[data-testid=calc-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=result-tables]"));
    }

    [Fact]
    public async Task CSV_export_downloads_the_rows_shown_through_the_browser_helper()
    {
        await using var harness = await CalculatorPageHarness.StartAsync();
        var cut = harness.Render();
        await PasteAndCalculateAsync(cut, "Master Assembly:60\nWidget Assembly@B:5");

        await ClickAsync(cut, "export-order");

        cut.WaitForAssertion(() => Assert.Contains("monitorDashboard.download", harness.Context.JSInterop.Invocations.Select(i => i.Identifier)), Wait);
        var call = Assert.Single(harness.Context.JSInterop.Invocations["monitorDashboard.download"]);
        Assert.Matches(@"^parts-to-order-\d{4}-\d\d-\d\d-\d{4}\.csv$", (string)call.Arguments[0]!);
        Assert.Equal("text/csv;charset=utf-8", call.Arguments[1]);
        var csv = (string)call.Arguments[2]!;
        Assert.StartsWith("\uFEFFPart ID,Name,", csv, StringComparison.Ordinal);
        Assert.Equal(20, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\r\n197,Solder Paste SAC305,,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Part_names_link_to_InvenTree_when_an_instance_URL_is_configured()
    {
        await using var harness = await CalculatorPageHarness.StartAsync(settings: new Dictionary<string, string?> { ["INVENTREE_INSTANCE_URL"] = "https://inventree.example.com/" });
        var cut = harness.Render();
        await PasteAndCalculateAsync(cut, "Master Assembly:60");

        var link = cut.FindAll("[data-testid=parts-to-order] a[data-testid=part-link]").First(a => a.TextContent.Contains("LTE Modem", StringComparison.Ordinal));

        Assert.Equal("https://inventree.example.com/web/part/160/", link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
    }

    /// <summary>Suppliers load when the page opens; faults injected before that would hit them instead.</summary>
    private static void WaitForSuppliers(IRenderedComponent<CalculatorPage> cut) =>
        cut.WaitForAssertion(() => Assert.False(cut.FindComponent<MudSelect<int>>().Instance.Disabled), Wait);

    /// <summary>Only the active tab is rendered; tabs re-render on their own after a result arrives, so no stale click.</summary>
    private static Task ShowTabAsync(IRenderedComponent<CalculatorPage> cut, int index) =>
        cut.InvokeAsync(() => cut.FindComponent<MudTabs>().Instance.ActivatePanelAsync(index));

    /// <summary>
    /// MudBlazor buttons run their handler asynchronously: await it rather than look too early. The page re-renders on
    /// its own (part checks, presets), which can retire the button's handler between finding and clicking it: find again.
    /// </summary>
    internal static async Task ClickAsync(IRenderedComponent<CalculatorPage> cut, string testId)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await cut.Find($"[data-testid={testId}]").ClickAsync(new MouseEventArgs());
                return;
            }
            catch (Bunit.Rendering.UnknownEventHandlerIdException) when (attempt < 5)
            {
            }
        }
    }

    internal static async Task PasteAndCalculateAsync(IRenderedComponent<CalculatorPage> cut, string lines)
    {
        cut.Find("textarea[data-testid=paste-text]").Input(lines);
        await ClickAsync(cut, "paste-add");
        await ClickAsync(cut, "calculate");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=run-cost]")), Wait);
    }

    private static string OrderTable(IRenderedComponent<CalculatorPage> cut) => cut.Find("[data-testid=parts-to-order]").TextContent;

    private static void TypeRow(IRenderedComponent<CalculatorPage> cut, int index, string part, string? revision, string quantity)
    {
        var row = cut.FindAll("[data-testid=part-row]")[index];
        var input = row.QuerySelector("input[data-testid=part-input]")!;
        input.Input(part);
        input.Blur();
        if (revision is not null)
        {
            cut.FindAll("input[data-testid=revision-input]")[index].Change(revision);
        }
        cut.FindAll("input[data-testid=quantity-input]")[index].Change(quantity);
    }

    private static string Tabs(IRenderedComponent<CalculatorPage> cut) =>
        string.Join(" | ", cut.FindAll(".mud-tab").Select(t => t.TextContent.Trim()));
}

using System.Text.Json;
using Bunit;
using MonitorDashboard.Tests.TestSupport;
using MudBlazor;
using CalculatorPage = MonitorDashboard.Components.Pages.Calculator.Calculator;

namespace MonitorDashboard.Tests.Components.Pages.Calculator;

/// <summary>Calculator presets on the page, against a private presets.json written by the real store.</summary>
public sealed class CalculatorPresetsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private const string File = """
        {
          "presets": [
            { "name": "Field stations", "items": [ { "part_id": 101, "quantity": 60 }, { "part_id": "Widget Assembly@B", "quantity": 5 } ] },
            { "name": "Sensor spares", "items": [ { "part_id": 105, "quantity": 10 } ], "note": "kept" }
          ],
          "monitoring_lists": [
            { "id": "5bb71ec5-e745-4b09-8ffb-ab54aec98170", "name": "Weekly", "parts": [ { "name": "Master Assembly", "quantity": 60 } ],
              "active": true, "cron_schedule": "0 7 * * 1-5", "recipients": ["planning@example.com"], "notify_condition": "on_change",
              "last_hash": null, "owner": "anna" }
          ],
          "filepath": "C:\\Users\\anna\\presets.json",
          "email_configs": { "smtp": "mail.example.com", "ports": [25, 587] }
        }
        """;

    /// <summary>The same file as the Python tool would write it: integer part ids and quantities only.</summary>
    private static readonly string PythonReadable = File.Replace("{ \"part_id\": \"Widget Assembly@B\", \"quantity\": 5 }", "{ \"part_id\": 112, \"quantity\": 5 }", StringComparison.Ordinal);

    [Fact]
    public async Task Loading_a_preset_fills_the_rows_with_pks_and_names()
    {
        await using var harness = await CalculatorPageHarness.StartAsync(File);
        var cut = harness.Render();
        WaitForPresets(cut);

        await SelectPresetAsync(harness, cut, "Field stations");
        await CalculatorPageTests.ClickAsync(cut, "preset-load");

        Assert.Equal(["#101", "Widget Assembly"], Values(cut, "part-input"));
        Assert.Equal(["", "B"], Values(cut, "revision-input"));
        Assert.Equal(["60", "5"], Values(cut, "quantity-input"));
        cut.WaitForAssertion(() => Assert.Contains("Master Assembly", cut.Find("[data-testid=part-rows]").TextContent, StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task Saving_a_preset_stores_part_ids_and_whole_numbers_the_python_tool_reads_and_keeps_every_other_key()
    {
        await using var harness = await CalculatorPageHarness.StartAsync(File);
        var cut = harness.Render();
        WaitForPresets(cut);
        await PasteRowsAsync(cut, "Master Assembly:60\nWidget Assembly@B:5\n105:2");

        cut.Find("input[data-testid=preset-name]").Input("Weekly build");
        await CalculatorPageTests.ClickAsync(cut, "preset-save");

        cut.WaitForAssertion(() => Assert.Contains("Saved preset \"Weekly build\"", cut.Find("[data-testid=preset-message]").TextContent, StringComparison.Ordinal), Wait);
        using var before = JsonDocument.Parse(File);
        using var after = JsonDocument.Parse(harness.Presets.Read());
        var presets = after.RootElement.GetProperty("presets");
        Assert.Equal(3, presets.GetArrayLength());
        Assert.Equal("Weekly build", presets[2].GetProperty("name").GetString());
        Assert.Equal(["""{"part_id":101,"quantity":60}""", """{"part_id":112,"quantity":5}""", """{"part_id":105,"quantity":2}"""],
            presets[2].GetProperty("items").EnumerateArray().Select(i => JsonSerializer.Serialize(i)));
        Assert.Equal("kept", presets[1].GetProperty("note").GetString());
        foreach (var key in new[] { "monitoring_lists", "filepath", "email_configs" })
        {
            Assert.True(JsonElement.DeepEquals(before.RootElement.GetProperty(key), after.RootElement.GetProperty(key)), key);
        }
        Assert.Equal(File, System.IO.File.ReadAllText(harness.Presets.FilePath + ".bak"));
        // Only the preset written before part ids were stored ("Field stations") is still unreadable for the Python tool.
        Assert.All(PythonPresetsSchema.Validate(harness.Presets.Read()), v => Assert.StartsWith("$.presets[0].items[1].", v, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_preset_with_a_fractional_quantity_is_refused_and_the_message_says_why()
    {
        await using var harness = await CalculatorPageHarness.StartAsync(PythonReadable);
        var cut = harness.Render();
        WaitForPresets(cut);
        await PasteRowsAsync(cut, "Master Assembly:60\n105:2.5");

        cut.Find("input[data-testid=preset-name]").Input("Halves");
        await CalculatorPageTests.ClickAsync(cut, "preset-save");

        cut.WaitForAssertion(() => Assert.Equal(
            "Not saved: \"#105\": quantity 2.5 is not a whole number; calculator presets hold whole numbers only, because the Python tool reads a preset's quantity as an integer",
            cut.Find("[data-testid=preset-message]").TextContent.Trim()), Wait);
        Assert.Equal(PythonReadable, harness.Presets.Read());
    }

    [Fact]
    public async Task A_part_that_is_not_in_InvenTree_or_is_ambiguous_is_refused_by_name_and_nothing_is_written()
    {
        await using var harness = await CalculatorPageHarness.StartAsync(PythonReadable);
        var cut = harness.Render();
        WaitForPresets(cut);
        await PasteRowsAsync(cut, "Master Assembly:60\nFlux Capacitor:1\nWidget Assembly:5");

        cut.Find("input[data-testid=preset-name]").Input("Mine");
        await CalculatorPageTests.ClickAsync(cut, "preset-save");

        cut.WaitForAssertion(() =>
        {
            var message = cut.Find("[data-testid=preset-message]").TextContent;
            Assert.Contains("\"Flux Capacitor\": no part in InvenTree has this name; a preset stores the part's id, so the part must exist", message, StringComparison.Ordinal);
            Assert.Contains("\"Widget Assembly\": 3 parts in InvenTree have this name; give the revision, or pick the part by id (#pk)", message, StringComparison.Ordinal);
            Assert.DoesNotContain("Master Assembly", message, StringComparison.Ordinal);
        }, Wait);
        Assert.Equal(PythonReadable, harness.Presets.Read());
    }

    [Fact]
    public async Task Saving_under_an_existing_name_asks_before_overwriting()
    {
        await using var harness = await CalculatorPageHarness.StartAsync(File);
        var cut = harness.Render();
        WaitForPresets(cut);
        await PasteRowsAsync(cut, "Sensor Board:4");

        cut.Find("input[data-testid=preset-name]").Input("Sensor spares");
        await CalculatorPageTests.ClickAsync(cut, "preset-save");

        cut.WaitForAssertion(() => Assert.Contains("A preset named \"Sensor spares\" exists. Overwrite it?", cut.Find("[data-testid=preset-confirm]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal(File, harness.Presets.Read());

        await CalculatorPageTests.ClickAsync(cut, "preset-confirm-yes");

        cut.WaitForAssertion(() => Assert.Contains("Saved preset", cut.Find("[data-testid=preset-message]").TextContent, StringComparison.Ordinal), Wait);
        using var after = JsonDocument.Parse(harness.Presets.Read());
        var spares = after.RootElement.GetProperty("presets")[1];
        Assert.Equal("Sensor spares", spares.GetProperty("name").GetString());
        Assert.Equal("""{"part_id":106,"quantity":4}""", JsonSerializer.Serialize(Assert.Single(spares.GetProperty("items").EnumerateArray())));
        Assert.Equal("kept", spares.GetProperty("note").GetString());
        Assert.All(PythonPresetsSchema.Validate(harness.Presets.Read()), v => Assert.StartsWith("$.presets[0].items[1].", v, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Names_differing_only_in_case_are_two_presets_as_in_the_python_tool()
    {
        await using var harness = await CalculatorPageHarness.StartAsync(PythonReadable);
        var cut = harness.Render();
        WaitForPresets(cut);
        await PasteRowsAsync(cut, "Sensor Board:4");

        cut.Find("input[data-testid=preset-name]").Input("sensor SPARES");
        await CalculatorPageTests.ClickAsync(cut, "preset-save");

        cut.WaitForAssertion(() => Assert.Contains("Saved preset \"sensor SPARES\"", cut.Find("[data-testid=preset-message]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Empty(cut.FindAll("[data-testid=preset-confirm]"));
        var written = harness.Presets.Read();
        using var after = JsonDocument.Parse(written);
        Assert.Equal(["Field stations", "Sensor spares", "sensor SPARES"],
            after.RootElement.GetProperty("presets").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        PythonPresetsSchema.AssertLoads(written);
    }

    [Fact]
    public async Task A_preset_we_wrote_with_part_names_still_loads_and_saving_it_again_stores_the_ids()
    {
        await using var harness = await CalculatorPageHarness.StartAsync(File);
        var cut = harness.Render();
        WaitForPresets(cut);
        Assert.Contains("\"Field stations\"", cut.Find("[data-testid=preset-unreadable]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(PythonPresetsSchema.Validate(File));

        await SelectPresetAsync(harness, cut, "Field stations");
        await CalculatorPageTests.ClickAsync(cut, "preset-load");
        Assert.Equal(["#101", "Widget Assembly"], Values(cut, "part-input"));
        Assert.Equal("Field stations", cut.Find("input[data-testid=preset-name]").GetAttribute("value"));
        await CalculatorPageTests.ClickAsync(cut, "preset-save");
        cut.WaitForAssertion(() => cut.Find("[data-testid=preset-confirm]"), Wait);
        await CalculatorPageTests.ClickAsync(cut, "preset-confirm-yes");

        cut.WaitForAssertion(() => Assert.Contains("Saved preset \"Field stations\"", cut.Find("[data-testid=preset-message]").TextContent, StringComparison.Ordinal), Wait);
        var written = harness.Presets.Read();
        using var after = JsonDocument.Parse(written);
        Assert.Equal(["""{"part_id":101,"quantity":60}""", """{"part_id":112,"quantity":5}"""],
            after.RootElement.GetProperty("presets")[0].GetProperty("items").EnumerateArray().Select(i => JsonSerializer.Serialize(i)));
        PythonPresetsSchema.AssertLoads(written);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=preset-unreadable]")), Wait);
    }

    [Fact]
    public async Task A_save_after_someone_else_changed_the_file_is_refused_until_reloaded()
    {
        await using var harness = await CalculatorPageHarness.StartAsync(File);
        var cut = harness.Render();
        WaitForPresets(cut);
        await PasteRowsAsync(cut, "Master Assembly:1");
        var outside = File.Replace("\"Sensor spares\"", "\"Sensor spares (edited by hand)\"", StringComparison.Ordinal);
        harness.Presets.Write(outside);

        cut.Find("input[data-testid=preset-name]").Input("Mine");
        await CalculatorPageTests.ClickAsync(cut, "preset-save");

        cut.WaitForAssertion(() => Assert.Contains("changed by someone else since it was loaded", cut.Find("[data-testid=preset-message]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal(outside, harness.Presets.Read());

        await CalculatorPageTests.ClickAsync(cut, "preset-reload");
        await CalculatorPageTests.ClickAsync(cut, "preset-save");

        cut.WaitForAssertion(() => Assert.Contains("Saved preset \"Mine\"", cut.Find("[data-testid=preset-message]").TextContent, StringComparison.Ordinal), Wait);
        using var after = JsonDocument.Parse(harness.Presets.Read());
        Assert.Equal(["Field stations", "Sensor spares (edited by hand)", "Mine"],
            after.RootElement.GetProperty("presets").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Deleting_a_preset_asks_and_removes_only_that_preset()
    {
        await using var harness = await CalculatorPageHarness.StartAsync(File);
        var cut = harness.Render();
        WaitForPresets(cut);
        await SelectPresetAsync(harness, cut, "Field stations");

        await CalculatorPageTests.ClickAsync(cut, "preset-delete");
        Assert.Contains("Delete preset \"Field stations\"?", cut.Find("[data-testid=preset-confirm]").TextContent, StringComparison.Ordinal);
        await CalculatorPageTests.ClickAsync(cut, "preset-confirm-yes");

        cut.WaitForAssertion(() => Assert.Contains("Deleted preset", cut.Find("[data-testid=preset-message]").TextContent, StringComparison.Ordinal), Wait);
        using var after = JsonDocument.Parse(harness.Presets.Read());
        Assert.Equal(["Sensor spares"], after.RootElement.GetProperty("presets").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(1, after.RootElement.GetProperty("monitoring_lists").GetArrayLength());
    }

    [Fact]
    public async Task A_broken_presets_json_is_reported_and_never_overwritten()
    {
        const string broken = "{ \"presets\": [ ";
        await using var harness = await CalculatorPageHarness.StartAsync(broken);
        var cut = harness.Render();
        cut.WaitForAssertion(() => Assert.Contains("presets.json cannot be read", cut.Find("[data-testid=preset-message]").TextContent, StringComparison.Ordinal), Wait);
        await PasteRowsAsync(cut, "Master Assembly:1");

        cut.Find("input[data-testid=preset-name]").Input("Mine");
        await CalculatorPageTests.ClickAsync(cut, "preset-save");

        cut.WaitForAssertion(() => Assert.Contains("Not saved:", cut.Find("[data-testid=preset-message]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal(broken, harness.Presets.Read());
    }

    [Fact]
    public async Task A_viewer_can_load_presets_but_has_no_save_or_delete()
    {
        await using var harness = await CalculatorPageHarness.StartAsync(File, signInAs: TestAccounts.Viewer);
        var cut = harness.Render();
        WaitForPresets(cut);

        Assert.Empty(cut.FindAll("[data-testid=preset-save]"));
        Assert.Empty(cut.FindAll("[data-testid=preset-delete]"));
        Assert.Contains("an admin saves and deletes them", cut.Find("[data-testid=preset-read-only]").TextContent, StringComparison.Ordinal);
        await SelectPresetAsync(harness, cut, "Sensor spares");
        await CalculatorPageTests.ClickAsync(cut, "preset-load");
        Assert.Equal(["#105"], Values(cut, "part-input"));
    }

    [Fact]
    public async Task An_admin_demoted_with_the_calculator_open_cannot_save_or_delete_a_preset()
    {
        await using var harness = await CalculatorPageHarness.StartAsync(File);
        var cut = harness.Render();
        WaitForPresets(cut);
        await PasteRowsAsync(cut, "Master Assembly:60");
        cut.Find("input[data-testid=preset-name]").Input("Weekly build");

        harness.Accounts.ChangeRole(TestAccounts.Admin, MonitorDashboard.Security.Roles.Viewer);
        await CalculatorPageTests.ClickAsync(cut, "preset-save");
        cut.WaitForAssertion(() => Assert.Contains("Not allowed to save a preset", cut.Find("[data-testid=preset-message]").TextContent, StringComparison.Ordinal), Wait);

        await SelectPresetAsync(harness, cut, "Sensor spares");
        await CalculatorPageTests.ClickAsync(cut, "preset-delete");
        await CalculatorPageTests.ClickAsync(cut, "preset-confirm-yes");
        cut.WaitForAssertion(() => Assert.Contains("Not allowed to delete a preset", cut.Find("[data-testid=preset-message]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal(File, harness.Presets.Read());
    }

    /// <summary>The panel reads presets.json when it opens; a save must be based on that read.</summary>
    private static void WaitForPresets(IRenderedComponent<CalculatorPage> cut) =>
        cut.WaitForAssertion(() => Assert.False(cut.FindComponent<MudSelect<string>>().Instance.Disabled), Wait);

    private static async Task SelectPresetAsync(CalculatorPageHarness harness, IRenderedComponent<CalculatorPage> cut, string name)
    {
        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<string>>().Instance.OpenMenu());
        await harness.Popovers!.WaitForElements(".mud-list-item", Wait)
            .First(i => i.TextContent.Contains(name, StringComparison.Ordinal))
            .ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
    }

    private static async Task PasteRowsAsync(IRenderedComponent<CalculatorPage> cut, string lines)
    {
        cut.Find("textarea[data-testid=paste-text]").Input(lines);
        await CalculatorPageTests.ClickAsync(cut, "paste-add");
    }

    private static IEnumerable<string> Values(IRenderedComponent<CalculatorPage> cut, string testId) =>
        cut.FindAll($"input[data-testid={testId}]").Select(i => i.GetAttribute("value") ?? "");
}

using System.Text.Json;
using MonitorDashboard.Calculation;
using MonitorDashboard.Components.Pages.Calculator;
using MonitorDashboard.Presets;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Components.Pages.Calculator;

public sealed class CalculatorModelTests
{
    private static PresetItem Item(string partIdJson, decimal quantity) =>
        new() { PartId = JsonDocument.Parse(partIdJson).RootElement.Clone(), Quantity = quantity };

    [Theory]
    [InlineData("123", 123)]
    [InlineData("#123", 123)]
    [InlineData(" #7 ", 7)]
    [InlineData("0", null)]
    [InlineData("-5", null)]
    [InlineData("12a", null)]
    [InlineData("Master Assembly", null)]
    [InlineData("#", null)]
    public void A_number_or_hash_number_is_a_pk(string text, int? expected) =>
        Assert.Equal(expected, CalculatorModel.ParsePk(text));

    [Fact]
    public void Rows_become_requests_by_name_revision_or_pk_and_blank_rows_are_skipped()
    {
        var parsed = CalculatorModel.ToRequests(
        [
            new PartRow { Part = " Master Assembly ", Quantity = 60 },
            new PartRow(),
            new PartRow { Part = "Widget Assembly", Revision = " B ", Quantity = 5 },
            new PartRow { Part = "#105", Quantity = 2.5m },
        ]);

        Assert.Empty(parsed.Errors);
        Assert.Equal(
            [new PartRequest("Master Assembly", null, null, 60), new PartRequest("Widget Assembly", "B", null, 5), new PartRequest(null, null, 105, 2.5m)],
            parsed.Requests);
    }

    [Fact]
    public void Rows_without_part_or_positive_quantity_are_reported_by_number()
    {
        var parsed = CalculatorModel.ToRequests(
        [
            new PartRow { Part = "Master Assembly", Quantity = 0 },
            new PartRow { Quantity = 3 },
            new PartRow { Part = "Doohickey" },
        ]);

        Assert.Empty(parsed.Requests);
        Assert.Equal(
        [
            "Row 1 (Master Assembly): the quantity must be greater than 0",
            "Row 2: enter a part name or id",
            "Row 3 (Doohickey): the quantity must be greater than 0",
        ], parsed.Errors);
    }

    [Fact]
    public void Only_blank_rows_ask_for_a_part() =>
        Assert.Equal(["Enter at least one part and quantity"], CalculatorModel.ToRequests([new PartRow()]).Errors);

    [Fact]
    public void Pasted_lines_and_comma_separated_items_are_read_and_bad_ones_name_their_line()
    {
        var parsed = CalculatorModel.ParsePaste("Master Assembly:60\r\nWidget Assembly@B:5, 105:2\n\nno quantity here\nDoohickey:-1");

        Assert.Equal(
            [new PartRequest("Master Assembly", null, null, 60), new PartRequest("Widget Assembly", "B", null, 5), new PartRequest(null, null, 105, 2)],
            parsed.Requests);
        Assert.Equal(2, parsed.Errors.Count);
        Assert.StartsWith("Line 4: \"no quantity here\" is not Name:quantity", parsed.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("Line 5: \"Doohickey:-1\": quantity must be greater than 0", parsed.Errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Pasted_requests_replace_blank_rows_and_follow_filled_ones()
    {
        var rows = CalculatorModel.Merge(
            [new PartRow { Part = "Master Assembly", Quantity = 60 }, new PartRow()],
            [new PartRequest("Widget Assembly", "B", null, 5), new PartRequest(null, null, 105, 2)]);

        Assert.Equal(["Master Assembly", "Widget Assembly", "#105"], rows.Select(r => r.Part));
        Assert.Equal(["", "B", ""], rows.Select(r => r.Revision ?? ""));
        Assert.Equal([60m, 5m, 2m], rows.Select(r => r.Quantity!.Value));
    }

    [Fact]
    public void Preset_part_ids_as_numbers_and_digit_strings_are_pks_other_strings_are_names()
    {
        var preset = new CalculatorPreset
        {
            Name = "Mixed",
            Items = [Item("101", 60), Item("\"112\"", 5), Item("\"Widget Assembly@B\"", 2), Item("\"Sensor Board\"", 1), Item("null", 3), Item("1.5", 1)],
        };

        var parsed = CalculatorModel.FromPreset(preset);

        Assert.Equal(
        [
            new PartRequest(null, null, 101, 60), new PartRequest(null, null, 112, 5),
            new PartRequest("Widget Assembly", "B", null, 2), new PartRequest("Sensor Board", null, null, 1),
        ], parsed.Requests);
        Assert.Equal(["Item 5 of preset \"Mixed\" has no usable part_id (null)", "Item 6 of preset \"Mixed\" has no usable part_id (1.5)"], parsed.Errors);
    }

    [Fact]
    public void A_preset_is_written_as_the_python_tool_writes_it_and_round_trips()
    {
        IReadOnlyList<PresetItem> items = [CalculatorPresetRules.Item(101, 60), CalculatorPresetRules.Item(112, 5)];

        var preset = CalculatorModel.ToPreset(" Line 1 ", items);

        Assert.Equal("Line 1", preset.Name);
        Assert.Equal(["101", "112"], preset.Items.Select(i => i.PartId.GetRawText()));
        Assert.Equal([new PartRequest(null, null, 101, 60), new PartRequest(null, null, 112, 5)], CalculatorModel.FromPreset(preset).Requests);
        var written = JsonSerializer.Serialize(new PresetsDocument { Presets = [preset] });
        Assert.Contains("\"quantity\":60}", written, StringComparison.Ordinal);
        PythonPresetsSchema.AssertLoads(written);
    }

    [Fact]
    public void Saving_over_a_preset_keeps_its_place_and_unknown_keys_and_matches_names_case_sensitively_as_the_python_tool()
    {
        var extra = new Dictionary<string, JsonElement> { ["colour"] = JsonSerializer.SerializeToElement("blue") };
        var document = new PresetsDocument
        {
            Presets = [new CalculatorPreset { Name = "A" }, new CalculatorPreset { Name = "Line 1", Extra = extra }, new CalculatorPreset { Name = "C" }],
        };
        Assert.Null(CalculatorModel.FindPreset(document, "line 1"));
        var existing = CalculatorModel.FindPreset(document, "Line 1");

        var saved = CalculatorModel.WithPreset(document, CalculatorModel.ToPreset("Line 1", [CalculatorPresetRules.Item(101, 1)], existing));

        Assert.Equal(["A", "Line 1", "C"], saved.Presets.Select(p => p.Name));
        Assert.Same(extra, saved.Presets[1].Extra);
        Assert.Single(saved.Presets[1].Items);
        Assert.Equal(["A", "Line 1", "C", "line 1"],
            CalculatorModel.WithPreset(saved, new CalculatorPreset { Name = "line 1" }).Presets.Select(p => p.Name));
        Assert.Equal(["A", "Line 1", "C"], CalculatorModel.WithoutPreset(saved, "LINE 1").Presets.Select(p => p.Name));
        Assert.Equal(["A", "C"], CalculatorModel.WithoutPreset(saved, "Line 1").Presets.Select(p => p.Name));
    }
}

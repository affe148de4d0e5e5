namespace MonitorDashboard.Tests.TestSupport;

/// <summary>The hand-written copy of the Python tool's model accepts what the tool reads and names every path it would reject.</summary>
public sealed class PythonPresetsSchemaTests
{
    [Fact]
    public void The_file_from_the_product_brief_with_lists_and_unknown_keys_loads()
    {
        const string json = """
            { "presets": [ { "name": "Test", "items": [ { "part_id": 1525, "quantity": 5, "note": "x" } ], "extra": 1 } ],
              "monitoring_lists": [ { "name": "anything", "parts": [ { "name": "Widget", "quantity": 2.5 } ] } ],
              "filepath": "presets.json" }
            """;

        Assert.Empty(PythonPresetsSchema.Validate(json));
    }

    [Fact]
    public void Names_as_part_ids_fractions_and_missing_fields_are_each_reported_with_their_path()
    {
        const string json = """
            { "presets": [
                { "name": "Old", "items": [ { "part_id": "Widget Assembly@B", "quantity": 2.5 }, { "part_id": 7 } ] },
                { "items": [ null ] },
                { "name": 3, "items": {} }
            ] }
            """;

        Assert.Equal(
            [
                "$.presets[0].items[0].part_id: expected an integer, found string \"Widget Assembly@B\"",
                "$.presets[0].items[0].quantity: expected an integer, found number 2.5",
                "$.presets[0].items[1].quantity: required, missing",
                "$.presets[1].name: required, missing",
                "$.presets[1].items[0]: expected an object, found null",
                "$.presets[2].name: expected a string, found number 3",
                "$.presets[2].items: expected a list, found object",
            ],
            PythonPresetsSchema.Validate(json));
    }

    [Fact]
    public void A_file_without_presets_is_rejected_as_the_tool_requires_the_key()
    {
        Assert.Equal(["$.presets: required, missing"], PythonPresetsSchema.Validate("""{ "monitoring_lists": [] }"""));
        Assert.Equal(["$: expected an object, found array"], PythonPresetsSchema.Validate("[]"));
    }

    [Theory]
    [InlineData("5.0")]
    [InlineData("5e0")]
    [InlineData("\"5\"")]
    [InlineData("true")]
    public void Integers_written_any_other_way_than_plain_digits_are_refused_because_we_write_plain_integers(string quantity)
    {
        var violations = PythonPresetsSchema.Validate($$"""{ "presets": [ { "name": "A", "items": [ { "part_id": 1, "quantity": {{quantity}} } ] } ] }""");

        Assert.Equal($"$.presets[0].items[0].quantity: expected an integer, found {(quantity == "true" ? "true" : (quantity.StartsWith('"') ? "string " : "number ") + quantity)}",
            Assert.Single(violations));
    }
}

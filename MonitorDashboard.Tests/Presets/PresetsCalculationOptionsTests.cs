using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Presets;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Presets;

/// <summary>A monitoring list's optional <c>hide_optional</c>, <c>in_production</c> and <c>replenish_to_minimum</c> keys in presets.json.</summary>
public sealed class PresetsCalculationOptionsTests
{
    private const string File = """
        {"presets": [], "monitoring_lists": [
          {"id": "a", "name": "With options", "parts": [{"name": "Widget", "quantity": 1}], "active": true,
           "cron_schedule": "0 7 * * *", "recipients": [], "notify_condition": "always", "last_hash": null,
           "hide_optional": true, "in_production": "legacy", "replenish_to_minimum": true},
          {"id": "b", "name": "Without", "parts": [{"name": "Widget", "quantity": 1}], "active": true,
           "cron_schedule": "0 7 * * *", "recipients": [], "notify_condition": "always", "last_hash": null}
        ]}
        """;

    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_keys_are_read_and_written_back_and_a_list_without_them_gains_none()
    {
        var read = PresetsJson.Read("presets.json", Encoding.UTF8.GetBytes(File));
        Assert.Null(read.Error);
        var lists = read.Document!.MonitoringLists;

        Assert.Equal((true, "legacy", true), (lists[0].HideOptional, lists[0].InProduction, lists[0].ReplenishToMinimum));
        Assert.Equal((null, null, null), (lists[1].HideOptional, lists[1].InProduction, lists[1].ReplenishToMinimum));
        using var written = JsonDocument.Parse(PresetsJson.Write(read.Document));
        var first = written.RootElement.GetProperty("monitoring_lists")[0];
        var second = written.RootElement.GetProperty("monitoring_lists")[1];
        Assert.True(first.GetProperty("hide_optional").GetBoolean());
        Assert.Equal("legacy", first.GetProperty("in_production").GetString());
        Assert.False(second.TryGetProperty("hide_optional", out _));
        Assert.False(second.TryGetProperty("in_production", out _));
        Assert.True(first.GetProperty("replenish_to_minimum").GetBoolean());
        Assert.False(second.TryGetProperty("replenish_to_minimum", out _));
        Assert.Null(first.GetProperty("last_hash").GetString());
    }

    [Theory]
    [InlineData("old_gui")]
    [InlineData("Legacy")]
    [InlineData("")]
    public void An_unknown_in_production_rule_is_refused_naming_the_field_and_the_allowed_values(string rule)
    {
        var validator = TempPresetsFolder.CreateValidator(Time);
        var list = PresetsSamples.ValidList("Widget line") with { Id = "x", InProduction = rule };

        var error = Assert.Single(validator.Validate(list, []).Errors);

        Assert.Equal("in_production", error.Field);
        Assert.Equal($"List \"Widget line\": in_production \"{rule}\" must be \"scheduled\", \"building\" or \"legacy\"", error.Message);
    }

    [Theory]
    [InlineData("scheduled")]
    [InlineData("building")]
    [InlineData("legacy")]
    public void Every_rule_name_is_accepted(string rule)
    {
        var validator = TempPresetsFolder.CreateValidator(Time);

        Assert.Empty(validator.Validate(PresetsSamples.ValidList("Widget line") with { Id = "x", InProduction = rule }, []).Errors);
    }

    [Fact]
    public void Hide_optional_that_is_not_true_or_false_makes_the_file_say_so()
    {
        var read = PresetsJson.Read("presets.json", Encoding.UTF8.GetBytes(File.Replace("\"hide_optional\": true", "\"hide_optional\": \"yes\"", StringComparison.Ordinal)));

        Assert.NotNull(read.Error);
        Assert.Contains("hide_optional", read.Error.Message, StringComparison.Ordinal);
        Assert.Contains("true or false", read.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replenish_to_minimum_that_is_not_true_or_false_makes_the_file_say_so()
    {
        var read = PresetsJson.Read("presets.json", Encoding.UTF8.GetBytes(File.Replace("\"replenish_to_minimum\": true", "\"replenish_to_minimum\": 1", StringComparison.Ordinal)));

        Assert.NotNull(read.Error);
        Assert.Contains("replenish_to_minimum", read.Error.Message, StringComparison.Ordinal);
        Assert.Contains("true or false", read.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_saved_with_the_keys_leaves_a_file_the_python_tool_loads()
    {
        using var temp = new TempPresetsFolder();
        temp.Write(PresetsSamples.PythonFile.Replace(
            "{ \"part_id\": \"R-10K\", \"quantity\": 2.5, \"note\": null }", "{ \"part_id\": 77, \"quantity\": 3, \"note\": null }", StringComparison.Ordinal));
        var ct = TestContext.Current.CancellationToken;
        var snapshot = await temp.Store.LoadAsync(ct);

        await temp.Store.AddListAsync(
            PresetsSamples.ValidList("Sensors") with { Id = "", ReplenishToMinimum = true, HideOptional = true, InProduction = "building" },
            snapshot.Version, ct);

        var written = temp.Read();
        PythonPresetsSchema.AssertLoads(written);
        using var json = JsonDocument.Parse(written);
        var saved = json.RootElement.GetProperty("monitoring_lists").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "Sensors");
        Assert.True(saved.GetProperty("replenish_to_minimum").GetBoolean());
    }
}

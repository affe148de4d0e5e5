using System.Text.Json;
using MonitorDashboard.Presets;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Presets;

/// <summary>
/// presets.json stays a file the Python tool can read: every write path of the store leaves it loadable by the tool's
/// model (<see cref="PythonPresetsSchema"/>), and a preset the tool could not read is never added or changed.
/// </summary>
public sealed class PresetsPythonCompatibilityTests : IDisposable
{
    private static readonly string ReadableFile = PresetsSamples.PythonFile.Replace(
        "{ \"part_id\": \"R-10K\", \"quantity\": 2.5, \"note\": null }", "{ \"part_id\": 77, \"quantity\": 3, \"note\": null }", StringComparison.Ordinal);

    private readonly TempPresetsFolder _temp = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Every_monitoring_list_write_leaves_a_file_the_python_tool_loads()
    {
        PythonPresetsSchema.AssertLoads(ReadableFile);
        _temp.Write(ReadableFile);
        var snapshot = await _temp.Store.LoadAsync(_ct);

        var added = await _temp.Store.AddListAsync(PresetsSamples.ValidList("Sensors") with { Id = "" }, snapshot.Version, _ct);
        PythonPresetsSchema.AssertLoads(_temp.Read());
        snapshot = await _temp.Store.UpdateListAsync(added.List with { Parts = [new MonitoredPart { Name = "Sensor Board", Quantity = 2.5m }] }, added.Snapshot.Version, _ct);
        PythonPresetsSchema.AssertLoads(_temp.Read());
        snapshot = await _temp.Store.SetActiveAsync(PresetsSamples.ListId, false, snapshot.Version, _ct);
        PythonPresetsSchema.AssertLoads(_temp.Read());
        await _temp.Store.SetLastHashAsync(PresetsSamples.ListId, "abc", _ct);
        PythonPresetsSchema.AssertLoads(_temp.Read());
        await _temp.Store.DeleteListAsync(added.List.Id, (await _temp.Store.LoadAsync(_ct)).Version, _ct);
        PythonPresetsSchema.AssertLoads(_temp.Read());
    }

    [Theory]
    [InlineData("\"Widget Assembly\"", "3", "item 1 part_id \"Widget Assembly\" is not an InvenTree part id (a whole number); the Python tool reads nothing else")]
    [InlineData("1.5", "3", "item 1 part_id 1.5 is not an InvenTree part id (a whole number); the Python tool reads nothing else")]
    [InlineData("101", "2.5",
        "item 1 quantity 2.5 must be a whole number above 0: calculator presets hold whole numbers only, because the Python tool reads a preset's quantity as an integer")]
    public async Task A_preset_the_python_tool_could_not_read_is_refused_and_nothing_is_written(string partId, string quantity, string detail)
    {
        _temp.Write(ReadableFile);
        var snapshot = await _temp.Store.LoadAsync(_ct);
        var preset = new CalculatorPreset
        {
            Name = "New",
            Items = [new PresetItem { PartId = JsonDocument.Parse(partId).RootElement.Clone(), Quantity = decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture) }],
        };

        var refused = await Assert.ThrowsAsync<PresetsValidationException>(
            () => _temp.Store.SaveAsync(doc => doc with { Presets = [.. doc.Presets, preset] }, snapshot.Version, _ct));

        Assert.Equal($"Preset \"New\": {detail}", Assert.Single(refused.Errors).Message);
        Assert.Equal(ReadableFile, _temp.Read());
    }

    [Fact]
    public async Task A_preset_written_with_names_by_an_earlier_version_does_not_block_other_writes()
    {
        _temp.Write(PresetsSamples.PythonFile); // "R-10K" with 2.5: what this app wrote before it stored part ids
        var snapshot = await _temp.Store.LoadAsync(_ct);

        await _temp.Store.SetActiveAsync(PresetsSamples.ListId, false, snapshot.Version, _ct);

        Assert.Contains("\"part_id\": \"R-10K\"", _temp.Read(), StringComparison.Ordinal);
        Assert.Equal(
            ["$.presets[0].items[1].part_id: expected an integer, found string \"R-10K\"", "$.presets[0].items[1].quantity: expected an integer, found number 2.5"],
            PythonPresetsSchema.Validate(_temp.Read()));
    }
}

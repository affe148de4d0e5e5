using System.Text.Json;
using MonitorDashboard.Tests.TestSupport;
using static MonitorDashboard.Tests.Demo.SampleCatalogFixture;

namespace MonitorDashboard.Tests.Demo;

/// <summary>The sample presets.json at the repository root must run against the sample catalog in demo mode.</summary>
public sealed class SampleCatalogPresetsTests(SampleCatalogFixture catalog) : IClassFixture<SampleCatalogFixture>
{
    private static JsonDocument LoadPresets() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "presets.json")));

    [Fact]
    public void Presets_file_has_presets_monitoring_lists_and_keeps_the_python_tools_filepath_key()
    {
        using var presets = LoadPresets();
        var root = presets.RootElement;
        Assert.Equal(2, root.GetProperty("presets").GetArrayLength());
        Assert.Equal(2, root.GetProperty("monitoring_lists").GetArrayLength());
        Assert.Equal("presets.json", root.GetProperty("filepath").GetString());
    }

    [Fact]
    public void Monitoring_lists_name_parts_that_resolve_to_exactly_one_catalog_part()
    {
        using var presets = LoadPresets();
        foreach (var list in presets.RootElement.GetProperty("monitoring_lists").EnumerateArray())
        {
            Assert.True(Guid.TryParse(Str(list, "id"), out _));
            Assert.Equal(JsonValueKind.Null, list.GetProperty("last_hash").ValueKind);
            foreach (var part in list.GetProperty("parts").EnumerateArray())
            {
                var name = Str(part, "name")!;
                var matches = catalog.PartsNamed(name, Str(part, "version")).ToList();
                Assert.True(matches.Count == 1, $"'{name}' matches {matches.Count} parts");
                Assert.True(part.GetProperty("quantity").GetDecimal() > 0);
            }
        }
    }

    [Fact]
    public void Preset_items_reference_catalog_parts_by_pk()
    {
        using var presets = LoadPresets();
        var items = presets.RootElement.GetProperty("presets").EnumerateArray()
            .SelectMany(p => p.GetProperty("items").EnumerateArray());
        Assert.All(items, item => Assert.Contains(item.GetProperty("part_id").GetInt32(), catalog.Parts.Keys));
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MonitorDashboard.InvenTreeEmulator;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// An in-memory copy of the demo dataset with a few records changed, for cases the dataset does not have (a BOM
/// cycle, a part below its minimum stock). The file itself is never written to.
/// </summary>
public sealed class DemoDatasetCopy
{
    private readonly JsonArray _records;

    private DemoDatasetCopy(JsonArray records) => _records = records;

    /// <summary>Reads the dataset; skips the calling test when it is absent.</summary>
    public static DemoDatasetCopy Load()
    {
        using var stream = File.OpenRead(TestPaths.RequireDemoDataset());
        return new DemoDatasetCopy(JsonNode.Parse(stream)?.AsArray() ?? throw new InvalidDataException("The demo dataset is not a JSON list."));
    }

    /// <summary>Adds a plain BOM line (not optional, consumable or inherited).</summary>
    public DemoDatasetCopy AddBomItem(int pk, int assembly, int subPart, decimal quantity)
    {
        _records.Add(new JsonObject
        {
            ["model"] = "part.bomitem",
            ["pk"] = pk,
            ["fields"] = new JsonObject
            {
                ["part"] = assembly,
                ["sub_part"] = subPart,
                ["quantity"] = quantity.ToString(CultureInfo.InvariantCulture),
                ["optional"] = false,
                ["consumable"] = false,
                ["inherited"] = false,
                ["allow_variants"] = false,
                ["reference"] = "",
            },
        });
        return this;
    }

    /// <summary>Sets one field of an existing part record.</summary>
    public DemoDatasetCopy SetPartField(int partPk, string field, JsonNode? value)
    {
        var part = _records.Single(r => (string?)r?["model"] == "part.part" && (int?)r?["pk"] == partPk)
            ?? throw new InvalidOperationException($"No part {partPk} in the demo dataset.");
        part["fields"]![field] = value;
        return this;
    }

    public InvenTreeFixture Build() => InvenTreeFixture.Parse(new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(_records)));
}

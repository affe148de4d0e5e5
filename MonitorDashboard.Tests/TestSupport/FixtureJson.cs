using System.Text.Json;
using MonitorDashboard.InvenTreeEmulator;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// Builds tiny dumpdata fixtures inline: <c>new FixtureJson().Add("part.part", 1, new { name = "Widget" })</c>.
/// Fields left out exercise the loader's defaults.
/// </summary>
public sealed class FixtureJson
{
    private readonly List<object> _records = [];

    public FixtureJson Add(string model, int pk, object fields)
    {
        _records.Add(new { model, pk, fields });
        return this;
    }

    public FixtureJson Part(int pk, string name, object? fields = null) =>
        Add("part.part", pk, Merge(new Dictionary<string, object?> { ["name"] = name }, fields));

    public FixtureJson Stock(int pk, int part, decimal quantity, object? fields = null) =>
        Add("stock.stockitem", pk, Merge(new Dictionary<string, object?> { ["part"] = part, ["quantity"] = quantity.ToString(System.Globalization.CultureInfo.InvariantCulture) }, fields));

    public string ToJson() => JsonSerializer.Serialize(_records);

    public InvenTreeFixture Build() => InvenTreeFixture.Parse(new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(_records)));

    private static Dictionary<string, object?> Merge(Dictionary<string, object?> fields, object? extra)
    {
        if (extra is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject())
            {
                fields[property.Name] = property.Value;
            }
        }
        return fields;
    }
}

using System.Globalization;
using System.Text.Json;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Demo;

/// <summary>
/// The raw sample catalog as JSON records grouped by model and pk. Deliberately independent of the
/// emulator: these tests check the data itself, so a bug in the emulator cannot hide a bug in the data.
/// </summary>
public sealed class SampleCatalogFixture : IDisposable
{
    private readonly JsonDocument _document;

    public SampleCatalogFixture()
    {
        _document = JsonDocument.Parse(File.ReadAllText(TestPaths.SampleCatalog));
        var models = new Dictionary<string, Dictionary<int, JsonElement>>();
        foreach (var record in _document.RootElement.EnumerateArray())
        {
            var model = record.GetProperty("model").GetString()!;
            var pk = record.GetProperty("pk").GetInt32();
            if (!models.TryGetValue(model, out var byPk))
            {
                byPk = [];
                models[model] = byPk;
            }
            // A duplicate pk would make loaddata overwrite silently; fail loudly instead.
            if (!byPk.TryAdd(pk, record.GetProperty("fields")))
            {
                throw new InvalidDataException($"duplicate pk {pk} in {model}");
            }
        }
        Models = models.ToDictionary(m => m.Key, m => (IReadOnlyDictionary<int, JsonElement>)m.Value);
    }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<int, JsonElement>> Models { get; }

    public IReadOnlyDictionary<int, JsonElement> this[string model] =>
        Models.TryGetValue(model, out var records) ? records : new Dictionary<int, JsonElement>();

    public IReadOnlyDictionary<int, JsonElement> Parts => this["part.part"];

    public IReadOnlyDictionary<int, JsonElement> BomItems => this["part.bomitem"];

    /// <summary>BOM lines of a part as <c>/api/bom/?part=</c> returns them: its own lines plus the inherited lines of its template ancestors.</summary>
    public IEnumerable<JsonElement> BomOf(int partPk)
    {
        var ancestors = new HashSet<int>();
        for (var parent = Int(Parts[partPk], "variant_of"); parent is { } p; parent = Int(Parts[p], "variant_of"))
        {
            ancestors.Add(p);
        }
        return BomItems.Values.Where(line =>
            Int(line, "part") == partPk || (ancestors.Contains(Int(line, "part")!.Value) && Bool(line, "inherited")));
    }

    public IEnumerable<int> PartsNamed(string name, string? revision = null) =>
        Parts.Where(p => Str(p.Value, "name") == name && (revision is null || Str(p.Value, "revision") == revision))
            .Select(p => p.Key);

    public static int? Int(JsonElement fields, string name) =>
        fields.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    public static bool Bool(JsonElement fields, string name) =>
        fields.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static string? Str(JsonElement fields, string name) =>
        fields.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Decimals are strings in a dumpdata file ("3.00000"), as in InvenTree's own dataset.</summary>
    public static decimal Dec(JsonElement fields, string name) =>
        decimal.Parse(Str(fields, name) ?? throw new InvalidDataException($"{name} is not a decimal string"), CultureInfo.InvariantCulture);

    public void Dispose() => _document.Dispose();
}

using System.Text.Json;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// The Python tool's pydantic model of presets.json, written by hand from its field names and types:
/// <code>
/// class PresetItem(BaseModel): part_id: int; quantity: int
/// class Preset(BaseModel):     name: str; items: list[PresetItem]
/// class PresetsFile(BaseModel): presets: list[Preset]     # other keys (monitoring_lists, filepath...) are ignored
/// </code>
/// Every field is required; extra keys are allowed everywhere (pydantic's default). Strict where pydantic is lax: its
/// lax mode also takes <c>5.0</c>, <c>"5"</c> and <c>true</c> for an int (checked with pydantic 2.13), but rejects
/// <c>5.5</c> and <c>"Widget"</c>, and one such value makes it reject the whole file. This app writes plain integers, so
/// anything else is a violation here.
/// </summary>
internal static class PythonPresetsSchema
{
    /// <summary>Every violation, each with its JSON path (<c>$.presets[1].items[0].part_id: …</c>); empty when the file loads.</summary>
    public static IReadOnlyList<string> Validate(string json)
    {
        var violations = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return [$"$: not JSON ({ex.Message})"];
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return [$"$: expected an object, found {Kind(root)}"];
            }
            if (Required(root, "presets", "$", JsonValueKind.Array, violations) is not { } presets)
            {
                return violations;
            }
            var i = 0;
            foreach (var preset in presets.EnumerateArray())
            {
                CheckPreset(preset, $"$.presets[{i++}]", violations);
            }
        }
        return violations;
    }

    /// <summary>Fails the test with every violation when the file would not load in the Python tool.</summary>
    public static void AssertLoads(string json)
    {
        var violations = Validate(json);
        Assert.True(violations.Count == 0, "the Python tool would reject this presets.json:\n" + string.Join("\n", violations) + "\n" + json);
    }

    private static void CheckPreset(JsonElement preset, string path, List<string> violations)
    {
        if (preset.ValueKind != JsonValueKind.Object)
        {
            violations.Add($"{path}: expected an object, found {Kind(preset)}");
            return;
        }
        Required(preset, "name", path, JsonValueKind.String, violations);
        if (Required(preset, "items", path, JsonValueKind.Array, violations) is not { } items)
        {
            return;
        }
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var itemPath = $"{path}.items[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                violations.Add($"{itemPath}: expected an object, found {Kind(item)}");
                continue;
            }
            RequiredInteger(item, "part_id", itemPath, violations);
            RequiredInteger(item, "quantity", itemPath, violations);
        }
    }

    private static JsonElement? Required(JsonElement parent, string key, string path, JsonValueKind kind, List<string> violations)
    {
        if (!parent.TryGetProperty(key, out var value))
        {
            violations.Add($"{path}.{key}: required, missing");
            return null;
        }
        if (value.ValueKind != kind)
        {
            violations.Add($"{path}.{key}: expected {(kind == JsonValueKind.Array ? "a list" : "a string")}, found {Kind(value)}");
            return null;
        }
        return value;
    }

    private static void RequiredInteger(JsonElement parent, string key, string path, List<string> violations)
    {
        if (!parent.TryGetProperty(key, out var value))
        {
            violations.Add($"{path}.{key}: required, missing");
        }
        else if (value.ValueKind != JsonValueKind.Number || !value.GetRawText().TrimStart('-').All(char.IsAsciiDigit))
        {
            violations.Add($"{path}.{key}: expected an integer, found {Kind(value)}");
        }
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number or JsonValueKind.String => $"{value.ValueKind.ToString().ToLowerInvariant()} {value.GetRawText()}",
        var kind => kind.ToString().ToLowerInvariant(),
    };
}

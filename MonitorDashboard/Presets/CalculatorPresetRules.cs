using System.Globalization;
using System.Text.Json;

namespace MonitorDashboard.Presets;

/// <summary>
/// What a calculator preset must look like for the Python tool to read presets.json at all: its pydantic model reads
/// <c>presets[].items[]</c> as an integer <c>part_id</c> and an integer <c>quantity</c> and rejects the whole file
/// otherwise. Presets this app wrote before it knew that (names as <c>part_id</c>, fractional quantities) still load
/// here; a preset that is added or changed must follow these rules.
/// </summary>
public static class CalculatorPresetRules
{
    /// <summary>Why the calculator refuses a fractional quantity in a preset; shown to the user.</summary>
    public const string WholeNumbersOnly = "calculator presets hold whole numbers only, because the Python tool reads a preset's quantity as an integer";

    /// <summary>Preset names compare case-sensitively, as in the Python tool: "Foo" and "foo" are two presets.</summary>
    public static bool SameName(string? a, string? b) => string.Equals(a, b, StringComparison.Ordinal);

    /// <summary>Every way <paramref name="preset"/> breaks the rules; empty when the Python tool can read it.</summary>
    public static IReadOnlyList<ValidationError> Check(CalculatorPreset preset)
    {
        var errors = new List<ValidationError>();
        var label = $"Preset \"{preset.Name}\"";
        void Error(string field, string detail) => errors.Add(new ValidationError(field, detail, $"{label}: {detail}"));
        for (var i = 0; i < preset.Items.Count; i++)
        {
            var item = preset.Items[i];
            if (!IsWholeJsonNumber(item.PartId) || !item.PartId.TryGetInt32(out var pk) || pk <= 0)
            {
                Error("part_id", $"item {i + 1} part_id {Raw(item.PartId)} is not an InvenTree part id (a whole number); the Python tool reads nothing else");
            }
            if (item.Quantity <= 0 || item.Quantity != decimal.Truncate(item.Quantity))
            {
                Error("quantity", $"item {i + 1} quantity {item.Quantity.ToString(CultureInfo.InvariantCulture)} must be a whole number above 0: {WholeNumbersOnly}");
            }
        }
        return errors;
    }

    /// <summary>Whether the Python tool can read <paramref name="preset"/> (no legacy names or fractions).</summary>
    public static bool IsPythonReadable(CalculatorPreset preset) => Check(preset).Count == 0;

    /// <summary>A preset item as the Python tool writes it: <c>{"part_id": 101, "quantity": 60}</c>, integers only.</summary>
    public static PresetItem Item(int partId, long quantity) =>
        new() { PartId = JsonSerializer.SerializeToElement(partId), Quantity = quantity };

    // 5 and not 5.0 or 5e0: pydantic's lax mode would take those too, but this app writes plain integers.
    private static bool IsWholeJsonNumber(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number && element.GetRawText().All(c => char.IsAsciiDigit(c) || c == '-');

    private static string Raw(JsonElement element) => element.ValueKind == JsonValueKind.Undefined ? "(missing)" : element.GetRawText();
}

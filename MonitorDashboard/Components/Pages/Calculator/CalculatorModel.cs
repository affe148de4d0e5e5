using System.Globalization;
using System.Text.Json;
using MonitorDashboard.Calculation;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Components.Pages.Calculator;

/// <summary>Requests read from rows or pasted text, with everything that could not be understood.</summary>
public sealed record ParsedParts(IReadOnlyList<PartRequest> Requests, IReadOnlyList<string> Errors);

/// <summary>The calculator's non-UI logic: rows ↔ requests, pasted lines, calculator presets ↔ rows.</summary>
public static class CalculatorModel
{
    /// <summary>"123" or "#123" is a part pk, as in <see cref="PartRequestParser"/>.</summary>
    public static int? ParsePk(string text)
    {
        var trimmed = text.Trim();
        var digits = trimmed.StartsWith('#') ? trimmed[1..] : trimmed;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var pk) && pk > 0 ? pk : null;
    }

    /// <summary>Blank rows are skipped; every other row must name a part and a quantity above 0.</summary>
    public static ParsedParts ToRequests(IReadOnlyList<PartRow> rows)
    {
        var requests = new List<PartRequest>();
        var errors = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.IsBlank)
            {
                continue;
            }
            var part = row.Part.Trim();
            var label = part.Length > 0 ? $"Row {i + 1} ({part})" : $"Row {i + 1}";
            if (part.Length == 0)
            {
                errors.Add($"{label}: enter a part name or id");
                continue;
            }
            if (row.Quantity is not > 0)
            {
                errors.Add($"{label}: the quantity must be greater than 0");
                continue;
            }
            var revision = string.IsNullOrWhiteSpace(row.Revision) ? null : row.Revision.Trim();
            requests.Add(ParsePk(part) is { } pk && revision is null
                ? new PartRequest(null, null, pk, row.Quantity.Value)
                : new PartRequest(part, revision, null, row.Quantity.Value));
        }
        if (requests.Count == 0 && errors.Count == 0)
        {
            errors.Add("Enter at least one part and quantity");
        }
        return new ParsedParts(requests, errors);
    }

    public static PartRow ToRow(PartRequest request) => request.Pk is { } pk
        ? new PartRow { Part = $"#{pk}", Quantity = request.Quantity }
        : new PartRow { Part = request.Name ?? "", Revision = request.Revision, Quantity = request.Quantity };

    /// <summary><c>Name:qty</c>, <c>Name@Rev:qty</c> or <c>pk:qty</c>, one per line or comma-separated; bad entries name their line.</summary>
    public static ParsedParts ParsePaste(string text)
    {
        var requests = new List<PartRequest>();
        var errors = new List<string>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var item in lines[i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (PartRequestParser.TryParse(item, out var request, out var error))
                {
                    requests.Add(request);
                }
                else
                {
                    errors.Add($"Line {i + 1}: {error}");
                }
            }
        }
        return new ParsedParts(requests, errors);
    }

    /// <summary>Pasted requests fill the blank rows first, then follow the rows already there.</summary>
    public static List<PartRow> Merge(IReadOnlyList<PartRow> rows, IReadOnlyList<PartRequest> pasted) =>
        [.. rows.Where(r => !r.IsBlank), .. pasted.Select(ToRow)];

    /// <summary>
    /// A preset's items as rows. The Python tool stores <c>part_id</c> as a number (or a string of digits): a pk row.
    /// Any other string is a part name, with <c>@</c> before a revision as in pasted lines: presets this app wrote
    /// before it stored pks; they still load, and saving them again stores the pks.
    /// </summary>
    public static ParsedParts FromPreset(CalculatorPreset preset)
    {
        var requests = new List<PartRequest>();
        var errors = new List<string>();
        for (var i = 0; i < preset.Items.Count; i++)
        {
            var item = preset.Items[i];
            var id = item.PartId;
            if (id.ValueKind == JsonValueKind.Number && id.TryGetInt32(out var pk) && pk > 0)
            {
                requests.Add(new PartRequest(null, null, pk, item.Quantity));
            }
            else if (id.ValueKind == JsonValueKind.String && id.GetString() is { } text && text.Trim().Length > 0)
            {
                requests.Add(ParsePk(text) is { } textPk
                    ? new PartRequest(null, null, textPk, item.Quantity)
                    : NameRequest(text.Trim(), item.Quantity));
            }
            else
            {
                errors.Add($"Item {i + 1} of preset \"{preset.Name}\" has no usable part_id ({id.GetRawText()})");
            }
        }
        return new ParsedParts(requests, errors);
    }

    /// <summary>
    /// A preset of resolved items (see <see cref="PresetItemsResolver"/>): pks and whole quantities, as the Python tool
    /// writes them. Overwriting keeps the existing preset's unknown keys.
    /// </summary>
    public static CalculatorPreset ToPreset(string name, IReadOnlyList<PresetItem> items, CalculatorPreset? existing = null) =>
        (existing ?? new CalculatorPreset()) with { Name = name.Trim(), Items = items };

    public static CalculatorPreset? FindPreset(PresetsDocument document, string name) =>
        document.Presets.FirstOrDefault(p => SameName(p.Name, name));

    /// <summary>Replaces the preset with this name in place (keeping its unknown keys), or appends it.</summary>
    public static PresetsDocument WithPreset(PresetsDocument document, CalculatorPreset preset)
    {
        var presets = document.Presets.ToList();
        var index = presets.FindIndex(p => SameName(p.Name, preset.Name));
        if (index >= 0)
        {
            presets[index] = preset;
        }
        else
        {
            presets.Add(preset);
        }
        return document with { Presets = presets };
    }

    public static PresetsDocument WithoutPreset(PresetsDocument document, string name) =>
        document with { Presets = document.Presets.Where(p => !SameName(p.Name, name)).ToList() };

    private static PartRequest NameRequest(string text, decimal quantity)
    {
        var at = text.LastIndexOf('@');
        return at > 0 && at < text.Length - 1
            ? new PartRequest(text[..at].Trim(), text[(at + 1)..].Trim(), null, quantity)
            : new PartRequest(text, null, null, quantity);
    }

    // Case-sensitive, as in the Python tool: saving "Foo" beside "foo" makes a second preset.
    private static bool SameName(string a, string b) => CalculatorPresetRules.SameName(a, b);
}

using System.Text.Json;

namespace MonitorDashboard.Calculation;

/// <summary>
/// A JSON list of <c>{"name": "Widget Assembly", "quantity": 10, "version": "B"}</c> (version optional), the shape of a
/// monitoring list's <c>parts</c> in presets.json. Other keys are ignored. A bad entry is reported by its index (<c>$[2]</c>).
/// </summary>
internal static class PartsJsonReader
{
    public static PartsFileResult Read(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            // System.Text.Json counts lines and positions from 0.
            var where = ex.LineNumber is { } line ? $"line {line + 1}, position {ex.BytePositionInLine + 1}" : "file";
            return new PartsFileResult(PartsFileFormat.Json, [], [new PartsFileProblem(where, "not valid JSON; " + PartsFileParser.Expected)]);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return PartsFileResult.Failed($"the file holds a JSON {Kind(document.RootElement)}; {PartsFileParser.Expected}", PartsFileFormat.Json);
            }
            var entries = new List<PartsFileEntry>();
            var problems = new List<PartsFileProblem>();
            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (ReadEntry($"$[{index++}]", item, problems) is { } entry)
                {
                    entries.Add(entry);
                }
            }
            return new PartsFileResult(PartsFileFormat.Json, entries, problems);
        }
    }

    private static PartsFileEntry? ReadEntry(string where, JsonElement item, List<PartsFileProblem> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new PartsFileProblem(where, $"expected an object {{\"name\", \"quantity\", \"version\"}}, found {Kind(item)}"));
            return null;
        }
        var before = problems.Count;
        string? name = null;
        if (!item.TryGetProperty("name", out var nameValue))
        {
            problems.Add(new PartsFileProblem(where, "\"name\" is missing"));
        }
        else if (nameValue.ValueKind != JsonValueKind.String)
        {
            problems.Add(new PartsFileProblem(where, $"\"name\" must be text, found {Kind(nameValue)}"));
        }
        else
        {
            name = nameValue.GetString();
        }
        decimal? quantity = null;
        string? quantityProblem = null;
        if (!item.TryGetProperty("quantity", out var quantityValue))
        {
            quantityProblem = "\"quantity\" is missing";
        }
        else if (quantityValue.ValueKind != JsonValueKind.Number || !quantityValue.TryGetDecimal(out var number))
        {
            quantityProblem = $"\"quantity\" must be a number, found {Kind(quantityValue)}";
        }
        else
        {
            quantity = number;
        }
        string? revision = null;
        if (item.TryGetProperty("version", out var versionValue) && versionValue.ValueKind != JsonValueKind.Null)
        {
            if (versionValue.ValueKind == JsonValueKind.String)
            {
                revision = versionValue.GetString();
            }
            else
            {
                problems.Add(new PartsFileProblem(where, $"\"version\" (the part's revision) must be text such as \"B\", found {Kind(versionValue)}"));
            }
        }
        if (name is null)
        {
            // The name's own problem is reported; the others still are, so one pass shows them all.
            if (PartsFileParser.QuantityProblem(quantity, quantityProblem) is { } badQuantity)
            {
                problems.Add(new PartsFileProblem(where, badQuantity));
            }
            return null;
        }
        var entry = PartsFileParser.Entry(where, name, quantity, quantityProblem, revision, problems);
        return problems.Count == before ? entry : null;
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "list",
        JsonValueKind.String => $"text {value.GetRawText()}",
        JsonValueKind.Number => $"number {value.GetRawText()}",
        var other => other.ToString().ToLowerInvariant(),
    };
}

using System.Globalization;
using System.Text;

namespace MonitorDashboard.Calculation;

/// <summary>
/// <c>name,quantity[,revision]</c> per line, as RFC 4180 has it: fields in double quotes may hold commas, line breaks
/// and doubled quotes (<c>"Board ""A"", 2-layer"</c>). Blank lines are skipped. The first row is a header when its
/// cells are column names (<c>name</c>/<c>part</c>, <c>quantity</c>/<c>qty</c>, ...) rather than a part and a number.
/// A row is reported by the line it starts on.
/// </summary>
internal static class PartsCsvReader
{
    private static readonly string[] NameHeaders = ["name", "part", "part name", "part_name"];
    private static readonly string[] QuantityHeaders = ["quantity", "qty", "amount"];

    public static PartsFileResult Read(string text)
    {
        var entries = new List<PartsFileEntry>();
        var problems = new List<PartsFileProblem>();
        var first = true;
        foreach (var record in Records(text))
        {
            var where = $"line {record.Line}";
            if (record.Error is { } error)
            {
                problems.Add(new PartsFileProblem(where, error));
                continue;
            }
            var fields = record.Fields;
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue; // a blank line, or a spreadsheet's empty row (",,")
            }
            var isHeader = first && IsHeader(fields);
            first = false;
            if (isHeader)
            {
                continue;
            }
            if (fields.Count is < 2 or > 3)
            {
                var hint = fields.Count == 1 && fields[0].Contains(';', StringComparison.Ordinal) ? " (separate the columns with commas, not semicolons)" : "";
                problems.Add(new PartsFileProblem(where, $"expected name,quantity[,revision], found {fields.Count} column{(fields.Count == 1 ? "" : "s")}{hint}"));
                continue;
            }
            var (quantity, quantityProblem) = Quantity(fields[1]);
            if (PartsFileParser.Entry(where, fields[0], quantity, quantityProblem, fields.Count == 3 ? fields[2] : null, problems) is { } entry)
            {
                entries.Add(entry);
            }
        }
        return new PartsFileResult(PartsFileFormat.Csv, entries, problems);
    }

    private static bool IsHeader(IReadOnlyList<string> fields) =>
        fields.Count >= 2
        && NameHeaders.Contains(fields[0].Trim(), StringComparer.OrdinalIgnoreCase)
        && QuantityHeaders.Contains(fields[1].Trim(), StringComparer.OrdinalIgnoreCase);

    private static (decimal?, string?) Quantity(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return (null, "the quantity is empty");
        }
        const NumberStyles Styles = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent;
        return decimal.TryParse(trimmed, Styles, CultureInfo.InvariantCulture, out var quantity)
            ? (quantity, null)
            : (null, $"quantity \"{trimmed}\" is not a number (write it with a decimal point, e.g. 2.5)");
    }

    /// <summary>One CSV record: its fields, the line it starts on, or what is wrong with its quoting.</summary>
    private sealed record Record(int Line, IReadOnlyList<string> Fields, string? Error);

    private static IEnumerable<Record> Records(string text)
    {
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            string? error = null;
            var quoted = false;
            var atFieldStart = true;
            var endOfRecord = false;
            while (i < text.Length && !endOfRecord)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }
                    if (c == '"')
                    {
                        quoted = false;
                        i++;
                        // After the closing quote only a comma or the end of the line may follow.
                        if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                        {
                            error ??= "a quoted field must end with a quote followed by a comma or the end of the line";
                        }
                        continue;
                    }
                    if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                    {
                        line++;
                    }
                    field.Append(c);
                    i++;
                    continue;
                }
                switch (c)
                {
                    case '"' when atFieldStart:
                        quoted = true;
                        atFieldStart = false;
                        i++;
                        break;
                    case ',':
                        fields.Add(field.ToString());
                        field.Clear();
                        atFieldStart = true;
                        i++;
                        break;
                    case '\r' or '\n':
                        i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                        line++;
                        endOfRecord = true;
                        break;
                    default:
                        // Spaces before an opening quote are let through (spreadsheets write them); names are trimmed anyway.
                        atFieldStart = atFieldStart && c == ' ';
                        if (c == '"')
                        {
                            error ??= "a quote inside an unquoted field; put the whole field in quotes and double the quote (\"\")";
                        }
                        field.Append(c);
                        i++;
                        break;
                }
            }
            if (quoted)
            {
                error = "a quoted field is not closed before the end of the file";
            }
            fields.Add(field.ToString());
            yield return new Record(start, fields, error);
        }
    }
}

using System.Globalization;
using System.Text;

namespace MonitorDashboard.Calculation;

/// <summary>
/// Reads a parts file, the one format of <c>monitor add|update --parts-file</c>, the list edit form's upload and the
/// calculator's upload: a CSV of <c>name,quantity[,revision]</c> (header optional, RFC 4180 quoting) or a JSON list of
/// <c>{"name", "quantity", "version"?}</c>, chosen by the extension (.csv, .json) or, without one, by the content.
/// UTF-8 with or without a byte-order mark. Every bad row is reported; a caller uses the parts only when none is bad.
/// </summary>
public static class PartsFileParser
{
    /// <summary>The largest file accepted (1 MB): thousands of parts, and a bound on what an upload may make us read.</summary>
    public const long MaxBytes = 1024 * 1024;

    public const string Expected = "expected lines of name,quantity[,revision] or a JSON list of {\"name\", \"quantity\", \"version\"}";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>"the file is 2,500,000 bytes; a parts file may be at most 1 MB (1,048,576 bytes)".</summary>
    public static string TooLarge(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"the file is {bytes:N0} bytes; a parts file may be at most 1 MB ({MaxBytes:N0} bytes)");

    /// <param name="fileName">The file's name; only its extension is used.</param>
    /// <param name="content">The file's bytes.</param>
    public static PartsFileResult Parse(string fileName, ReadOnlySpan<byte> content)
    {
        if (content.Length > MaxBytes)
        {
            return PartsFileResult.Failed(TooLarge(content.Length));
        }
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..]; // a byte-order mark, as Excel's "CSV UTF-8" writes
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return PartsFileResult.Failed("the file is not UTF-8 text; save it as UTF-8 (in Excel: \"CSV UTF-8\")");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return PartsFileResult.Failed("the file is empty; " + Expected);
        }
        var format = FormatOf(fileName, text);
        var result = format == PartsFileFormat.Json ? PartsJsonReader.Read(text) : PartsCsvReader.Read(text);
        return result.Problems.Count == 0 && result.Entries.Count == 0
            ? PartsFileResult.Failed("the file lists no parts; " + Expected, format)
            : result;
    }

    /// <summary>By extension; a file without a known one is JSON when it starts with <c>[</c> or <c>{</c>, else CSV.</summary>
    public static PartsFileFormat FormatOf(string fileName, string text) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => PartsFileFormat.Csv,
        ".json" => PartsFileFormat.Json,
        _ => text.TrimStart().StartsWith('[') || text.TrimStart().StartsWith('{') ? PartsFileFormat.Json : PartsFileFormat.Csv,
    };

    /// <summary>The checks every row gets, whatever the format; problems are added to <paramref name="problems"/>.</summary>
    internal static PartsFileEntry? Entry(string where, string? name, decimal? quantity, string? quantityProblem, string? revision, List<PartsFileProblem> problems)
    {
        var before = problems.Count;
        void Problem(string text) => problems.Add(new PartsFileProblem(where, text));
        name = name?.Trim() ?? "";
        revision = string.IsNullOrWhiteSpace(revision) ? null : revision.Trim();
        if (name.Length == 0)
        {
            Problem("the part name is empty");
        }
        else if (name.Any(char.IsControl))
        {
            Problem($"the part name \"{Printable(name)}\" contains a line break or another control character");
        }
        if (QuantityProblem(quantity, quantityProblem) is { } badQuantity)
        {
            Problem(badQuantity);
        }
        if (revision is not null && revision.Any(char.IsControl))
        {
            Problem($"the revision \"{Printable(revision)}\" contains a line break or another control character");
        }
        return problems.Count == before ? new PartsFileEntry(where, name, quantity!.Value, revision) : null;
    }

    /// <summary>What is wrong with a row's quantity: the reader's own finding, or a number not above 0.</summary>
    internal static string? QuantityProblem(decimal? quantity, string? readerProblem) =>
        readerProblem ?? (quantity is > 0 ? null : $"quantity {quantity?.ToString(CultureInfo.InvariantCulture)} must be greater than 0");

    private static string Printable(string value) => string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}

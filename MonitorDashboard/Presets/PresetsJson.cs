using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MonitorDashboard.Presets;

/// <summary>
/// Reads and writes presets.json like the Python tool: strict JSON (no comments or trailing commas, which the
/// Python tool could not read back), two-space indentation, known keys first, unknown keys kept verbatim.
/// </summary>
internal static partial class PresetsJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        // The file is JSON, never HTML: keep names like "A < B & C" and addresses like a+b@x readable by hand.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    public static PresetsContent Read(string filePath, byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..]; // a byte-order mark from a Windows editor
        }
        if (IsBlank(bytes))
        {
            return new(PresetsDocument.Empty, null, IsBlank: true, HasMonitoringLists: false); // the Python tool treats an empty file as "no presets yet"
        }
        // Syntax first, so "not JSON" and "wrong shape" get distinct messages.
        bool hasLists;
        try
        {
            using var json = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
            // An absent key is what the Python tool leaves when it drops keys it does not know; [] is a user's choice.
            hasLists = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("monitoring_lists", out _);
        }
        catch (JsonException ex)
        {
            return Failed(Error(filePath, "is not valid JSON: " + StripPosition(ex.Message), ex));
        }
        try
        {
            var document = JsonSerializer.Deserialize<PresetsDocument>(bytes, Options);
            var (normalized, error) = document is null
                ? (null, new PresetsFileError(filePath, "has the wrong shape: the top level must be an object with \"presets\" and \"monitoring_lists\"", 1, 1))
                : Normalize(filePath, document);
            return new(normalized, error, IsBlank: false, HasMonitoringLists: hasLists && normalized is not null);
        }
        catch (JsonException ex)
        {
            var where = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            return Failed(Error(filePath, $"has the wrong shape at {where}: expected {Expected(where)}", ex));
        }
    }

    public static byte[] Write(PresetsDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, Options);

    // JSON nulls for arrays and strings become empty values; a null list entry is a shape error.
    private static (PresetsDocument?, PresetsFileError?) Normalize(string filePath, PresetsDocument document)
    {
        var lists = document.MonitoringLists ?? [];
        var presets = document.Presets ?? [];
        for (var i = 0; i < lists.Count; i++)
        {
            if (lists[i] is null || lists[i].Parts?.Any(p => p is null) == true)
            {
                return (null, new PresetsFileError(filePath, $"has the wrong shape at $.monitoring_lists[{i}]: expected an object, not null", null, null));
            }
        }
        if (presets.Any(p => p is null || p.Items?.Any(item => item is null) == true))
        {
            return (null, new PresetsFileError(filePath, "has the wrong shape in $.presets: expected objects, not null", null, null));
        }
        return (document with
        {
            Presets = presets.Select(p => p with { Name = p.Name ?? "", Items = p.Items ?? [] }).ToList(),
            MonitoringLists = lists.Select(l => l with
            {
                Id = l.Id ?? "",
                Name = l.Name ?? "",
                CronSchedule = l.CronSchedule ?? "",
                NotifyCondition = l.NotifyCondition ?? NotifyConditions.OnChange,
                Recipients = l.Recipients ?? [],
                Parts = (l.Parts ?? []).Select(p => p with { Name = p.Name ?? "" }).ToList(),
            }).ToList(),
        }, null);
    }

    private static string Expected(string path) => (LastSegment().Match(path).Value, path.EndsWith(']')) switch
    {
        ("recipients", true) => "a string",
        (_, true) => "an object",
        ("$", _) => "an object",
        ("presets" or "monitoring_lists" or "parts" or "items" or "recipients", _) => "an array",
        ("quantity", _) => "a number",
        ("active" or "hide_optional" or "replenish_to_minimum", _) => "true or false",
        _ => "a string",
    };

    private static PresetsContent Failed(PresetsFileError error) => new(null, error, IsBlank: false, HasMonitoringLists: false);

    private static PresetsFileError Error(string filePath, string message, JsonException ex) =>
        // System.Text.Json counts lines and byte positions from 0.
        new(filePath, message, ex.LineNumber + 1, ex.BytePositionInLine + 1);

    private static string StripPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    private static bool IsBlank(byte[] bytes) => bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');

    [GeneratedRegex(@"(\$|[a-z_]+)(?=(\[\d+\])?$)")]
    private static partial Regex LastSegment();
}

/// <summary>
/// What <see cref="PresetsJson.Read"/> found: a document or an error; whether the file was blank, and whether it had a
/// <c>monitoring_lists</c> key at all (absent and <c>[]</c> both give an empty list, but mean different things).
/// </summary>
internal sealed record PresetsContent(PresetsDocument? Document, PresetsFileError? Error, bool IsBlank, bool HasMonitoringLists);

using MonitorDashboard.Calculation;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Cli.Monitor;

/// <summary>Reads <c>--parts</c> and <c>--recipients</c> text into list fields, with messages that name the option.</summary>
internal static class ListFieldParser
{
    /// <summary>Parses <c>"A:10,B@rev:5"</c> with the calculator's parser; every bad entry is added to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<MonitoredPart> ParseParts(string text, List<string> errors)
    {
        var parts = new List<MonitoredPart>();
        var entries = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            errors.Add("--parts is empty; give at least one part as Name:quantity, e.g. \"Widget Assembly:10\"");
            return parts;
        }
        foreach (var entry in entries)
        {
            if (!PartRequestParser.TryParse(entry, out var request, out var error))
            {
                errors.Add("--parts " + error);
            }
            else if (request.Pk is { } pk)
            {
                // A list is shared with the Python tool, which looks parts up by name: an id would never match.
                errors.Add($"--parts \"{entry}\": a monitoring list names its parts; write the part's name (e.g. \"Widget Assembly:{request.Quantity}\"), not the id {pk}");
            }
            else
            {
                parts.Add(new MonitoredPart { Name = request.Name!, Version = request.Revision, Quantity = request.Quantity });
            }
        }
        return parts;
    }

    /// <summary>
    /// Reads <c>--parts-file</c> with the parser the dashboard's uploads use; every bad row is added to
    /// <paramref name="errors"/> with its line (CSV) or index (JSON), and then no part is returned.
    /// </summary>
    public static IReadOnlyList<MonitoredPart> ReadPartsFile(string path, List<string> errors)
    {
        var option = $"--parts-file \"{path}\"";
        byte[] content;
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                errors.Add($"{option}: no such file");
                return [];
            }
            if (file.Length > PartsFileParser.MaxBytes)
            {
                errors.Add($"{option}: {PartsFileParser.TooLarge(file.Length)}");
                return [];
            }
            content = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{option} could not be read: {ex.Message}");
            return [];
        }
        var result = PartsFileParser.Parse(path, content);
        errors.AddRange(result.Problems.Select(p => $"{option} {p}"));
        return result.IsValid
            ? result.Entries.Select(e => new MonitoredPart { Name = e.Name, Version = e.Revision, Quantity = e.Quantity }).ToList()
            : [];
    }

    public static IReadOnlyList<string> ParseRecipients(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

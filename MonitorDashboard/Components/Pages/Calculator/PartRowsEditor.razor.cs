using Microsoft.AspNetCore.Components;
using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Components.Pages.Calculator;

/// <summary>
/// Edits the rows in place. Suggestions come from InvenTree's <c>search</c> (name, IPN, description); picking one
/// fills name and revision, or the pk when the name and revision would not tell the part apart from another.
/// </summary>
public sealed partial class PartRowsEditor
{
    private const int SuggestionLimit = 10;

    private Dictionary<string, InvenTreePart> _suggestions = [];

    [Inject] public required IInvenTreeClient InvenTree { get; init; }
    [Inject] public required ILogger<PartRowsEditor> Logger { get; init; }

    [Parameter, EditorRequired] public required List<PartRow> Rows { get; set; }

    private void Add() => Rows.Add(new PartRow());

    private void Remove(PartRow row)
    {
        Rows.Remove(row);
        if (Rows.Count == 0)
        {
            Rows.Add(new PartRow());
        }
    }

    private void OnPartChanged(PartRow row, string? value)
    {
        if (value is not null && _suggestions.TryGetValue(value, out var part))
        {
            var twins = _suggestions.Values.Count(p => p.Name == part.Name && p.Revision == part.Revision);
            row.Part = twins > 1 ? $"#{part.Pk}" : part.Name;
            row.Revision = twins > 1 ? null : part.Revision;
            row.Hint = twins > 1 ? Describe(part) : null;
            return;
        }
        row.Part = value ?? "";
        row.Hint = null;
    }

    private async Task<IEnumerable<string>> SearchAsync(string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 2)
        {
            return [];
        }
        try
        {
            var parts = await InvenTree.SearchPartsAsync(text, SuggestionLimit, cancellationToken);
            _suggestions = parts.GroupBy(Describe).ToDictionary(g => g.Key, g => g.First());
            return _suggestions.Keys;
        }
        catch (InvenTreeException ex)
        {
            // Suggestions are a convenience: typing a name still works, and Calculate reports the real problem.
            LogSuggestionsFailed(Logger, ex.Message);
            return [];
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return []; // the user typed on
        }
    }

    private static string Describe(InvenTreePart part) =>
        $"{part.Name}{(string.IsNullOrEmpty(part.Revision) ? "" : $" (rev {part.Revision})")}"
        + $"{(string.IsNullOrEmpty(part.Ipn) ? "" : $" · {part.Ipn}")} · #{part.Pk}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Part suggestions for the calculator failed: {Reason}")]
    private static partial void LogSuggestionsFailed(ILogger logger, string reason);
}

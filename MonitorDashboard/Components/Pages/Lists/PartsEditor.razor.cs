using Microsoft.AspNetCore.Components;
using MonitorDashboard.Calculation;
using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Components.Pages.Lists;

/// <summary>
/// Rows of part name, optional revision and quantity; every name is checked against InvenTree as it is typed
/// (debounced), so a typo shows "not found" or "ambiguous (2)" before the list is saved. Rows can be pasted as
/// <c>Name:qty</c> lines or replaced from a parts file (<see cref="Shared.PartsFileUpload"/>); the form is saved as usual.
/// </summary>
public sealed partial class PartsEditor : IDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private bool _pasting;
    private string? _paste;
    private List<string> _pasteErrors = [];

    [Inject] public required PartLookup Lookup { get; init; }

    [Parameter, EditorRequired] public required List<PartRow> Rows { get; set; }
    [Parameter] public EventCallback Changed { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }
        // Existing rows are checked once when the form opens.
        await Task.WhenAll(Rows.Where(r => !r.IsBlank).Select(CheckAsync));
    }

    private async Task OnNameChangedAsync(PartRow row, string value)
    {
        row.Name = value;
        await Changed.InvokeAsync();
        await CheckAsync(row);
    }

    private async Task OnRevisionChangedAsync(PartRow row, string value)
    {
        row.Revision = value;
        await Changed.InvokeAsync();
        await CheckAsync(row);
    }

    private async Task OnQuantityChangedAsync(PartRow row, decimal value)
    {
        row.Quantity = value;
        await Changed.InvokeAsync();
    }

    private async Task CheckAsync(PartRow row)
    {
        if (string.IsNullOrWhiteSpace(row.Name))
        {
            row.Lookup = null;
            return;
        }
        row.Checking = true;
        StateHasChanged();
        try
        {
            var (name, revision) = (row.Name, row.Revision);
            var result = await Lookup.LookupAsync(name, revision, _closing.Token);
            // A slower answer for text the user has since changed must not win.
            if (row.Name == name && row.Revision == revision)
            {
                row.Lookup = result;
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }
        finally
        {
            row.Checking = false;
        }
        StateHasChanged();
    }

    private async Task AddAsync()
    {
        Rows.Add(new PartRow());
        await Changed.InvokeAsync();
    }

    private async Task RemoveAsync(int index)
    {
        if (Rows.Count > 1)
        {
            Rows.RemoveAt(index);
            await Changed.InvokeAsync();
        }
    }

    private async Task PasteAsync()
    {
        var errors = new List<string>();
        var added = new List<PartRow>();
        foreach (var line in (_paste ?? "").Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!PartRequestParser.TryParse(line, out var request, out var error))
            {
                errors.Add(error);
            }
            else if (request.Pk is not null)
            {
                errors.Add($"\"{line}\": a list names its parts; use the part's name, not its number");
            }
            else
            {
                added.Add(new PartRow { Name = request.Name!, Revision = request.Revision, Quantity = request.Quantity });
            }
        }
        Rows.RemoveAll(r => r.IsBlank);
        Rows.AddRange(added);
        if (Rows.Count == 0)
        {
            Rows.Add(new PartRow());
        }
        _pasteErrors = errors;
        _paste = errors.Count == 0 ? null : _paste;
        _pasting = errors.Count > 0;
        await Changed.InvokeAsync();
        await Task.WhenAll(added.Select(CheckAsync));
    }

    /// <summary>A parts file replaces the rows; a row that stays (same name and revision) keeps its unknown keys.</summary>
    private async Task LoadFileAsync(IReadOnlyList<PartsFileEntry> entries)
    {
        var previous = Rows.ToList();
        Rows.Clear();
        Rows.AddRange(entries.Select(e => new PartRow
        {
            Name = e.Name,
            Revision = e.Revision,
            Quantity = e.Quantity,
            Original = previous.FirstOrDefault(r => r.Name.Trim() == e.Name && (r.Revision?.Trim() ?? "") == (e.Revision ?? ""))?.Original,
        }));
        _pasting = false;
        await Changed.InvokeAsync();
        await Task.WhenAll(Rows.Select(CheckAsync));
    }

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}

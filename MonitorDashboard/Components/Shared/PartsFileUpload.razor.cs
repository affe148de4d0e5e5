using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MonitorDashboard.Calculation;
using MudBlazor;

namespace MonitorDashboard.Components.Shared;

/// <summary>
/// The upload of a parts file for the list edit form and the calculator. The size is checked before reading and
/// enforced while reading (<see cref="PartsFileParser.MaxBytes"/>); what the parser finds is shown here, and only a
/// file without a single bad row reaches <see cref="OnLoaded"/>. Nothing is saved: the page's rows are filled.
/// </summary>
public sealed partial class PartsFileUpload : IDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private MudFileUpload<IBrowserFile>? _upload;
    private IReadOnlyList<PartsFileProblem> _problems = [];
    private string? _fileName;
    private string? _loaded;
    private bool _reading;

    /// <summary>Receives the parts of a file in which every row is good.</summary>
    [Parameter, EditorRequired] public EventCallback<IReadOnlyList<PartsFileEntry>> OnLoaded { get; set; }

    [Parameter] public string Label { get; set; } = "Replace the parts from a file";

    private async Task LoadAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }
        _fileName = file.Name;
        _problems = [];
        _loaded = null;
        _reading = true;
        try
        {
            var result = await ReadAsync(file);
            if (!result.IsValid)
            {
                _problems = result.Problems;
                return;
            }
            _loaded = $"Loaded {result.Entries.Count} part{(result.Entries.Count == 1 ? "" : "s")} from {file.Name}";
            await OnLoaded.InvokeAsync(result.Entries);
        }
        finally
        {
            _reading = false;
            if (_upload is not null)
            {
                await _upload.ClearAsync(); // so choosing the same file again, after fixing it, loads it again
            }
        }
    }

    private async Task<PartsFileResult> ReadAsync(IBrowserFile file)
    {
        if (file.Size > PartsFileParser.MaxBytes)
        {
            return PartsFileResult.Failed(PartsFileParser.TooLarge(file.Size));
        }
        try
        {
            using var buffer = new MemoryStream();
            // The browser reports the size; the stream refuses to deliver more than the cap whatever it said.
            await using var stream = file.OpenReadStream(PartsFileParser.MaxBytes, _closing.Token);
            await stream.CopyToAsync(buffer, _closing.Token);
            return PartsFileParser.Parse(file.Name, buffer.ToArray());
        }
        catch (IOException ex)
        {
            return PartsFileResult.Failed($"the file could not be read ({ex.Message})");
        }
    }

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}

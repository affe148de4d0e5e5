using Microsoft.AspNetCore.Components;
using MonitorDashboard.Calculation;
using MonitorDashboard.Components.Actions;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Presets;
using MonitorDashboard.Security;
using MudBlazor;

namespace MonitorDashboard.Components.Pages.Calculator;

/// <summary>
/// Calculator presets through <see cref="PresetsStore"/>: every save or delete names the file version this panel
/// showed, so a change made meanwhile by someone else is refused (with a Reload offer), never overwritten.
/// </summary>
public sealed partial class PresetsPanel : IDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private IDisposable? _subscription;
    private PresetsSnapshot? _snapshot;
    private string? _selected;
    private string? _saveName;
    private bool _busy;
    private Pending? _pending;
    private PanelMessage? _message;
    private bool _canChange;

    [Inject] public required PresetsStore Store { get; init; }
    [Inject] public required DashboardActions Actions { get; init; }
    [Inject] public required PartLookup Lookup { get; init; }
    [Inject] public required ILogger<PresetsPanel> Logger { get; init; }

    /// <summary>The rows a save writes.</summary>
    [Parameter, EditorRequired] public required IReadOnlyList<PartRow> Rows { get; set; }

    /// <summary>Receives the requests of a loaded preset.</summary>
    [Parameter, EditorRequired] public EventCallback<IReadOnlyList<PartRequest>> OnLoad { get; set; }

    private IReadOnlyList<CalculatorPreset> Presets => _snapshot?.Document.Presets ?? [];

    /// <summary>Presets an earlier version wrote with names or fractions: they load here, but the Python tool cannot read the file.</summary>
    private IReadOnlyList<string> Unreadable => Presets.Where(p => !CalculatorPresetRules.IsPythonReadable(p)).Select(p => $"\"{p.Name}\"").ToList();

    protected override async Task OnInitializedAsync()
    {
        _canChange = await Actions.CanChangeAsync();
        // The watcher reloads presets.json after an outside edit; show that version (and save against it) from then on.
        _subscription = Store.Subscribe(snapshot => _ = InvokeAsync(() =>
        {
            Show(snapshot);
            StateHasChanged();
        }));
        Show(Store.Current ?? await Store.LoadAsync(_closing.Token));
    }

    private async Task LoadAsync()
    {
        if (_selected is null || _snapshot is null || CalculatorModel.FindPreset(_snapshot.Document, _selected) is not { } preset)
        {
            return;
        }
        var parsed = CalculatorModel.FromPreset(preset);
        _message = parsed.Errors.Count > 0
            ? new PanelMessage(Severity.Warning, "Loaded with problems: " + string.Join("; ", parsed.Errors))
            : new PanelMessage(Severity.Success, $"Loaded preset \"{preset.Name}\"");
        _saveName = preset.Name;
        await OnLoad.InvokeAsync(parsed.Requests);
    }

    private async Task AskSaveAsync()
    {
        var name = (_saveName ?? "").Trim();
        var parsed = CalculatorModel.ToRequests(Rows);
        if (parsed.Errors.Count > 0)
        {
            _message = new PanelMessage(Severity.Error, "Not saved: " + string.Join("; ", parsed.Errors));
            return;
        }
        // Names become pks before anything is written: the Python tool reads part_id as an integer only.
        _busy = true;
        ResolvedPresetItems resolved;
        try
        {
            resolved = await PresetItemsResolver.ResolveAsync(parsed.Requests, Lookup, _closing.Token);
        }
        finally
        {
            _busy = false;
        }
        if (resolved.Errors.Count > 0)
        {
            _message = new PanelMessage(Severity.Error, "Not saved: " + string.Join("; ", resolved.Errors));
            return;
        }
        if (_snapshot is not null && CalculatorModel.FindPreset(_snapshot.Document, name) is { } existing)
        {
            _pending = new Pending($"A preset named \"{existing.Name}\" exists. Overwrite it?", "Overwrite",
                () => SaveAsync(existing.Name, resolved.Items));
            return;
        }
        await SaveAsync(name, resolved.Items);
    }

    private Task SaveAsync(string name, IReadOnlyList<PresetItem> items) =>
        WriteAsync("save a preset", doc => CalculatorModel.WithPreset(doc, CalculatorModel.ToPreset(name, items, CalculatorModel.FindPreset(doc, name))),
            $"Saved preset \"{name}\"", name);

    private void AskDelete()
    {
        if (_selected is { } name)
        {
            _pending = new Pending($"Delete preset \"{name}\"?", "Delete",
                () => WriteAsync("delete a preset", doc => CalculatorModel.WithoutPreset(doc, name), $"Deleted preset \"{name}\"", null));
        }
    }

    private async Task ConfirmAsync()
    {
        var pending = _pending;
        _pending = null;
        if (pending is not null)
        {
            await pending.Run();
        }
    }

    private async Task WriteAsync(string what, Func<PresetsDocument, PresetsDocument> change, string done, string? select)
    {
        if (_snapshot is null)
        {
            return;
        }
        _busy = true;
        try
        {
            _snapshot = await Actions.ChangePresetsAsync(what, change, _snapshot.Version, _closing.Token);
            _selected = select;
            _message = new PanelMessage(Severity.Success, done);
        }
        catch (PresetsConflictException ex)
        {
            _message = new PanelMessage(Severity.Error, $"Not saved: {ex.Message}.", OfferReload: true);
        }
        catch (PresetsException ex)
        {
            _message = new PanelMessage(Severity.Error, "Not saved: " + ex.Message);
        }
        catch (ActionRefusedException ex)
        {
            _message = new PanelMessage(Severity.Error, ex.Message);
        }
        catch (IOException ex)
        {
            LogWriteFailed(Logger, ex, Store.FilePath);
            _message = new PanelMessage(Severity.Error, $"Not saved: {Store.FilePath} could not be written ({ex.Message})");
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ReloadAsync()
    {
        _pending = null;
        _message = new PanelMessage(Severity.Info, "Reloaded presets.json; check the presets and save again.");
        Show(await Store.LoadAsync(_closing.Token));
    }

    private void Show(PresetsSnapshot snapshot)
    {
        _snapshot = snapshot;
        if (snapshot.FileError is { } error)
        {
            _message = new PanelMessage(Severity.Error, $"presets.json cannot be read, so presets cannot be saved: {error}");
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _closing.Cancel();
        _closing.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing a calculator preset to {FilePath} failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string filePath);

    private sealed record Pending(string Question, string Action, Func<Task> Run);

    private sealed record PanelMessage(Severity Severity, string Text, bool OfferReload = false);
}

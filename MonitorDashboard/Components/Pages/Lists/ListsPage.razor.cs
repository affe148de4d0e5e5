using System.Linq.Expressions;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MonitorDashboard.Components.Actions;
using MonitorDashboard.Components.Shared;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Presets;
using MonitorDashboard.Security;
using MudBlazor;

namespace MonitorDashboard.Components.Pages.Lists;

/// <summary>
/// Every monitoring list with its schedule, next and last run and status, updated live from the state
/// service: a run started or finished anywhere (schedule, CLI, another browser) shows without a reload.
/// </summary>
public sealed partial class ListsPage : IAsyncDisposable
{
    // MudBlazor's PropertyColumn compiles its Property whenever it receives a different expression, and a lambda written
    // in the markup is a new expression on every render: during a burst each live refresh compiled five delegates per
    // open page (and the finalizer thread then spent seconds on the dynamic methods). One instance each, compiled once.
    private static readonly Expression<Func<ListRow, string>> NameColumn = x => x.View.Name;
    private static readonly Expression<Func<ListRow, string>> CronColumn = x => x.View.Cron;
    private static readonly Expression<Func<ListRow, DateTimeOffset?>> NextRunColumn = x => x.View.NextRun;
    private static readonly Expression<Func<ListRow, DateTimeOffset>> LastRunColumn = x => x.View.LastRun!.StartedAt;
    private static readonly Expression<Func<ListRow, ListStatus>> StatusColumn = x => x.View.Status;

    private readonly CancellationTokenSource _closing = new();
    private readonly ListRows _rows = new();
    private IDisposable? _subscription;
    private CoalescedRefresh? _refresh;
    private PeriodicTimer? _clock;

    [Inject] public required MonitorState State { get; init; }
    [Inject] public required PresetsStore Presets { get; init; }
    [Inject] public required DashboardActions Actions { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required IJSRuntime Js { get; init; }

    private string? Search { get; set; }

    // Typing is applied once it pauses for 150 ms, so a fast typist does not filter a thousand lists per keystroke. The
    // first text into an empty field is applied at once: it is often the whole search at once, handed over by app.js
    // from the prerendered page in one input event, 150 ms of the second a page opened at 07:00 has to answer in.
    private double SearchDebounce => string.IsNullOrEmpty(Search) ? 0 : 150;

    // Only the prerendered search field is marked: what is typed into it before the page is interactive is kept by
    // app.js, which hands it (and the focus) to the interactive field (data-keep-typed-target) that replaces it when the
    // page connects; whatever app.js could not hand over is taken back here after the first interactive render.
    private string? KeepTypedKey => RendererInfo.IsInteractive ? null : "list-search";
    private ListStatus? StatusFilter { get; set; }
    private bool Loaded { get; set; }
    private bool CanEdit { get; set; }
    private DateTimeOffset Now => Time.GetUtcNow();

    private IEnumerable<ListRow> Visible => _rows.For(State.Lists).Where(row => Matches(row.View));

    protected override async Task OnInitializedAsync()
    {
        CanEdit = await Actions.CanChangeAsync();
        _refresh = new CoalescedRefresh(() => InvokeAsync(StateHasChanged), Time);
        _subscription = State.Subscribe(_ => _refresh.Request());
        Loaded = RendererInfo.IsInteractive || State.Lists.Count > 0;
        if (RendererInfo.IsInteractive)
        {
            _ = RefreshRelativeTimesAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive)
        {
            return;
        }
        try
        {
            var typed = await Js.InvokeAsync<string?>("monitorDashboard.takeTyped", _closing.Token, "list-search");
            if (!string.IsNullOrEmpty(typed) && string.IsNullOrEmpty(Search))
            {
                Search = typed;
                StateHasChanged();
            }
        }
        catch (JSDisconnectedException)
        {
            // The tab closed before the page was interactive: there is no one to show the text to.
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
        }
    }

    private bool Matches(ListView list)
    {
        if (StatusFilter is { } status && list.Status != status)
        {
            return false;
        }
        if (string.IsNullOrWhiteSpace(Search))
        {
            return true;
        }
        var term = Search.Trim();
        return list.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
               || list.Parts.Any(p => p.Contains(term, StringComparison.OrdinalIgnoreCase))
               || list.Recipients.Any(r => r.Contains(term, StringComparison.OrdinalIgnoreCase))
               || list.Id.StartsWith(term, StringComparison.OrdinalIgnoreCase);
    }

    private async Task SetActiveAsync(ListView list, bool active)
    {
        if (!CanEdit)
        {
            return;
        }
        await SaveAsync(version => Actions.SetActiveAsync(list.Id, active, version, _closing.Token),
            active ? $"{list.Name} resumed" : $"{list.Name} paused");
    }

    private async Task DuplicateAsync(ListView view)
    {
        if (!CanEdit || Presets.Current?.FindList(view.Id) is not { } original)
        {
            return;
        }
        var copy = original with
        {
            Id = "",
            Name = UniqueCopyName(original.Name),
            LastHash = null,
            Active = false,
        };
        try
        {
            var saved = await Actions.DuplicateListAsync(copy, Presets.Current!.Version, _closing.Token);
            Snackbar.Add($"Created \"{saved.List.Name}\" (paused) — review it, then activate it", Severity.Success);
            Navigation.NavigateTo($"lists/{saved.List.Id}/edit");
        }
        catch (Exception ex) when (ex is PresetsException or ActionRefusedException)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }

    private async Task DeleteAsync(ListView list)
    {
        if (!CanEdit)
        {
            return;
        }
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Delete list",
            $"Delete \"{list.Name}\"? Its schedule stops; its run history is kept.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }
        await SaveAsync(version => Actions.DeleteListAsync(list.Id, version, _closing.Token), $"{list.Name} deleted");
    }

    private async Task SaveAsync(Func<string, Task<PresetsSnapshot>> save, string done)
    {
        try
        {
            var snapshot = Presets.Current ?? await Presets.LoadAsync(_closing.Token);
            await save(snapshot.Version);
            Snackbar.Add(done, Severity.Success);
        }
        catch (PresetsConflictException ex)
        {
            // Someone else changed presets.json meanwhile; the watcher reloads it, the user tries again.
            await Presets.LoadAsync(_closing.Token);
            Snackbar.Add(ex.Message, Severity.Warning);
        }
        catch (Exception ex) when (ex is PresetsException or ActionRefusedException)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }

    private string UniqueCopyName(string name)
    {
        var names = State.Lists.Select(l => l.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var candidate = $"{name} (copy)";
        for (var i = 2; names.Contains(candidate); i++)
        {
            candidate = $"{name} (copy {i})";
        }
        return candidate;
    }

    /// <summary>"in 3 h" must move on its own; one cheap re-render a minute, driven by the injected clock.</summary>
    private async Task RefreshRelativeTimesAsync()
    {
        _clock = new PeriodicTimer(TimeSpan.FromMinutes(1), Time);
        try
        {
            while (await _clock.WaitForNextTickAsync(_closing.Token))
            {
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        _refresh?.Dispose();
        await _closing.CancelAsync();
        _clock?.Dispose();
        _closing.Dispose();
    }
}

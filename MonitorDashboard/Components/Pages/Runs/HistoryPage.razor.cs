using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MonitorDashboard.Cron;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.State;
using MudBlazor;

namespace MonitorDashboard.Components.Pages.Runs;

/// <summary>
/// A list's runs, newest first, paged in the database. Live: a run of this list that finishes anywhere shows on
/// page 1 without a reload. A deleted list's history stays readable.
/// </summary>
public sealed partial class HistoryPage : IAsyncDisposable
{
    public const int PageSize = 25;

    /// <summary>How many of the newest runs the trend chart shows.</summary>
    public const int TrendRuns = 30;

    private readonly CancellationTokenSource _closing = new();
    private IDisposable? _subscription;
    private MudTable<RunSummary>? _table;
    private string? _loadedFor;

    [Inject] public required IRunStore History { get; init; }
    [Inject] public required MonitorState State { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required IOptions<ScheduleOptions> Schedule { get; init; }

    [Parameter] public string ListId { get; set; } = "";

    private ListView? List { get; set; }
    private string Name { get; set; } = "";
    private int Total { get; set; }
    private bool Loaded { get; set; }
    private RunTrend Trend { get; set; } = RunTrend.Empty;
    private string Zone => List?.TimeZone ?? Schedule.Value.TimeZone;
    private DateTimeOffset Now => Time.GetUtcNow();

    protected override void OnInitialized() =>
        _subscription = State.Subscribe(change => _ = InvokeAsync(() => OnChangeAsync(change)));

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == ListId)
        {
            return;
        }
        // Loaded stays true when another list is opened on the same page, so the table (and its reference) survives.
        _loadedFor = ListId;
        List = State.Find(ListId);
        Total = await History.CountAsync(ListId, _closing.Token);
        // A deleted list is named after its newest run.
        Name = List?.Name
               ?? (await History.ListAsync(ListId, 0, 1, _closing.Token)).FirstOrDefault()?.ListName
               ?? ListId;
        await LoadTrendAsync();
        Loaded = true;
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private async Task<TableData<RunSummary>> LoadPageAsync(TableState state, CancellationToken ct)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(ct, _closing.Token);
        var rows = await History.ListAsync(ListId, state.Page * state.PageSize, state.PageSize, both.Token);
        Total = await History.CountAsync(ListId, both.Token);
        return new TableData<RunSummary> { Items = rows, TotalItems = Total };
    }

    private async Task OnChangeAsync(MonitorEvent change)
    {
        if (_closing.IsCancellationRequested)
        {
            return;
        }
        switch (change)
        {
            case RunFinished finished when Same(finished.Run.ListId):
                List = State.Find(ListId);
                await LoadTrendAsync();
                await ShowNewestAsync();
                break;
            case RunStarted started when Same(started.ListId):
            case ListsChanged:
                List = State.Find(ListId);
                if (List is not null)
                {
                    Name = List.Name;
                }
                StateHasChanged();
                break;
        }
    }

    private async Task LoadTrendAsync() =>
        Trend = RunTrend.From(await History.ListAsync(ListId, 0, TrendRuns, _closing.Token));

    /// <summary>A new run goes on top: back to page 1 and re-query (the offsets of every page moved by one).</summary>
    private async Task ShowNewestAsync()
    {
        if (_table is null)
        {
            // The empty state becomes a table, which loads its first page when it renders.
            Total = await History.CountAsync(ListId, _closing.Token);
            StateHasChanged();
            return;
        }
        _table.NavigateTo(0);
        await _table.ReloadServerData();
    }

    private bool Same(string listId) => string.Equals(listId, ListId, StringComparison.OrdinalIgnoreCase);

    private void OpenRun(TableRowClickEventArgs<RunSummary> click)
    {
        if (click.Item is { } run)
        {
            Navigation.NavigateTo($"runs/{run.RunId}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        await _closing.CancelAsync();
        _closing.Dispose();
    }
}

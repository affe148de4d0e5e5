using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MonitorDashboard.Cron;
using MonitorDashboard.Calculation;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.State;

namespace MonitorDashboard.Components.Pages.Runs;

/// <summary>
/// One run: its facts, what changed since the previous run, the result tables, the email outcome per recipient
/// and the email exactly as sent. Live: a newer run of the same list is announced as soon as it finishes.
/// </summary>
public sealed partial class RunDetailPage : IAsyncDisposable
{
    /// <summary>How far back to look past failed or missed runs for a result to diff against.</summary>
    private const int BaselineSearchDepth = 50;

    private readonly CancellationTokenSource _closing = new();
    private IDisposable? _subscription;
    private Guid? _loadedFor;

    [Inject] public required IRunStore History { get; init; }
    [Inject] public required MonitorState State { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required IOptions<ScheduleOptions> Schedule { get; init; }

    [Parameter] public Guid RunId { get; set; }

    /// <summary>Preselects "Compare with…" (<c>runs/{id}?compare={other}</c>).</summary>
    [SupplyParameterFromQuery(Name = "compare")] public Guid? Compare { get; set; }

    private RunRecord? Run { get; set; }
    private ListView? List { get; set; }
    private RunRecord? Baseline { get; set; }
    private ResultChanges? SincePrevious { get; set; }
    private RunSummary? NewerRun { get; set; }
    private RunTrend Trend { get; set; } = RunTrend.Empty;
    private bool Loaded { get; set; }
    private string Zone => List?.TimeZone ?? Schedule.Value.TimeZone;
    private DateTimeOffset Now => Time.GetUtcNow();

    protected override void OnInitialized() =>
        _subscription = State.Subscribe(change => _ = InvokeAsync(() => OnChange(change)));

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == RunId)
        {
            return;
        }
        _loadedFor = RunId;
        Loaded = false;
        NewerRun = null;
        Run = await History.GetAsync(RunId, _closing.Token);
        List = Run is null ? null : State.Find(Run.Summary.ListId);
        Baseline = Run?.Result is null ? null : await BaselineAsync(RunId);
        SincePrevious = Run?.Result is { } result ? ResultDiff.Compare(Baseline?.Result, result) : null;
        Trend = Run is null ? RunTrend.Empty : RunTrend.From(await History.ListAsync(Run.Summary.ListId, 0, HistoryPage.TrendRuns, _closing.Token));
        Loaded = true;
    }

    /// <summary>The closest earlier run that has a result: a failed run in between does not make everything "new".</summary>
    private async Task<RunRecord?> BaselineAsync(Guid runId)
    {
        var cursor = runId;
        for (var step = 0; step < BaselineSearchDepth; step++)
        {
            var previous = await History.PreviousAsync(cursor, _closing.Token);
            if (previous is null || previous.Result is not null)
            {
                return previous;
            }
            cursor = previous.Summary.RunId;
        }
        return null;
    }

    private void OnChange(MonitorEvent change)
    {
        if (Run is null || _closing.IsCancellationRequested)
        {
            return;
        }
        var listId = Run.Summary.ListId;
        switch (change)
        {
            case RunFinished finished when Same(finished.Run.ListId, listId) && finished.Run.RunId != Run.Summary.RunId
                                           && finished.Run.StartedAt >= Run.Summary.StartedAt:
                NewerRun = finished.Run;
                List = State.Find(listId);
                StateHasChanged();
                break;
            case RunStarted started when Same(started.ListId, listId):
            case ListsChanged:
                List = State.Find(listId);
                StateHasChanged();
                break;
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Run now from this page: the user wants to see that run, so go to it.</summary>
    private void OnRunNowCompleted(CheckOutcome outcome)
    {
        if (outcome is { Status: CheckStatus.Completed, Run.Summary.RunId: var id })
        {
            Navigation.NavigateTo($"runs/{id}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        await _closing.CancelAsync();
        _closing.Dispose();
    }
}

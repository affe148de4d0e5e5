using System.Collections.Concurrent;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.State;

namespace MonitorDashboard.Components.Pages.Lists;

/// <summary>
/// The small trend of every list on the lists page, per circuit: the recent runs of all lists come in one query the
/// first time a row asks (not one query per list), and a run that finishes refreshes only its own list.
/// </summary>
public sealed partial class ListTrends : IDisposable
{
    /// <summary>How many of a list's newest runs its sparkline shows.</summary>
    public const int Runs = 20;

    private readonly IRunStore _history;
    private readonly ILogger<ListTrends> _logger;
    private readonly ConcurrentDictionary<string, RunTrend> _trends = new(StringComparer.Ordinal);
    // Lists whose rows asked for their trend (shown now or before); a run of any other list only marks its trend
    // stale, so a burst of a thousand runs reads the history for the rows on screen, not for every list.
    private readonly ConcurrentDictionary<string, byte> _asked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _stale = new(StringComparer.Ordinal);
    private readonly IDisposable _subscription;
    private readonly CancellationTokenSource _closing = new();
    private readonly Lazy<Task> _loaded;

    public ListTrends(IRunStore history, MonitorState state, ILogger<ListTrends> logger)
    {
        _history = history;
        _logger = logger;
        _loaded = new Lazy<Task>(LoadAllAsync);
        _subscription = state.Subscribe(change =>
        {
            if (change is RunFinished finished)
            {
                if (_asked.ContainsKey(finished.Run.ListId))
                {
                    _ = RefreshAsync(finished.Run.ListId);
                }
                else
                {
                    _stale[finished.Run.ListId] = 0;
                }
            }
        });
    }

    /// <summary>A list's trend changed (a run of it finished); its row redraws.</summary>
    public event Action<string>? Changed;

    public async Task<RunTrend> ForAsync(string listId)
    {
        _asked[listId] = 0;
        await _loaded.Value;
        if (_stale.TryRemove(listId, out _))
        {
            try
            {
                await ReloadAsync(listId);
            }
            catch (OperationCanceledException) when (_closing.IsCancellationRequested)
            {
                // The page closed meanwhile.
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTrendsFailed(ex); // the row keeps the trend it had
            }
        }
        return _trends.GetValueOrDefault(listId, RunTrend.Empty);
    }

    private async Task LoadAllAsync()
    {
        try
        {
            foreach (var (listId, runs) in await _history.RecentPerListAsync(Runs, _closing.Token))
            {
                _trends.TryAdd(listId, RunTrend.From(runs));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A trend is a nicety: the lists page shows its lists without one rather than failing.
            LogTrendsFailed(ex);
        }
    }

    private async Task RefreshAsync(string listId)
    {
        try
        {
            await _loaded.Value;
            await ReloadAsync(listId);
            Changed?.Invoke(listId);
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            // The page closed meanwhile: nobody to tell.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogTrendsFailed(ex);
        }
    }

    private async Task ReloadAsync(string listId) =>
        _trends[listId] = RunTrend.From(await _history.ListAsync(listId, 0, Runs, _closing.Token));

    public void Dispose()
    {
        _subscription.Dispose();
        _closing.Cancel();
        _closing.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lists page's trends could not be read from the run history")]
    private partial void LogTrendsFailed(Exception exception);
}

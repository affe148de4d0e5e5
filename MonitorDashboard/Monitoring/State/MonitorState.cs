using Microsoft.Extensions.Options;
using MonitorDashboard.Calculation;
using MonitorDashboard.Cron;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Monitoring.State;

/// <summary>
/// The in-memory view of every monitoring list that the dashboard binds to: definitions from presets.json,
/// next and last runs, what is running, the last error. The engine feeds it; subscribers hear about every
/// change and re-read. Thread-safe; events are raised outside the lock.
/// </summary>
public sealed partial class MonitorState(TimeProvider time, IOptions<ScheduleOptions> schedule, ILogger<MonitorState> logger)
{
    private const int RecentErrorCapacity = 50;

    private readonly Lock _gate = new();
    private readonly List<Action<MonitorEvent>> _subscribers = [];
    private readonly Dictionary<string, RunSummary> _lastRuns = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DateTimeOffset?> _nextRuns = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (DateTimeOffset Since, Guid? RunId)> _running = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _lastErrors = new(StringComparer.OrdinalIgnoreCase);
    private readonly LinkedList<SystemError> _recentErrors = new();
    private PresetsSnapshot? _presets;
    private PresetsSnapshot? _lastReadable;
    private DateTimeOffset? _lastHeartbeat;
    private ListView[] _lists = [];
    // Where each list is in _lists, so a run starting or finishing refreshes one view, not a thousand.
    private Dictionary<string, int> _positions = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<ListView> Lists
    {
        get
        {
            lock (_gate)
            {
                return _lists;
            }
        }
    }

    public PresetsFileError? FileError
    {
        get
        {
            lock (_gate)
            {
                return _presets?.FileError;
            }
        }
    }

    /// <summary>When the dispatcher last ticked; the status page and /healthz judge the scheduler by it.</summary>
    public DateTimeOffset? LastHeartbeat
    {
        get
        {
            lock (_gate)
            {
                return _lastHeartbeat;
            }
        }
    }

    public IReadOnlyList<SystemError> RecentErrors
    {
        get
        {
            lock (_gate)
            {
                return [.. _recentErrors];
            }
        }
    }

    public ListView? Find(string listId)
    {
        lock (_gate)
        {
            return _positions.TryGetValue(listId, out var index) && index < _lists.Length ? _lists[index] : null;
        }
    }

    public bool IsRunning(string listId)
    {
        lock (_gate)
        {
            return _running.ContainsKey(listId);
        }
    }

    /// <summary>Calls <paramref name="handler"/> for every change until the returned subscription is disposed.</summary>
    public IDisposable Subscribe(Action<MonitorEvent> handler)
    {
        lock (_gate)
        {
            _subscribers.Add(handler);
        }
        return new Subscription(this, handler);
    }

    public void ApplyPresets(PresetsSnapshot snapshot)
    {
        bool fileStateChanged;
        lock (_gate)
        {
            fileStateChanged = _presets?.FileError != snapshot.FileError;
            _presets = snapshot;
            if (!snapshot.IsMalformed)
            {
                _lastReadable = snapshot;
            }
            Rebuild();
        }
        if (fileStateChanged)
        {
            Raise(new PresetsFileChanged(snapshot.FileError, time.GetUtcNow()));
        }
        Raise(new ListsChanged(time.GetUtcNow()));
    }

    public void LoadLastRuns(IReadOnlyDictionary<string, RunSummary> lastRuns)
    {
        lock (_gate)
        {
            foreach (var (id, run) in lastRuns)
            {
                _lastRuns[id] = run;
            }
            RefreshAll();
        }
        Raise(new ListsChanged(time.GetUtcNow()));
    }

    public void SetNextRuns(IReadOnlyDictionary<string, DateTimeOffset?> nextRuns)
    {
        lock (_gate)
        {
            var changed = nextRuns.Any(n => !_nextRuns.TryGetValue(n.Key, out var known) || known != n.Value);
            if (!changed)
            {
                return;
            }
            foreach (var (id, next) in nextRuns)
            {
                _nextRuns[id] = next;
            }
            RefreshAll();
        }
        Raise(new ListsChanged(time.GetUtcNow()));
    }

    /// <param name="runId">The run that starts; a finished run of another id (a missed occurrence, a run of a killed
    /// process recorded meanwhile) then does not end this one's "running" mark.</param>
    public void MarkRunStarted(string listId, RunTrigger trigger, Guid? runId = null)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            _running[listId] = (now, runId);
            Refresh(listId);
        }
        Raise(new RunStarted(listId, trigger, now));
    }

    public void MarkRunFinished(RunSummary run)
    {
        lock (_gate)
        {
            if (_running.TryGetValue(run.ListId, out var running) && (running.RunId is null || running.RunId == run.RunId))
            {
                _running.Remove(run.ListId);
            }
            if (Replaces(run, _lastRuns.GetValueOrDefault(run.ListId)))
            {
                _lastRuns[run.ListId] = run;
                if (run.Error is { } error)
                {
                    _lastErrors[run.ListId] = error;
                }
                else if (run.Outcome is not RunOutcome.Missed)
                {
                    _lastErrors.Remove(run.ListId);
                }
            }
            Refresh(run.ListId);
        }
        Raise(new RunFinished(run, time.GetUtcNow()));
    }

    /// <summary>
    /// Whether <paramref name="run"/> becomes the list's last run. A run recorded by another process may arrive after a
    /// newer one of ours; an occurrence that was not run (missed while the previous run was still going) never hides
    /// the outcome of a run that really happened.
    /// </summary>
    private static bool Replaces(RunSummary run, RunSummary? known) => known is null || (run.Outcome == RunOutcome.Missed
        ? known.Outcome == RunOutcome.Missed && known.StartedAt <= run.StartedAt
        : known.Outcome == RunOutcome.Missed || known.StartedAt <= run.StartedAt);

    /// <summary>Ends a "running" mark left by a run that ended without a summary (cancelled or crashed).</summary>
    public void ClearRunning(string listId)
    {
        lock (_gate)
        {
            if (!_running.Remove(listId))
            {
                return;
            }
            Refresh(listId);
        }
        Raise(new ListsChanged(time.GetUtcNow()));
    }

    public void ReportEmailFailure(string listId, string error) => Raise(new EmailFailed(listId, error, time.GetUtcNow()));

    public void ReportSystemError(string source, string message)
    {
        var error = new SystemError(source, message, time.GetUtcNow());
        lock (_gate)
        {
            _recentErrors.AddFirst(error);
            while (_recentErrors.Count > RecentErrorCapacity)
            {
                _recentErrors.RemoveLast();
            }
        }
        Raise(new SystemErrorRecorded(error));
    }

    public void Heartbeat()
    {
        lock (_gate)
        {
            _lastHeartbeat = time.GetUtcNow();
        }
    }

    /// <summary>Recomputes every view (the lists themselves changed); called under the lock.</summary>
    private void Rebuild()
    {
        if (_presets is null)
        {
            return;
        }
        // While presets.json is broken, gone or empty the lists are still shown (as they were last read), none of them
        // runnable, each saying why: a broken file never looks like "no lists".
        var broken = _presets.FileError;
        var source = broken is not null && _lastReadable is not null ? _lastReadable : _presets;
        var lists = new ListView[source.MonitoringLists.Count];
        var positions = new Dictionary<string, int>(lists.Length, StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < lists.Length; index++)
        {
            var list = source.MonitoringLists[index];
            var validation = source.Validation.Count > index ? source.Validation[index] : null;
            var valid = broken is null && validation is { IsValid: true };
            lists[index] = WithRuns(new ListView(
                list.Id,
                list.Name,
                list.Active,
                valid,
                broken is not null
                    ? [$"presets.json cannot be used: {broken.Message}"]
                    : validation?.Errors.Select(e => e.Message).ToList() ?? [],
                list.CronSchedule,
                CronDescriber.Describe(list.CronSchedule) ?? "invalid schedule",
                schedule.Value.ZoneIdOf(list.TimeZone),
                list.Recipients,
                list.NotifyCondition,
                list.Parts.Select(p => $"{p.Name}{(string.IsNullOrEmpty(p.Version) ? "" : "@" + p.Version)}:{Numbers.Format(p.Quantity)}").ToList(),
                null, null, null, null));
            if (list.Id is { } id)
            {
                positions.TryAdd(id, index);
            }
        }
        _lists = lists;
        _positions = positions;
    }

    /// <summary>Recomputes the run-related fields of every view (next runs, last runs); called under the lock.</summary>
    private void RefreshAll()
    {
        var lists = new ListView[_lists.Length];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i] = WithRuns(_lists[i]);
        }
        _lists = lists;
    }

    /// <summary>Recomputes one list's view after its run started or finished; called under the lock.</summary>
    private void Refresh(string listId)
    {
        if (!_positions.TryGetValue(listId, out var index) || index >= _lists.Length)
        {
            return;
        }
        // A new array: readers hold the previous one and never see it change under them.
        var lists = (ListView[])_lists.Clone();
        lists[index] = WithRuns(lists[index]);
        _lists = lists;
    }

    private ListView WithRuns(ListView view) => view with
    {
        NextRun = view.Valid && view.Active ? _nextRuns.GetValueOrDefault(view.Id) : null,
        LastRun = _lastRuns.GetValueOrDefault(view.Id),
        RunningSince = _running.TryGetValue(view.Id, out var running) ? running.Since : null,
        LastError = _lastErrors.GetValueOrDefault(view.Id),
    };

    private void Raise(MonitorEvent change)
    {
        Action<MonitorEvent>[] handlers;
        lock (_gate)
        {
            handlers = [.. _subscribers];
        }
        foreach (var handler in handlers)
        {
            try
            {
                handler(change);
            }
            catch (Exception ex)
            {
                // One broken subscriber (a closed browser tab) must not stop the others or the engine.
                LogSubscriberFailed(ex, change.GetType().Name);
            }
        }
    }

    private void Unsubscribe(Action<MonitorEvent> handler)
    {
        lock (_gate)
        {
            _subscribers.Remove(handler);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber failed to handle {Event}")]
    private partial void LogSubscriberFailed(Exception exception, string @event);

    private sealed class Subscription(MonitorState owner, Action<MonitorEvent> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(handler);
            }
        }
    }
}

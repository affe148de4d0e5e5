namespace MonitorDashboard.Presets;

/// <summary>Change subscriptions of <see cref="PresetsStore"/>: publishes a snapshot only when the file version or error changed.</summary>
internal sealed partial class PresetsSubscribers(ILogger logger)
{
    private readonly Lock _sync = new();
    private readonly List<Action<PresetsSnapshot>> _handlers = [];

    public PresetsSnapshot? Last { get; private set; }

    public IDisposable Add(Action<PresetsSnapshot> handler)
    {
        lock (_sync)
        {
            _handlers.Add(handler);
        }
        return new Subscription(this, handler);
    }

    public void Publish(PresetsSnapshot snapshot)
    {
        Action<PresetsSnapshot>[] targets;
        lock (_sync)
        {
            var changed = Last is null || Last.Version != snapshot.Version || Last.FileError != snapshot.FileError;
            Last = snapshot;
            if (!changed)
            {
                return;
            }
            targets = [.. _handlers];
        }
        // Outside the lock: a handler may load or save again.
        foreach (var handler in targets)
        {
            try
            {
                handler(snapshot);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(ex);
            }
        }
    }

    private void Remove(Action<PresetsSnapshot> handler)
    {
        lock (_sync)
        {
            _handlers.Remove(handler);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A presets change handler failed")]
    private partial void LogHandlerFailed(Exception exception);

    private sealed class Subscription(PresetsSubscribers owner, Action<PresetsSnapshot> handler) : IDisposable
    {
        public void Dispose() => owner.Remove(handler);
    }
}

using System.Collections.Concurrent;
using System.Threading.Channels;
using MonitorDashboard.Email.Templates;

namespace MonitorDashboard.Monitoring.Notices;

/// <summary>A notice waiting to be sent. <paramref name="Key"/> identifies the problem: one notice per key is pending at a time.</summary>
/// <param name="OnDelivered">Runs after the admins got it (e.g. marks the failure streak as told).</param>
public sealed record QueuedNotice(string Key, NoticeModel Notice, string? ListId, Func<CancellationToken, Task>? OnDelivered = null);

/// <summary>
/// Admin notices wait here for <see cref="AdminNoticeSender"/>, so a slow or hanging mail server never holds a check or
/// a scheduler decision. Bounded: a notice about a problem already waiting is not queued twice, and when the queue is
/// full new notices are dropped with an error in the log (the admins are then already flooded with the same news).
/// </summary>
public sealed partial class AdminNoticeQueue(ILogger<AdminNoticeQueue> logger)
{
    public const int Capacity = 256;

    private readonly Channel<QueuedNotice> _channel = Channel.CreateBounded<QueuedNotice>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false });
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _withdrawn = new(StringComparer.Ordinal);
    private readonly Lock _idleGate = new();
    private TaskCompletionSource _idle = Completed();

    public ChannelReader<QueuedNotice> Reader => _channel.Reader;

    /// <summary>Notices queued or being sent.</summary>
    public int Pending => _pending.Count;

    /// <summary>Queues the notice unless one with the same key is already waiting; never waits.</summary>
    public bool Enqueue(QueuedNotice notice)
    {
        if (!_pending.TryAdd(notice.Key, 0))
        {
            // Already waiting; if it had been withdrawn, it is true again and goes out after all.
            return _withdrawn.TryRemove(notice.Key, out _);
        }
        _withdrawn.TryRemove(notice.Key, out _);
        lock (_idleGate)
        {
            if (_idle.Task.IsCompleted)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
        if (_channel.Writer.TryWrite(notice))
        {
            return true;
        }
        LogFull(notice.Notice.GetType().Name, notice.ListId, Capacity);
        Done(notice.Key);
        return false;
    }

    /// <summary>A waiting notice that is no longer true (the list recovered before it went out) is not sent.</summary>
    public void Withdraw(string key)
    {
        if (_pending.ContainsKey(key))
        {
            _withdrawn[key] = 0;
        }
    }

    internal bool IsWithdrawn(string key) => _withdrawn.TryRemove(key, out _);

    /// <summary>Called by the sender when a notice was sent, failed or was withdrawn.</summary>
    internal void Done(string key)
    {
        _pending.TryRemove(key, out _);
        if (_pending.IsEmpty)
        {
            lock (_idleGate)
            {
                if (_pending.IsEmpty)
                {
                    _idle.TrySetResult();
                }
            }
        }
    }

    /// <summary>Completes once every queued notice was sent or given up on.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_idleGate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Admin notice {Notice} for list {ListId} dropped: {Capacity} notices are already waiting")]
    private partial void LogFull(string notice, string? listId, int capacity);
}

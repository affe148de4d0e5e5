using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace MonitorDashboard.Monitoring.Checks;

/// <summary>
/// Where checks run their code: a few threads of their own that the operating system schedules after the dashboard's.
/// At 07:00 a thousand checks want every core for half a minute; on the thread pool they competed as equals with the
/// page a user opens meanwhile, whose search then answered in 2–4 s on a 2-core machine. On these threads (nice +10 on
/// Linux, where a thread's niceness is its own) the checks take whatever the dashboard leaves and lose nothing when it
/// is idle. A check's awaits come back here (this is their <see cref="SynchronizationContext"/>); what libraries run
/// on the thread pool stays there.
/// </summary>
public sealed partial class CheckThreads : SynchronizationContext, IDisposable
{
    /// <summary>How much lower than the dashboard the checks run: Linux niceness added, up to <see cref="MaxNiceness"/>.</summary>
    public const int Niceness = 10;

    public const int MaxNiceness = 19;

    private const int PrioProcess = 0;

    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _work = new();
    private readonly ILogger<CheckThreads> _logger;
    private int _running;

    public CheckThreads(ILogger<CheckThreads> logger)
    {
        _logger = logger;
        // More threads than cores (2 per core, 4–32): a check blocked in a synchronous wait (SQLite waiting for a lock) leaves the others theirs.
        for (var i = 0; i < Math.Clamp(Environment.ProcessorCount * 2, 4, 32); i++)
        {
            new Thread(Work) { IsBackground = true, Name = $"check-{i}" }.Start();
        }
    }

    /// <summary>
    /// Runs <paramref name="check"/> on these threads, its continuations too, and completes as it does. The check keeps
    /// its caller's execution context: the log properties pushed for it (correlation id, list id) and the like.
    /// </summary>
    public Task<T> RunAsync<T>(Func<Task<T>> check)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var caller = ExecutionContext.Capture();
        Post(_ =>
        {
            if (caller is null)
            {
                _ = CompleteAsync(check, done);
            }
            else
            {
                ExecutionContext.Run(caller, _ => _ = CompleteAsync(check, done), null);
            }
        }, null);
        return done.Task;
    }

    /// <summary>Checks begun on these threads and not finished yet.</summary>
    public int Running => Volatile.Read(ref _running);

    private async Task CompleteAsync<T>(Func<Task<T>> check, TaskCompletionSource<T> done)
    {
        Interlocked.Increment(ref _running);
        try
        {
            var result = await check();
            Interlocked.Decrement(ref _running);
            done.TrySetResult(result);
        }
        catch (OperationCanceledException ex)
        {
            Interlocked.Decrement(ref _running);
            done.TrySetCanceled(ex.CancellationToken);
        }
        catch (Exception ex)
        {
            Interlocked.Decrement(ref _running);
            done.TrySetException(ex);
        }
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        try
        {
            _work.Add((d, state));
        }
        catch (InvalidOperationException)
        {
            ThreadPool.QueueUserWorkItem(_ => d(state)); // disposed: the app is stopping, what is left finishes on the pool
        }
    }

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    private void Work()
    {
        LowerPriority();
        SetSynchronizationContext(this);
        foreach (var (callback, state) in _work.GetConsumingEnumerable())
        {
            try
            {
                callback(state);
            }
            catch (Exception ex)
            {
                // Callbacks are continuations that handle their own failures; one that does not must not end the thread.
                LogEscaped(ex);
            }
        }
    }

    private void LowerPriority()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        try
        {
            // PRIO_PROCESS with a thread id is that one thread on Linux. Relative to the thread that started the app, so
            // an app started with nice runs its checks lower still (an unprivileged process cannot go back up).
            var thread = GetTid();
            Marshal.SetLastPInvokeError(0);
            var current = GetPriority(PrioProcess, thread);
            if (current == -1 && Marshal.GetLastPInvokeError() != 0)
            {
                LogNotLowered(Marshal.GetLastPInvokeError());
                return;
            }
            if (SetPriority(PrioProcess, thread, Math.Min(MaxNiceness, current + Niceness)) != 0)
            {
                LogNotLowered(Marshal.GetLastPInvokeError());
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            LogNotLowered(-1);
        }
    }

    public void Dispose() => _work.CompleteAdding();

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static extern int GetPriority(int which, int who);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetTid();

    [LoggerMessage(Level = LogLevel.Error, Message = "A check's callback escaped to its thread")]
    private partial void LogEscaped(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not lower a check thread's priority (error {Errno}); checks compete with the dashboard as equals")]
    private partial void LogNotLowered(int errno);
}

using MonitorDashboard.Monitoring.State;

namespace MonitorDashboard.Monitoring.Scheduling;

/// <summary>
/// Keeps a burst's memory small, and gives it back afterwards. A thousand checks at 07:00 allocate about 1 MB each; the
/// runtime's background collections leave what the checks in flight promoted to gen2 there, and keep what they freed
/// committed, so during a burst the GC heap was committed at twice its live size and more (150 MB for 60–90 MB alive),
/// and stayed so afterwards. One compacting collection that decommits what it frees, off the checks' path:
/// <list type="bullet">
/// <item>during a burst, after every <see cref="CompactEvery"/> finished runs (a pause of a few tens of milliseconds
/// every few seconds, instead of a heap that keeps growing: 15–25 MB less at the peak of a burst of 1,000);</item>
/// <item>once at least <see cref="MinimumRuns"/> runs finished and none started or finished for <see cref="Quiet"/>:
/// without it the dashboard would sit at its 07:00 size all day.</item>
/// </list>
/// </summary>
public sealed partial class BurstMemory : BackgroundService
{
    public const int MinimumRuns = 100;

    /// <summary>Runs finished in a burst between two compacting collections (≈ 250 MB allocated).</summary>
    public const int CompactEvery = 250;

    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(5);

    /// <summary>How often the service looks at the counts: often enough that a burst's heap grows by little between two looks.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly Action _collect;
    private readonly ILogger<BurstMemory> _logger;
    private readonly IDisposable _subscription;
    private int _finished;
    private int _sinceCompaction;
    private long _lastActivity;

    public BurstMemory(MonitorState state, TimeProvider time, ILogger<BurstMemory> logger)
        : this(state, time, logger, static () => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true))
    {
    }

    /// <param name="collect">The collection (tests count it instead of collecting).</param>
    internal BurstMemory(MonitorState state, TimeProvider time, ILogger<BurstMemory> logger, Action collect)
    {
        _time = time;
        _collect = collect;
        _logger = logger;
        _lastActivity = time.GetTimestamp();
        _subscription = state.Subscribe(OnEvent);
    }

    private void OnEvent(MonitorEvent change)
    {
        if (change is RunStarted or RunFinished)
        {
            Interlocked.Exchange(ref _lastActivity, _time.GetTimestamp());
        }
        if (change is RunFinished)
        {
            Interlocked.Increment(ref _finished);
            Interlocked.Increment(ref _sinceCompaction);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!ReturnIfBurstOver())
                {
                    CompactIfBurstGrew();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Compacts once <see cref="CompactEvery"/> runs finished since the last collection.</summary>
    internal bool CompactIfBurstGrew()
    {
        if (Volatile.Read(ref _sinceCompaction) < CompactEvery)
        {
            return false;
        }
        Interlocked.Exchange(ref _sinceCompaction, 0);
        var started = _time.GetTimestamp();
        _collect();
        LogCompacted(CompactEvery, _time.GetElapsedTime(started), GC.GetGCMemoryInfo().HeapSizeBytes / (1024 * 1024));
        return true;
    }

    /// <summary>Collects once when a burst of at least <see cref="MinimumRuns"/> runs has been quiet for <see cref="Quiet"/>.</summary>
    internal bool ReturnIfBurstOver()
    {
        if (Volatile.Read(ref _finished) < MinimumRuns || _time.GetElapsedTime(Interlocked.Read(ref _lastActivity)) < Quiet)
        {
            return false;
        }
        var runs = Interlocked.Exchange(ref _finished, 0);
        Interlocked.Exchange(ref _sinceCompaction, 0);
        var before = Environment.WorkingSet;
        _collect();
        LogReturned(runs, before / (1024 * 1024), Environment.WorkingSet / (1024 * 1024));
        return true;
    }

    public override void Dispose()
    {
        _subscription.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Runs} more runs of a burst finished: heap compacted in {Elapsed}, {HeapMb} MB alive")]
    private partial void LogCompacted(int runs, TimeSpan elapsed, long heapMb);

    [LoggerMessage(Level = LogLevel.Information, Message = "A burst of {Runs} runs is over; memory returned: working set {BeforeMb} MB before, {AfterMb} MB after")]
    private partial void LogReturned(int runs, long beforeMb, long afterMb);
}

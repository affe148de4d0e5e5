using MonitorDashboard.Monitoring.State;

namespace MonitorDashboard.Monitoring.Scheduling;

/// <summary>
/// Gives a burst's memory back. A thousand checks at 07:00 grow the GC heap by a few hundred MB that the runtime keeps
/// committed afterwards, although almost nothing of it is still alive: without this the dashboard would sit at its
/// 07:00 size all day. Once at least <see cref="MinimumRuns"/> runs finished and none started or finished for
/// <see cref="Quiet"/>, one compacting collection that decommits what it frees returns it (a pause of a few tens of
/// milliseconds, once per burst, when nothing is running).
/// </summary>
public sealed partial class BurstMemory : BackgroundService
{
    public const int MinimumRuns = 100;

    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time;
    private readonly Action _collect;
    private readonly ILogger<BurstMemory> _logger;
    private readonly IDisposable _subscription;
    private int _finished;
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
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Quiet, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                ReturnIfBurstOver();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Collects once when a burst of at least <see cref="MinimumRuns"/> runs has been quiet for <see cref="Quiet"/>.</summary>
    internal bool ReturnIfBurstOver()
    {
        if (Volatile.Read(ref _finished) < MinimumRuns || _time.GetElapsedTime(Interlocked.Read(ref _lastActivity)) < Quiet)
        {
            return false;
        }
        var runs = Interlocked.Exchange(ref _finished, 0);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "A burst of {Runs} runs is over; memory returned: working set {BeforeMb} MB before, {AfterMb} MB after")]
    private partial void LogReturned(int runs, long beforeMb, long afterMb);
}

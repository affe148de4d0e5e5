namespace MonitorDashboard.Demo.Emulator;

/// <summary>
/// Faults injected into the emulator's <c>/api/</c> responses, settable by tests at any time (thread-safe).
/// Order per request: latency, pause, hang, dropped connection, scripted failures (<see cref="FailNext"/>), random
/// failures (<see cref="FailureRate"/>), then <see cref="Unauthorized"/> on authenticated endpoints.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly Lock gate = new();
    private readonly Queue<int> scripted = new();
    private Random random = new();
    private TimeSpan latency;
    private double failureRate;
    private int failureStatus = 503;
    private volatile bool hang;
    private volatile bool dropConnections;
    private volatile bool unauthorized;
    private TaskCompletionSource? paused;

    /// <summary>Delay added before every <c>/api/</c> request is answered (emulates a slow server).</summary>
    public TimeSpan Latency
    {
        get { lock (gate) { return latency; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (gate) { latency = value; }
        }
    }

    /// <summary>Probability (0..1) that a request is answered with <see cref="FailureStatus"/>.</summary>
    public double FailureRate
    {
        get { lock (gate) { return failureRate; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 0);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1);
            lock (gate) { failureRate = value; }
        }
    }

    public int FailureStatus
    {
        get { lock (gate) { return failureStatus; } }
        set
        {
            ValidateStatus(value);
            lock (gate) { failureStatus = value; }
        }
    }

    /// <summary>Requests are never answered until the client gives up (or the emulator stops).</summary>
    public bool Hang { get => hang; set => hang = value; }

    /// <summary>
    /// Requests wait until this is switched off, then are answered normally: a server that stalls and recovers, so a
    /// test can hold checks in flight for as long as it needs and then let them finish.
    /// </summary>
    public bool Paused
    {
        get { lock (gate) { return paused is not null; } }
        set
        {
            TaskCompletionSource? released = null;
            lock (gate)
            {
                if (value)
                {
                    paused ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
                else
                {
                    (released, paused) = (paused, null);
                }
            }
            released?.TrySetResult();
        }
    }

    /// <summary>Connections are aborted without a response.</summary>
    public bool DropConnections { get => dropConnections; set => dropConnections = value; }

    /// <summary>Every authenticated endpoint answers 401 as for a bad token.</summary>
    public bool Unauthorized { get => unauthorized; set => unauthorized = value; }

    /// <summary>The next requests get these statuses, one each, in order; then behaviour is normal again.</summary>
    public void FailNext(params int[] statusCodes)
    {
        foreach (var status in statusCodes)
        {
            ValidateStatus(status);
        }
        lock (gate)
        {
            foreach (var status in statusCodes)
            {
                scripted.Enqueue(status);
            }
        }
    }

    /// <summary>Makes <see cref="FailureRate"/> reproducible.</summary>
    public void Seed(int seed)
    {
        lock (gate) { random = new Random(seed); }
    }

    /// <summary>Clears every fault.</summary>
    public void Reset()
    {
        lock (gate)
        {
            scripted.Clear();
            latency = TimeSpan.Zero;
            failureRate = 0;
            failureStatus = 503;
        }
        Paused = false;
        hang = false;
        dropConnections = false;
        unauthorized = false;
    }

    /// <summary>Completes when <see cref="Paused"/> is off (at once when it is).</summary>
    internal Task WhilePaused()
    {
        lock (gate)
        {
            return paused?.Task ?? Task.CompletedTask;
        }
    }

    /// <summary>The status this request must fail with, if any (consumes one scripted failure).</summary>
    internal int? NextFailure()
    {
        lock (gate)
        {
            if (scripted.TryDequeue(out var status))
            {
                return status;
            }
            return failureRate > 0 && random.NextDouble() < failureRate ? failureStatus : null;
        }
    }

    private static void ValidateStatus(int status)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
    }
}

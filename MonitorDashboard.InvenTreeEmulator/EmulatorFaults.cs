namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>
/// Faults injected into the emulator's <c>/api/</c> responses, settable and resettable by tests at any time
/// (thread-safe). Every fault applies only to requests that match <see cref="PathFilter"/>, and only to as many as
/// <see cref="FaultedRequestsLeft"/> allows. Order per request: latency,
/// pause, hang, dropped connection, scripted failures (<see cref="FailNext"/>), random failures
/// (<see cref="FailureRate"/>), a huge body (<see cref="HugeBodyBytes"/>); otherwise the real answer, with
/// <see cref="IgnoreOffset"/> and <see cref="Unauthorized"/> applied, and then broken by the first of
/// <see cref="MalformedJson"/>, <see cref="StallMidBody"/> and <see cref="DropMidBody"/> that is on.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly Lock _gate = new();
    private readonly Queue<int> _scripted = new();
    private Random _random = new();
    private TimeSpan _latency;
    private double _failureRate;
    private int _failureStatus = 503;
    private volatile bool _hang;
    private volatile bool _dropConnections;
    private volatile bool _unauthorized;
    private volatile bool _stallMidBody;
    private volatile bool _dropMidBody;
    private volatile bool _malformedJson;
    private volatile bool _ignoreOffset;
    private volatile bool _hugeBodyWithoutContentLength;
    private long? _hugeBodyBytes;
    private string? _pathFilter;
    private string? _methodFilter;
    private int? _faultedRequestsLeft;
    private TaskCompletionSource? _paused;

    /// <summary>The smallest <see cref="HugeBodyBytes"/>: the JSON page that the padding goes into.</summary>
    public const long MinimumHugeBodyBytes = 64;

    /// <summary>
    /// Only requests whose path and query (as sent, e.g. <c>/api/bom/?part=113&amp;limit=250&amp;offset=0</c>) start
    /// with this are faulted, e.g. <c>"/api/bom/"</c> or <c>"/api/bom/?part=113"</c>; null faults every request.
    /// </summary>
    public string? PathFilter
    {
        get => Volatile.Read(ref _pathFilter);
        set
        {
            if (value is not null && !value.StartsWith('/'))
            {
                throw new ArgumentException($"PathFilter \"{value}\" must start with \"/\", e.g. \"/api/bom/\".", nameof(value));
            }
            Volatile.Write(ref _pathFilter, value);
        }
    }

    /// <summary>
    /// Only requests with this HTTP method (e.g. <c>"POST"</c>, to break a write but not the reads of the same path) are
    /// faulted; null faults every method.
    /// </summary>
    public string? MethodFilter
    {
        get => Volatile.Read(ref _methodFilter);
        set => Volatile.Write(ref _methodFilter, value);
    }

    /// <summary>
    /// How many more requests (of those matching <see cref="PathFilter"/>) are faulted; after that every request is
    /// answered normally, as by a server that breaks and recovers. Counts down as requests arrive; null: no limit.
    /// E.g. 1 with <see cref="DropMidBody"/> breaks the first attempt only, so its retry succeeds.
    /// </summary>
    public int? FaultedRequestsLeft
    {
        get { lock (_gate) { return _faultedRequestsLeft; } }
        set
        {
            if (value is { } left)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(left);
            }
            lock (_gate) { _faultedRequestsLeft = value; }
        }
    }

    /// <summary>Delay added before every <c>/api/</c> request is answered (emulates a slow server).</summary>
    public TimeSpan Latency
    {
        get { lock (_gate) { return _latency; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_gate) { _latency = value; }
        }
    }

    /// <summary>Probability (0..1) that a request is answered with <see cref="FailureStatus"/>.</summary>
    public double FailureRate
    {
        get { lock (_gate) { return _failureRate; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 0);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1);
            lock (_gate) { _failureRate = value; }
        }
    }

    public int FailureStatus
    {
        get { lock (_gate) { return _failureStatus; } }
        set
        {
            ValidateStatus(value);
            lock (_gate) { _failureStatus = value; }
        }
    }

    /// <summary>Requests are never answered until the client gives up (or the emulator stops).</summary>
    public bool Hang { get => _hang; set => _hang = value; }

    /// <summary>
    /// Requests wait until this is switched off, then are answered normally: a server that stalls and recovers, so a
    /// test can hold checks in flight for as long as it needs and then let them finish.
    /// </summary>
    public bool Paused
    {
        get { lock (_gate) { return _paused is not null; } }
        set
        {
            TaskCompletionSource? released = null;
            lock (_gate)
            {
                if (value)
                {
                    _paused ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
                else
                {
                    (released, _paused) = (_paused, null);
                }
            }
            released?.TrySetResult();
        }
    }

    /// <summary>Connections are aborted without a response.</summary>
    public bool DropConnections { get => _dropConnections; set => _dropConnections = value; }

    /// <summary>Every authenticated endpoint answers 401 as for a bad token.</summary>
    public bool Unauthorized { get => _unauthorized; set => _unauthorized = value; }

    /// <summary>
    /// The status, the headers (Content-Length of the whole body) and the first half of the real body are sent and
    /// flushed, then nothing more until the client gives up or the emulator stops: a proxy that stalls mid-response.
    /// </summary>
    public bool StallMidBody { get => _stallMidBody; set => _stallMidBody = value; }

    /// <summary>
    /// The status, the headers (Content-Length of the whole body) and the first half of the real body are sent, then
    /// the connection is closed: a connection dropped mid-response.
    /// </summary>
    public bool DropMidBody { get => _dropMidBody; set => _dropMidBody = value; }

    /// <summary>200 with the first half of the real body: truncated, invalid JSON (with a matching Content-Length).</summary>
    public bool MalformedJson { get => _malformedJson; set => _malformedJson = value; }

    /// <summary>
    /// 200 with a valid JSON body (an empty page padded with whitespace) of exactly this many bytes, streamed without
    /// ever being held in memory; null for none. Sent with a Content-Length unless <see cref="HugeBodyWithoutContentLength"/>.
    /// </summary>
    public long? HugeBodyBytes
    {
        get { lock (_gate) { return _hugeBodyBytes; } }
        set
        {
            if (value is { } bytes)
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(bytes, MinimumHugeBodyBytes);
            }
            lock (_gate) { _hugeBodyBytes = value; }
        }
    }

    /// <summary>The huge body is sent chunked, so its size is only known by counting.</summary>
    public bool HugeBodyWithoutContentLength { get => _hugeBodyWithoutContentLength; set => _hugeBodyWithoutContentLength = value; }

    /// <summary>
    /// List endpoints answer as if <c>offset</c> were 0 (the same first page every time, <c>count</c> unchanged), as
    /// a proxy that drops the parameter would make them.
    /// </summary>
    public bool IgnoreOffset { get => _ignoreOffset; set => _ignoreOffset = value; }

    /// <summary>The next requests get these statuses, one each, in order; then behaviour is normal again.</summary>
    public void FailNext(params int[] statusCodes)
    {
        foreach (var status in statusCodes)
        {
            ValidateStatus(status);
        }
        lock (_gate)
        {
            foreach (var status in statusCodes)
            {
                _scripted.Enqueue(status);
            }
        }
    }

    /// <summary>Makes <see cref="FailureRate"/> reproducible.</summary>
    public void Seed(int seed)
    {
        lock (_gate) { _random = new Random(seed); }
    }

    /// <summary>Clears every fault.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _scripted.Clear();
            _latency = TimeSpan.Zero;
            _failureRate = 0;
            _failureStatus = 503;
            _hugeBodyBytes = null;
            _faultedRequestsLeft = null;
        }
        Paused = false;
        _hang = false;
        _dropConnections = false;
        _unauthorized = false;
        _stallMidBody = false;
        _dropMidBody = false;
        _malformedJson = false;
        _ignoreOffset = false;
        _hugeBodyWithoutContentLength = false;
        PathFilter = null;
        MethodFilter = null;
    }

    /// <summary>
    /// Whether the faults apply to a request with this method, path and query (see <see cref="PathFilter"/> and
    /// <see cref="MethodFilter"/>); a request they
    /// apply to uses up one of <see cref="FaultedRequestsLeft"/>.
    /// </summary>
    internal bool TakeRequest(string method, string pathAndQuery)
    {
        if (PathFilter is { } filter && !pathAndQuery.StartsWith(filter, StringComparison.Ordinal))
        {
            return false;
        }
        if (MethodFilter is { } only && !string.Equals(method, only, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        lock (_gate)
        {
            if (_faultedRequestsLeft is not { } left)
            {
                return true;
            }
            if (left == 0)
            {
                return false;
            }
            _faultedRequestsLeft = left - 1;
            return true;
        }
    }

    /// <summary>Completes when <see cref="Paused"/> is off (at once when it is).</summary>
    internal Task WhilePaused()
    {
        lock (_gate)
        {
            return _paused?.Task ?? Task.CompletedTask;
        }
    }

    /// <summary>The status this request must fail with, if any (consumes one scripted failure).</summary>
    internal int? NextFailure()
    {
        lock (_gate)
        {
            if (_scripted.TryDequeue(out var status))
            {
                return status;
            }
            return _failureRate > 0 && _random.NextDouble() < _failureRate ? _failureStatus : null;
        }
    }

    private static void ValidateStatus(int status)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
    }
}

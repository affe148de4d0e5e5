namespace MonitorDashboard.Security;

/// <summary>
/// Counts failed sign-ins per client address and per user name over a sliding minute. After
/// <see cref="MaxFailures"/> failures the key is refused until the oldest failure leaves the window — even with the
/// right password, or guessing could go on. Successful sign-ins are not counted.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // Bounds memory under a flood of distinct addresses or names; old keys are dropped first.
    private const int MaxTrackedKeys = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.OrdinalIgnoreCase);

    public static string ForAddress(string? address) => "ip:" + (address ?? "unknown");

    public static string ForUser(string userName) => "user:" + userName.Trim();

    /// <summary>How long until <paramref name="keys"/> may try again; null when none of them is locked.</summary>
    public TimeSpan? RetryAfter(params IEnumerable<string> keys)
    {
        var now = time.GetUtcNow();
        TimeSpan? wait = null;
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (_failures.TryGetValue(key, out var failures) && Prune(failures, now) >= MaxFailures)
                {
                    var until = failures.Peek() + Window - now;
                    wait = wait is { } known && known > until ? known : until;
                }
            }
        }
        return wait;
    }

    public void RecordFailure(params IEnumerable<string> keys)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (!_failures.TryGetValue(key, out var failures))
                {
                    if (_failures.Count >= MaxTrackedKeys)
                    {
                        Sweep(now);
                    }
                    _failures[key] = failures = new Queue<DateTimeOffset>();
                }
                Prune(failures, now);
                failures.Enqueue(now);
            }
        }
    }

    private static int Prune(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() <= now - Window)
        {
            failures.Dequeue();
        }
        return failures.Count;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures.ToList())
        {
            if (Prune(failures, now) == 0)
            {
                _failures.Remove(key);
            }
        }
        if (_failures.Count >= MaxTrackedKeys)
        {
            foreach (var key in _failures.OrderBy(f => f.Value.Last()).Take(_failures.Count / 2).Select(f => f.Key).ToList())
            {
                _failures.Remove(key);
            }
        }
    }
}

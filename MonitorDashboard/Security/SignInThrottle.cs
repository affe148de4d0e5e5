using System.Net;

namespace MonitorDashboard.Security;

/// <summary>
/// Slows down password guessing without letting anyone lock a user out from elsewhere. Failures are counted per
/// (client address, user name): the first <see cref="FreeFailuresPerUser"/> cost nothing, then each further attempt
/// waits <see cref="FirstDelay"/>, doubling up to <see cref="MaxDelay"/>, even with the right password. A success clears
/// the pair; a pair or address without a failure for <see cref="ForgetAfter"/> is forgotten. An address also has a
/// budget over all names (<see cref="FreeFailuresPerAddress"/>, then the same doubling), against one client trying a
/// password on many accounts; it slows that address only. Without accounts (token mode) the address alone is the key.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int FreeFailuresPerUser = 3;
    public const int FreeFailuresPerAddress = 20;
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    /// <summary>Bounds memory under a flood of addresses or names; see <see cref="Shrink"/> for what goes first.</summary>
    internal const int MaxTrackedKeys = 10_000;

    // A user name longer than any sensible one is cut, so a flood of huge names costs no more memory than short ones.
    private const int MaxUserNameLength = 128;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Failures> _failures = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How long this client must wait before trying <paramref name="userName"/> (null in token mode); null when it may
    /// try now.
    /// </summary>
    public TimeSpan? RetryAfter(IPAddress? address, string? userName)
    {
        var now = time.GetUtcNow();
        TimeSpan? wait = null;
        lock (_gate)
        {
            foreach (var (key, _) in Keys(address, userName))
            {
                if (Current(key, now)?.Wait(now) is { } until && until > TimeSpan.Zero)
                {
                    wait = wait is { } known && known > until ? known : until;
                }
            }
        }
        return wait;
    }

    public void RecordFailure(IPAddress? address, string? userName)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            foreach (var (key, free) in Keys(address, userName))
            {
                if (Current(key, now) is not { } failures)
                {
                    if (_failures.Count >= MaxTrackedKeys)
                    {
                        Shrink(now);
                    }
                    _failures[key] = failures = new Failures(free);
                }
                failures.Add(now);
            }
        }
    }

    /// <summary>The right credentials: this client's count for this user starts again (its address budget does not).</summary>
    public void RecordSuccess(IPAddress? address, string? userName)
    {
        lock (_gate)
        {
            _failures.Remove(Keys(address, userName).First().Key);
        }
    }

    /// <summary>The pair (or, in token mode, the address) first, then the address budget.</summary>
    private static IEnumerable<(string Key, int Free)> Keys(IPAddress? address, string? userName)
    {
        var client = Client(address);
        if (userName is null)
        {
            yield return ("token " + client, FreeFailuresPerUser);
            yield break;
        }
        var name = userName.Trim();
        // The address has no spaces and comes first, so no two pairs share a key.
        yield return ($"user {client} {(name.Length > MaxUserNameLength ? name[..MaxUserNameLength] : name)}", FreeFailuresPerUser);
        yield return ("address " + client, FreeFailuresPerAddress);
    }

    /// <summary>IPv4 as is (also when mapped into IPv6); IPv6 by its /64, the block one host normally has to itself.</summary>
    internal static string Client(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private Failures? Current(string key, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var failures))
        {
            return null;
        }
        if (failures.IsForgotten(now))
        {
            _failures.Remove(key);
            return null;
        }
        return failures;
    }

    /// <summary>
    /// Drops forgotten keys; if that is not enough, keeps the half that matters most: keys that impose a wait (or
    /// are on their way to it) outlive keys still within their free failures, and recent ones outlive old ones.
    /// </summary>
    private void Shrink(DateTimeOffset now)
    {
        foreach (var (key, _) in _failures.Where(f => f.Value.IsForgotten(now)).ToList())
        {
            _failures.Remove(key);
        }
        if (_failures.Count < MaxTrackedKeys)
        {
            return;
        }
        var drop = _failures
            .OrderBy(f => f.Value.IsFree ? 0 : 1)
            .ThenBy(f => f.Value.LastFailure)
            .Take(_failures.Count - MaxTrackedKeys / 2)
            .Select(f => f.Key)
            .ToList();
        foreach (var key in drop)
        {
            _failures.Remove(key);
        }
    }

    private sealed class Failures(int free)
    {
        public int Count { get; private set; }

        public DateTimeOffset LastFailure { get; private set; }

        /// <summary>Within the free failures: the next one costs no wait yet.</summary>
        public bool IsFree => Count < free;

        /// <summary>After the free failures: 1 s after the last one, then 2 s after the next, 4 s ... up to the cap.</summary>
        public TimeSpan Wait(DateTimeOffset now) => IsFree ? TimeSpan.Zero : LastFailure + Delay(Count - free) - now;

        public bool IsForgotten(DateTimeOffset now) => now - LastFailure >= ForgetAfter;

        public void Add(DateTimeOffset now)
        {
            Count++;
            LastFailure = now;
        }

        private static TimeSpan Delay(int doublings)
        {
            // 2^20 s is far past the cap already; the shift never overflows.
            var delay = TimeSpan.FromTicks(FirstDelay.Ticks << Math.Min(doublings, 20));
            return delay < MaxDelay ? delay : MaxDelay;
        }
    }
}

namespace MonitorDashboard.Security;

/// <summary>
/// The sessions this process has seen, by the id each sign-in gets (<see cref="SessionPrincipals.SessionClaim"/>): when
/// each one expires and which were signed out. A cookie or a live dashboard of a session that was signed out is refused
/// even though the cookie itself would still be valid; <see cref="Ended"/> tells live dashboards at once.
/// Kept in memory: after a restart every live dashboard reconnects and its cookie is checked again.
/// </summary>
public sealed class SessionRegistry(TimeProvider time)
{
    // Bounds memory under a flood of sign-ins; expired sessions are dropped first.
    private const int MaxTrackedSessions = 50_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _sessions = new(StringComparer.Ordinal);

    /// <summary>Raised with the session id when a session is signed out.</summary>
    public event Action<string>? Ended;

    /// <summary>Records that the session's cookie was accepted and until when it is valid.</summary>
    public void Seen(string sessionId, DateTimeOffset expires)
    {
        lock (_gate)
        {
            if (_sessions.TryGetValue(sessionId, out var entry))
            {
                _sessions[sessionId] = entry with { Expires = entry.Expires > expires ? entry.Expires : expires };
                return;
            }
            if (_sessions.Count >= MaxTrackedSessions)
            {
                Sweep();
            }
            _sessions[sessionId] = new Entry(expires, SignedOut: false);
        }
    }

    /// <summary>Signs the session out everywhere: its cookie is refused from now on and live dashboards lose access.</summary>
    public void SignOut(string sessionId, DateTimeOffset cookieExpires)
    {
        lock (_gate)
        {
            var expires = _sessions.TryGetValue(sessionId, out var entry) && entry.Expires > cookieExpires ? entry.Expires : cookieExpires;
            _sessions[sessionId] = new Entry(expires, SignedOut: true);
        }
        Ended?.Invoke(sessionId);
    }

    public SessionStanding StandingOf(string? sessionId)
    {
        if (string.IsNullOrEmpty(sessionId))
        {
            return SessionStanding.Unknown;
        }
        lock (_gate)
        {
            return !_sessions.TryGetValue(sessionId, out var entry) ? SessionStanding.Unknown
                : entry.SignedOut ? SessionStanding.SignedOut
                : entry.Expires <= time.GetUtcNow() ? SessionStanding.Expired
                : SessionStanding.Active;
        }
    }

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (id, entry) in _sessions.Where(s => s.Value.Expires <= now).ToList())
        {
            _sessions.Remove(id);
        }
        if (_sessions.Count >= MaxTrackedSessions)
        {
            // Still full of live sessions: forget the ones closest to expiry (they sign in again; signed-out ones stay refused
            // by their cookie's own expiry soon after).
            foreach (var id in _sessions.OrderBy(s => s.Value.Expires).Take(_sessions.Count / 4).Select(s => s.Key).ToList())
            {
                _sessions.Remove(id);
            }
        }
    }

    private sealed record Entry(DateTimeOffset Expires, bool SignedOut);
}

public enum SessionStanding
{
    /// <summary>Never seen by this process (or forgotten): not trusted by a live dashboard.</summary>
    Unknown,
    Active,
    Expired,
    SignedOut,
}

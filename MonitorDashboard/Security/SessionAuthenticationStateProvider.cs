using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Security;

/// <summary>
/// The signed-in user of one circuit, kept honest while the dashboard stays open: every
/// <see cref="AuthOptions.RevalidationInterval"/> the session is checked with the same rule as every cookie
/// (<see cref="SessionPrincipals.Check"/>), and a sign-out of this session anywhere ends it at once. When the check fails
/// the circuit's user becomes anonymous — every page and action loses access — and carries the reason for the page to say.
/// </summary>
public sealed partial class SessionAuthenticationStateProvider : ServerAuthenticationStateProvider, IDisposable
{
    /// <summary>On the anonymous user a lost session leaves behind: why access ended (<see cref="SessionCheck"/>).</summary>
    public const string EndedClaim = "md:ended";

    private readonly SessionPrincipals _principals;
    private readonly SessionRegistry _sessions;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger<SessionAuthenticationStateProvider> _logger;
    private readonly Lock _gate = new();
    private CancellationTokenSource? _watching;
    private string? _sessionId;

    public SessionAuthenticationStateProvider(
        SessionPrincipals principals,
        SessionRegistry sessions,
        IOptions<AuthOptions> options,
        TimeProvider time,
        ILogger<SessionAuthenticationStateProvider> logger)
    {
        _principals = principals;
        _sessions = sessions;
        _interval = options.Value.RevalidationInterval;
        _time = time;
        _logger = logger;
        AuthenticationStateChanged += OnChanged;
        _sessions.Ended += OnSessionEnded;
    }

    /// <summary>The user the check found no longer valid, as the page shows it.</summary>
    public static ClaimsPrincipal Ended(SessionCheck why) =>
        new(new ClaimsIdentity([new Claim(EndedClaim, why.ToString())]));

    public static SessionCheck? EndedReason(ClaimsPrincipal user) =>
        Enum.TryParse<SessionCheck>(user.FindFirstValue(EndedClaim), out var why) ? why : null;

    /// <summary>Checks the session now (the periodic check calls it; tests may too).</summary>
    public async Task<bool> RevalidateAsync()
    {
        var user = (await GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }
        var check = _principals.Check(user, live: true);
        if (check == SessionCheck.Valid)
        {
            return true;
        }
        LogSessionEnded(user.Identity.Name, check);
        SetAuthenticationState(Task.FromResult(new AuthenticationState(Ended(check))));
        return false;
    }

    private void OnChanged(Task<AuthenticationState> state) => _ = WatchAsync(state);

    private async Task WatchAsync(Task<AuthenticationState> state)
    {
        CancellationTokenSource watching;
        lock (_gate)
        {
            _watching?.Cancel();
            _watching?.Dispose();
            _watching = watching = new CancellationTokenSource();
        }
        ClaimsPrincipal user;
        try
        {
            user = (await state).User;
        }
        catch (Exception ex)
        {
            LogStateFailed(ex);
            return;
        }
        _sessionId = user.FindFirstValue(SessionPrincipals.SessionClaim);
        if (user.Identity?.IsAuthenticated != true)
        {
            return;
        }
        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(watching.Token) && await RevalidateAsync())
            {
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            // A check that cannot be made must not leave the session trusted for ever: treat it as ended.
            LogStateFailed(ex);
            SetAuthenticationState(Task.FromResult(new AuthenticationState(Ended(SessionCheck.Expired))));
        }
    }

    private void OnSessionEnded(string sessionId)
    {
        if (sessionId == _sessionId)
        {
            _ = RevalidateAsync();
        }
    }

    public void Dispose()
    {
        AuthenticationStateChanged -= OnChanged;
        _sessions.Ended -= OnSessionEnded;
        lock (_gate)
        {
            _watching?.Cancel();
            _watching?.Dispose();
            _watching = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "An open dashboard of {UserName} lost access: {Reason}")]
    private partial void LogSessionEnded(string? userName, SessionCheck reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-checking an open dashboard's session failed; it loses access")]
    private partial void LogStateFailed(Exception exception);
}

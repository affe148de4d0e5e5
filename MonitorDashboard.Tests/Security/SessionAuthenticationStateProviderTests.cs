using MonitorDashboard.Security;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Security;

/// <summary>An open dashboard follows its account: re-checked every interval on the injected clock, and at once on sign-out.</summary>
public sealed class SessionAuthenticationStateProviderTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private readonly SessionRig _rig = new(Interval);

    private async Task<SessionCheck?> LostAccessAsync()
    {
        var user = await Poll.UntilAsync(_rig.CircuitUserAsync, u => u.Identity?.IsAuthenticated != true,
            because: u => $"the circuit still has access as {u.Identity?.Name}");
        return SessionAuthenticationStateProvider.EndedReason(user);
    }

    /// <summary>Moves the clock one interval at a time until the circuit reacted (the check runs on its own task).</summary>
    private async Task<SessionCheck?> AfterIntervalsAsync(int atMost = 2)
    {
        for (var i = 0; i < atMost; i++)
        {
            _rig.Time.Advance(Interval);
        }
        return await LostAccessAsync();
    }

    [Fact]
    public async Task A_role_change_ends_an_open_dashboard_within_one_interval_and_says_why()
    {
        _rig.OpenCircuit("ada");
        _rig.ChangeAccounts(("ada", SessionRig.SameHash, Roles.Viewer), ("vera", SessionRig.SameHash, Roles.Viewer));

        Assert.Equal(SessionCheck.AccountChanged, await AfterIntervalsAsync());
    }

    [Fact]
    public async Task A_removed_account_ends_an_open_dashboard()
    {
        _rig.OpenCircuit("vera");
        _rig.ChangeAccounts(("ada", SessionRig.SameHash, Roles.Admin));

        Assert.Equal(SessionCheck.AccountChanged, await AfterIntervalsAsync());
    }

    [Fact]
    public async Task Signing_out_ends_the_dashboards_of_that_session_at_once_without_waiting_for_the_interval()
    {
        var ada = _rig.OpenCircuit("ada");

        _rig.Sessions.SignOut(SessionRig.SessionId(ada), _rig.Time.GetUtcNow().AddHours(12));

        Assert.Equal(SessionCheck.SignedOut, await LostAccessAsync());
    }

    [Fact]
    public async Task Another_sessions_sign_out_leaves_this_dashboard_alone()
    {
        _rig.OpenCircuit("ada");
        var other = _rig.Principals.VerifyPassword("ada", SessionRig.Password)!;

        _rig.Sessions.SignOut(SessionRig.SessionId(other), _rig.Time.GetUtcNow().AddHours(12));
        Assert.True(await _rig.Circuit.RevalidateAsync());

        Assert.True((await _rig.CircuitUserAsync()).Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task A_session_past_its_expiry_loses_its_dashboard()
    {
        // The cookie's expiry as last seen (no request renewed it: a dashboard only talks over its WebSocket).
        _rig.OpenCircuit("ada", cookieLifetime: TimeSpan.FromMinutes(3));

        Assert.Equal(SessionCheck.Expired, await AfterIntervalsAsync(atMost: 4));
    }

    [Fact]
    public async Task A_valid_session_keeps_its_dashboard_through_many_checks()
    {
        _rig.OpenCircuit("vera");

        for (var i = 0; i < 5; i++)
        {
            _rig.Time.Advance(Interval);
            Assert.True(await _rig.Circuit.RevalidateAsync());
        }
        Assert.Equal("vera", (await _rig.CircuitUserAsync()).Identity?.Name);
    }

    public void Dispose() => _rig.Dispose();
}

using MonitorDashboard.Security;

namespace MonitorDashboard.Tests.Security;

/// <summary>
/// The one question every dashboard change asks when it runs: may the circuit's current user act, against the accounts
/// in force now. Default deny, with a reason the user can read.
/// </summary>
public sealed class CurrentUserTests : IDisposable
{
    private readonly SessionRig _rig = new();

    [Fact]
    public async Task An_admin_may_change_things()
    {
        _rig.OpenCircuit("ada");

        Assert.True(await _rig.User.IsAdminAsync());
        await _rig.User.RequireAdminAsync("delete a list");
    }

    [Fact]
    public async Task A_viewer_is_refused_with_who_and_why_and_is_told_nothing_changed()
    {
        _rig.OpenCircuit("vera");

        Assert.False(await _rig.User.IsAdminAsync());
        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => _rig.User.RequireAdminAsync("delete a list"));
        Assert.Equal("Not allowed to delete a list: only an admin can, and you are signed in as vera (viewer). Nothing was changed.", refused.Message);
    }

    [Fact]
    public async Task Nobody_signed_in_is_refused()
    {
        _rig.Circuit.SetAuthenticationState(Task.FromResult(new Microsoft.AspNetCore.Components.Authorization.AuthenticationState(new())));

        Assert.False(await _rig.User.IsAdminAsync());
        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => _rig.User.RequireAdminAsync("run a list now"));
        Assert.Contains("you are not signed in", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_demoted_in_the_configuration_is_refused_at_once_before_the_open_page_rechecks()
    {
        _rig.OpenCircuit("ada");

        _rig.ChangeAccounts(("ada", SessionRig.SameHash, Roles.Viewer), ("vera", SessionRig.SameHash, Roles.Viewer));

        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => _rig.User.RequireAdminAsync("pause a list"));
        Assert.Contains("your account was changed or removed", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_whose_account_was_removed_or_whose_password_changed_is_refused()
    {
        _rig.OpenCircuit("ada");
        _rig.ChangeAccounts(("vera", SessionRig.SameHash, Roles.Viewer));
        Assert.False(await _rig.User.IsAdminAsync());

        _rig.ChangeAccounts(("ada", PasswordHashing.Hash("another long password"), Roles.Admin));
        Assert.False(await _rig.User.IsAdminAsync());
    }

    [Fact]
    public async Task A_session_signed_out_in_another_tab_may_no_longer_act()
    {
        var ada = _rig.OpenCircuit("ada");

        _rig.Sessions.SignOut(SessionRig.SessionId(ada), _rig.Time.GetUtcNow().AddHours(12));

        Assert.False(await _rig.User.IsAdminAsync());
    }

    [Fact]
    public async Task A_start_up_token_session_is_an_admin_until_accounts_are_configured()
    {
        _rig.ChangeAccounts();
        var token = new StartupToken();
        var principals = new SessionPrincipals(_rig.Accounts, token, _rig.Sessions, _rig.Upgrades);
        var admin = principals.VerifyToken(token.Value)!;
        _rig.Sessions.Seen(SessionRig.SessionId(admin), _rig.Time.GetUtcNow().AddHours(1));
        _rig.Circuit.SetAuthenticationState(Task.FromResult(new Microsoft.AspNetCore.Components.Authorization.AuthenticationState(admin)));
        var user = new CurrentUser(_rig.Circuit, principals);

        Assert.True(await user.IsAdminAsync());

        _rig.ChangeAccounts(("ada", SessionRig.SameHash, Roles.Admin));
        Assert.False(await user.IsAdminAsync());
    }

    public void Dispose() => _rig.Dispose();
}

using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Security;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Security;

/// <summary>
/// The session rules with two accounts (an admin and a viewer) whose configuration a test changes while sessions are
/// open, on a fake clock: one circuit's user (<see cref="Circuit"/>) and the guard it asks (<see cref="User"/>).
/// </summary>
public sealed class SessionRig : IDisposable
{
    public const string Password = TestAccounts.Password;

    private readonly TestAccounts _accounts;

    public SessionRig(TimeSpan? revalidation = null)
    {
        _accounts = new TestAccounts(Time);
        Circuit = new SessionAuthenticationStateProvider(Principals, Sessions,
            Microsoft.Extensions.Options.Options.Create(new AuthOptions { RevalidationInterval = revalidation ?? TimeSpan.FromMinutes(1) }),
            Time, NullLogger<SessionAuthenticationStateProvider>.Instance);
        User = new CurrentUser(Circuit, Principals);
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-11-30T08:00:00Z"));
    public ChangingOptions<AuthOptions> Accounts => _accounts.Configuration;
    public SessionRegistry Sessions => _accounts.Sessions;
    public SessionPrincipals Principals => _accounts.Principals;
    public UpgradedPasswordHashes Upgrades => _accounts.Upgrades;
    public SessionAuthenticationStateProvider Circuit { get; }
    public CurrentUser User { get; }

    public static string SameHash => TestAccounts.PasswordHash;

    /// <summary>Signs in with the password (as the form does), the cookie is accepted once, and the circuit opens with it.</summary>
    public ClaimsPrincipal OpenCircuit(string userName, TimeSpan? cookieLifetime = null)
    {
        var user = Principals.VerifyPassword(userName, Password) ?? throw new InvalidOperationException($"{userName} could not sign in");
        Sessions.Seen(SessionId(user), Time.GetUtcNow() + (cookieLifetime ?? TimeSpan.FromHours(12)));
        Circuit.SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        return user;
    }

    public static string SessionId(ClaimsPrincipal user) => user.FindFirst(SessionPrincipals.SessionClaim)!.Value;

    public async Task<ClaimsPrincipal> CircuitUserAsync() => (await Circuit.GetAuthenticationStateAsync()).User;

    public void ChangeAccounts(params (string Name, string Hash, string Role)[] accounts) => Accounts.Set(new AuthOptions
    {
        Accounts = [.. accounts.Select(a => new AuthAccount { UserName = a.Name, PasswordHash = a.Hash, Role = a.Role })],
    });

    public void Dispose() => Circuit.Dispose();
}

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
    public const string Password = "a long enough password";

    private static readonly Lazy<string> Hash = new(() => PasswordHashing.Hash(Password));

    public SessionRig(TimeSpan? revalidation = null)
    {
        Accounts = new ChangingOptions<AuthOptions>(Options(("ada", Hash.Value, Roles.Admin), ("vera", Hash.Value, Roles.Viewer)));
        Sessions = new SessionRegistry(Time);
        Principals = new SessionPrincipals(Accounts, new StartupToken(), Sessions, Upgrades);
        Circuit = new SessionAuthenticationStateProvider(Principals, Sessions,
            Microsoft.Extensions.Options.Options.Create(new AuthOptions { RevalidationInterval = revalidation ?? TimeSpan.FromMinutes(1) }),
            Time, NullLogger<SessionAuthenticationStateProvider>.Instance);
        User = new CurrentUser(Circuit, Principals);
    }

    /// <summary>Where weaker hashes would be upgraded; the rig's own hashes are strong, so nothing is written there.</summary>
    public UpgradedPasswordHashes Upgrades { get; } = new(
        Microsoft.Extensions.Options.Options.Create(new AuthOptions { UpgradedHashesFile = Path.Combine(Path.GetTempPath(), $"md-rig-{Guid.NewGuid():N}", "hashes.json") }),
        NullLogger<UpgradedPasswordHashes>.Instance);

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-11-30T08:00:00Z"));
    public ChangingOptions<AuthOptions> Accounts { get; }
    public SessionRegistry Sessions { get; }
    public SessionPrincipals Principals { get; }
    public SessionAuthenticationStateProvider Circuit { get; }
    public CurrentUser User { get; }

    public static AuthOptions Options(params (string Name, string Hash, string Role)[] accounts) => new()
    {
        Accounts = [.. accounts.Select(a => new AuthAccount { UserName = a.Name, PasswordHash = a.Hash, Role = a.Role })],
    };

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

    public void ChangeAccounts(params (string Name, string Hash, string Role)[] accounts) => Accounts.Set(Options(accounts));

    public static string SameHash => Hash.Value;

    public void Dispose() => Circuit.Dispose();
}

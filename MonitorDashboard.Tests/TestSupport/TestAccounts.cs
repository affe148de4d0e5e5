using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MonitorDashboard.Components.Actions;
using MonitorDashboard.Security;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// Two accounts (<see cref="Admin"/>, <see cref="Viewer"/>) and the real session rules for a bUnit context: the user of the
/// "circuit" is signed in through <see cref="SessionPrincipals"/> as the sign-in form does, and the configuration can change
/// while the page is open (<see cref="ChangeRole"/>), as an edited appsettings.json does.
/// </summary>
public sealed class TestAccounts
{
    public const string Admin = "ada";
    public const string Viewer = "vera";
    public const string Password = "a long enough password";

    // Hashing costs real time (PBKDF2); one hash serves both accounts and every test.
    private static readonly Lazy<string> Hash = new(() => PasswordHashing.Hash(Password));

    private readonly ChangingOptions<AuthOptions> _accounts;

    /// <summary>The hash of <see cref="Password"/> both accounts start with.</summary>
    public static string PasswordHash => Hash.Value;

    public TestAccounts(TimeProvider? time = null)
    {
        Time = time ?? TimeProvider.System;
        _accounts = new ChangingOptions<AuthOptions>(Accounts((Admin, Roles.Admin), (Viewer, Roles.Viewer)));
        Sessions = new SessionRegistry(Time);
        Upgrades = new UpgradedPasswordHashes(
            Options.Create(new AuthOptions { UpgradedHashesFile = Path.Combine(Path.GetTempPath(), $"md-accounts-{Guid.NewGuid():N}", "hashes.json") }),
            NullLogger<UpgradedPasswordHashes>.Instance);
        Principals = new SessionPrincipals(_accounts, new StartupToken(), Sessions, Upgrades);
    }

    public TimeProvider Time { get; }
    public SessionRegistry Sessions { get; }
    public SessionPrincipals Principals { get; }

    /// <summary>Where weaker hashes would be upgraded; these accounts' hashes are strong, so nothing is written there.</summary>
    public UpgradedPasswordHashes Upgrades { get; }

    /// <summary>The accounts configuration in force; <see cref="ChangingOptions{T}.Set"/> changes it as a reload would.</summary>
    public ChangingOptions<AuthOptions> Configuration => _accounts;

    /// <summary>The session services of one circuit, as the app registers them, plus the guarded dashboard actions.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton(Principals);
        services.AddSingleton(Sessions);
        services.AddSingleton(Options.Create(new AuthOptions()));
        services.AddScoped<AuthenticationStateProvider, SessionAuthenticationStateProvider>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<DashboardActions>();
        services.AddCascadingAuthenticationState();
    }

    /// <summary>Signs <paramref name="userName"/> in (password checked, session recorded) as the user of the context.</summary>
    public ClaimsPrincipal SignIn(BunitContext context, string userName)
    {
        var user = Principals.VerifyPassword(userName, Password) ?? throw new InvalidOperationException($"{userName} could not sign in");
        Sessions.Seen(user.FindFirst(SessionPrincipals.SessionClaim)!.Value, Time.GetUtcNow().AddHours(12));
        var provider = (SessionAuthenticationStateProvider)context.Services.GetRequiredService<AuthenticationStateProvider>();
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        return user;
    }

    public void ChangeRole(string userName, string role) =>
        _accounts.Set(Accounts(
            (Admin, userName == Admin ? role : Roles.Admin),
            (Viewer, userName == Viewer ? role : Roles.Viewer)));

    private static AuthOptions Accounts(params (string Name, string Role)[] accounts) => new()
    {
        Accounts = [.. accounts.Select(a => new AuthAccount { UserName = a.Name, PasswordHash = Hash.Value, Role = a.Role })],
    };
}

using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Security;

/// <summary>
/// Checks credentials and builds the signed-in user; re-checks every session cookie against the configuration in
/// force, so removing an account, changing its role or password, configuring accounts, or restarting (token sessions)
/// ends the sessions concerned.
/// </summary>
public sealed class SessionPrincipals(IOptionsMonitor<AuthOptions> options, StartupToken token, SessionRegistry sessions, UpgradedPasswordHashes upgrades)
{
    internal const string MethodClaim = "md:method";
    internal const string StampClaim = "md:stamp";

    /// <summary>A random id per sign-in, so signing out can end that session (and only it) everywhere.</summary>
    internal const string SessionClaim = "md:sid";
    internal const string PasswordMethod = "password";
    internal const string TokenMethod = "token";

    /// <summary>The name shown for a session opened with the start-up token.</summary>
    public const string TokenUserName = "local admin";

    public bool UsesStartupToken => options.CurrentValue.UsesStartupToken;

    /// <summary>The user for a right name and password; null otherwise, after the same work either way.</summary>
    public ClaimsPrincipal? VerifyPassword(string userName, string password)
    {
        var account = options.CurrentValue.Find(userName.Trim());
        if (account?.PasswordHash is not { } hash || Roles.Normalize(account.Role) is not { } role)
        {
            PasswordHashing.VerifyDecoy(password);
            return null;
        }
        var result = PasswordHashing.Check(upgrades.Find(account.UserName!, hash) ?? hash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            upgrades.Save(account.UserName!, hash, PasswordHashing.Hash(password));
        }
        // The stamp is that of the configured hash, not the upgrade: upgrading ends no session, a new configured hash does.
        return result == PasswordVerificationResult.Failed
            ? null
            : Build(account.UserName!, role, PasswordMethod, Stamp(hash));
    }

    /// <summary>The admin for the start-up token; null when accounts are configured or the token is wrong.</summary>
    public ClaimsPrincipal? VerifyToken(string? candidate) =>
        UsesStartupToken && token.Matches(candidate) ? Build(TokenUserName, Roles.Admin, TokenMethod, token.Generation) : null;

    /// <summary>
    /// The one rule for "may this session still act": the account still exists with the same role and password (or the
    /// start-up token is the same), the session was not signed out and, for a live dashboard (<paramref name="live"/>),
    /// it has not expired. Cookie requests pass <c>live: false</c>: the cookie handler has checked expiry already, and
    /// this is where the session is first seen.
    /// </summary>
    public SessionCheck Check(ClaimsPrincipal principal, bool live)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return SessionCheck.SignedOut;
        }
        if (!IsStillValid(principal))
        {
            return SessionCheck.AccountChanged;
        }
        return sessions.StandingOf(principal.FindFirstValue(SessionClaim)) switch
        {
            SessionStanding.SignedOut => SessionCheck.SignedOut,
            SessionStanding.Active => SessionCheck.Valid,
            SessionStanding.Expired when live => SessionCheck.Expired,
            SessionStanding.Unknown when live => SessionCheck.Expired,
            _ => principal.FindFirstValue(SessionClaim) is { Length: > 0 } ? SessionCheck.Valid : SessionCheck.AccountChanged,
        };
    }

    private bool IsStillValid(ClaimsPrincipal principal)
    {
        var stamp = principal.FindFirstValue(StampClaim);
        return principal.FindFirstValue(MethodClaim) switch
        {
            TokenMethod => UsesStartupToken && stamp == token.Generation,
            PasswordMethod => options.CurrentValue.Find(principal.Identity?.Name ?? "") is { PasswordHash: { } hash } account
                && Roles.Normalize(account.Role) is { } role && principal.IsInRole(role)
                && stamp == Stamp(hash),
            _ => false,
        };
    }

    private static ClaimsPrincipal Build(string name, string role, string method, string stamp) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, name),
                new Claim(ClaimTypes.Role, role),
                new Claim(MethodClaim, method),
                new Claim(StampClaim, stamp),
                new Claim(SessionClaim, Guid.NewGuid().ToString("N")),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>Short fingerprint of the hash (not the hash): a changed password ends old sessions.</summary>
    private static string Stamp(string hash) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(hash)), 0, 8);
}

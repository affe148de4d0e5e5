namespace MonitorDashboard.Security;

/// <summary>
/// Who may sign in. Bound from the <c>Auth</c> section (<c>Auth__Accounts__0__UserName</c> ... in the environment).
/// With no account the app signs in with a token generated at start-up and listens on 127.0.0.1 only.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public List<AuthAccount> Accounts { get; set; } = [];

    /// <summary>How long a session lasts without activity (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often an open dashboard re-checks its session against the accounts (sign-out ends it at once).</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Where stronger hashes made at sign-in for weaker configured ones are kept (the configuration itself is never
    /// rewritten); a relative path is resolved against the content root, like <c>History:DatabasePath</c>.
    /// </summary>
    public string UpgradedHashesFile { get; set; } = "data/password-hashes.json";

    /// <summary>Reverse proxies (IP addresses) whose X-Forwarded-For/-Proto/-Host are believed; none by default.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks in CIDR notation (<c>10.0.0.0/8</c>) whose addresses are trusted like <see cref="KnownProxies"/>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many trusted proxies in a row may each add an X-Forwarded-For entry (a CDN in front of nginx: 2).</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool UsesStartupToken => Accounts.Count == 0;

    public bool TrustsProxies => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public AuthAccount? Find(string userName) =>
        Accounts.FirstOrDefault(a => string.Equals(a.UserName, userName, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One account; <see cref="PasswordHash"/> is made by <c>MonitorDashboard hash-password</c>.</summary>
public sealed class AuthAccount
{
    public string? UserName { get; set; }
    public string? PasswordHash { get; set; }
    public string? Role { get; set; }
}

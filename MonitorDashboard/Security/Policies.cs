using Microsoft.AspNetCore.Authorization;

namespace MonitorDashboard.Security;

/// <summary>The two roles: admin may do everything, viewer only looks (no Run now, no edits).</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Viewer = "viewer";

    /// <summary>The role a signed-in user holds, as shown beside their name ("admin", "viewer" or "no role").</summary>
    public static string Of(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Admin) ? Admin : user.IsInRole(Viewer) ? Viewer : "no role";

    /// <summary>The role as written in a claim, or null when <paramref name="role"/> is no role.</summary>
    public static string? Normalize(string? role) => role?.Trim().ToLowerInvariant() switch
    {
        Admin => Admin,
        Viewer => Viewer,
        _ => null,
    };
}

/// <summary>
/// Authorization policy names. Wrap admin-only UI in <c>&lt;AuthorizeView Policy="@Policies.Admin"&gt;</c> and check
/// <see cref="CurrentUser.RequireAdminAsync"/> on the server before mutating.
/// </summary>
public static class Policies
{
    /// <summary>Signed in with the admin role (every account with role admin, and the start-up token).</summary>
    public const string Admin = "Admin";

    internal static void Add(AuthorizationBuilder authorization) =>
        authorization
            // Every endpoint without its own rule needs a signed-in user: pages, the Blazor hub (/_blazor).
            // Endpoints that must stay public say so with AllowAnonymous (/signin, /healthz).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
}

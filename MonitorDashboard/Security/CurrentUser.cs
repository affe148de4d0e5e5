using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace MonitorDashboard.Security;

/// <summary>
/// The one place the dashboard asks "may this user change things": components ask it what to show, and every change
/// asks it again when it runs (<see cref="RequireAdminAsync"/>), against the circuit's current user and the accounts in
/// force now — a demoted, removed or signed-out user is refused even before the open page notices. Default deny.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, SessionPrincipals principals) : IActingUser
{
    public async Task<ClaimsPrincipal> GetPrincipalAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    /// <summary>True only for a signed-in admin whose session and account are still valid.</summary>
    public async Task<bool> IsAdminAsync() => Decide(await GetPrincipalAsync()) is null;

    /// <summary>Refuses, with a reason the user can read, unless <see cref="IsAdminAsync"/>.</summary>
    /// <param name="action">What was attempted, for the message: "delete a list".</param>
    /// <exception cref="ActionRefusedException">The user may not do it; nothing was changed.</exception>
    public async Task RequireAdminAsync(string action)
    {
        if (Decide(await GetPrincipalAsync()) is { } why)
        {
            throw new ActionRefusedException($"Not allowed to {action}: {why}. Nothing was changed.");
        }
    }

    /// <summary>Null when allowed; otherwise why not.</summary>
    private string? Decide(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return SessionAuthenticationStateProvider.EndedReason(user) is { } ended
                ? SessionCheckText.Describe(ended)
                : "you are not signed in";
        }
        var check = principals.Check(user, live: true);
        if (check != SessionCheck.Valid)
        {
            return SessionCheckText.Describe(check);
        }
        return user.IsInRole(Roles.Admin) ? null : $"only an admin can, and you are signed in as {user.Identity.Name} ({Roles.Of(user)})";
    }
}

/// <summary>An action the current user may not take; the message says why and that nothing changed.</summary>
public sealed class ActionRefusedException(string message) : Exception(message);

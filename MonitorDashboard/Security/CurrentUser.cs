using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace MonitorDashboard.Security;

/// <summary>
/// The user of this circuit, for server-side checks before anything changes:
/// <c>await CurrentUser.RequireAdminAsync();</c> — hiding a button is not enough.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, IAuthorizationService authorization)
{
    public async Task<ClaimsPrincipal> GetPrincipalAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<string?> GetNameAsync() => (await GetPrincipalAsync()).Identity?.Name;

    /// <summary>True when the user satisfies <see cref="Policies.Admin"/>.</summary>
    public async Task<bool> IsAdminAsync()
    {
        var user = await GetPrincipalAsync();
        return (await authorization.AuthorizeAsync(user, Policies.Admin)).Succeeded;
    }

    /// <exception cref="UnauthorizedAccessException">The user is not an admin.</exception>
    public async Task RequireAdminAsync()
    {
        if (!await IsAdminAsync())
        {
            throw new UnauthorizedAccessException("Only an admin can do this; you are signed in as a viewer.");
        }
    }
}

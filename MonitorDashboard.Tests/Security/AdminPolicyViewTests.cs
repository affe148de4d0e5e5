using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MonitorDashboard.Security;

namespace MonitorDashboard.Tests.Security;

/// <summary>
/// <c>&lt;AuthorizeView Policy="@Policies.Admin"&gt;</c> with the app's real policy and authorization service (not
/// bUnit's fake, which would only echo the policies a test declares). Whether a user may act is
/// <see cref="CurrentUser"/>'s question (CurrentUserTests).
/// </summary>
public sealed class AdminPolicyViewTests : IAsyncDisposable
{
    private readonly BunitContext _ctx = new();

    private void SignIn(params string[] roles)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "someone"), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test", ClaimTypes.Name, ClaimTypes.Role);
        _ctx.Services.AddLogging();
        Policies.Add(_ctx.Services.AddAuthorizationBuilder());
        // Replace bUnit's placeholders (registered first, so the framework's TryAdd would keep them).
        _ctx.Services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
        _ctx.Services.AddSingleton<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        _ctx.Services.AddCascadingAuthenticationState();
        _ctx.Services.AddSingleton<AuthenticationStateProvider>(new FixedAuthenticationState(new ClaimsPrincipal(identity)));
    }

    private IRenderedComponent<AuthorizeView> RenderAdminOnlyButton() =>
        _ctx.Render<AuthorizeView>(p => p
            .Add(v => v.Policy, Policies.Admin)
            .Add(v => v.Authorized, (RenderFragment<AuthenticationState>)(_ => b => b.AddMarkupContent(0, "<button data-testid=\"run-now\">Run now</button>")))
            .Add(v => v.NotAuthorized, (RenderFragment<AuthenticationState>)(_ => b => b.AddMarkupContent(0, "<span data-testid=\"read-only\">read-only</span>"))));

    [Fact]
    public void A_viewer_does_not_see_admin_only_content()
    {
        SignIn(Roles.Viewer);

        var cut = RenderAdminOnlyButton();

        Assert.Empty(cut.FindAll("[data-testid=run-now]"));
        Assert.Single(cut.FindAll("[data-testid=read-only]"));
    }

    [Fact]
    public void An_admin_sees_it()
    {
        SignIn(Roles.Admin);

        var cut = RenderAdminOnlyButton();

        Assert.Single(cut.FindAll("[data-testid=run-now]"));
    }

    public ValueTask DisposeAsync() => _ctx.DisposeAsync();

    private sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}

using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Security;

/// <summary>
/// Sign-in in front of every page and the Blazor hub. Anonymous are only: static files (served before authorization,
/// so the sign-in page can style itself), <c>/signin</c>, <c>/signout</c>, and endpoints that call
/// <c>.AllowAnonymous()</c> themselves — <c>/healthz</c> does, because monitoring systems call it without a session.
/// </summary>
public static class SecurityExtensions
{
    /// <summary>The <c>Auth</c> options, validated at start; shared with the command line (its --help shows them).</summary>
    public static IHostApplicationBuilder AddAuthOptions(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(IValidateOptions<AuthOptions>)))
        {
            return builder;
        }
        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.SectionName))
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                // An empty path stays empty so the validator can name it instead of it becoming the content root.
                if (!string.IsNullOrWhiteSpace(options.UpgradedHashesFile))
                {
                    options.UpgradedHashesFile = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.UpgradedHashesFile));
                }
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        return builder;
    }

    /// <summary>
    /// Who is signed in and whether they still may act: the session rules (<see cref="SessionPrincipals"/>), live
    /// dashboards that follow the account (re-checked every <c>Auth:RevalidationInterval</c>, at once on sign-out), and
    /// <see cref="CurrentUser"/>, which every change asks.
    /// </summary>
    private static IServiceCollection AddSessions(this IServiceCollection services)
    {
        services.TryAddSingleton<StartupToken>();
        services.TryAddSingleton<SessionRegistry>();
        services.TryAddSingleton<UpgradedPasswordHashes>();
        services.TryAddSingleton<SessionPrincipals>();
        services.TryAddScoped<CurrentUser>();
        services.TryAddScoped<AuthenticationStateProvider, SessionAuthenticationStateProvider>();
        return services;
    }

    /// <summary>Cookie authentication, the fallback and admin policies, the sign-in rate limits, and token mode.</summary>
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        builder.AddAuthOptions();
        var services = builder.Services;
        services.AddSessions();
        services.AddSingleton<SignInThrottle>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "MonitorDashboard.Session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.AccessDeniedPath = "/signin/denied";
            o.Events.OnValidatePrincipal = SessionCookies.ValidateAsync;
            o.Events.OnCheckSlidingExpiration = SessionCookies.OnRenewal;
            // The circuit's own requests get a status, not a redirect to an HTML page they cannot use.
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((cookie, auth) => cookie.ExpireTimeSpan = auth.Value.SessionLifetime);
        // Secure whenever the request was HTTPS (behind a proxy: as X-Forwarded-Proto from a trusted proxy says).
        services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        Policies.Add(services.AddAuthorizationBuilder());
        services.AddCascadingAuthenticationState();

        services.AddRateLimiter(o =>
        {
            // A coarse cap on sign-in posts per address whatever their outcome: each one costs a password hash.
            // Failures have their own, tighter limit (SignInThrottle), which tells the user how long to wait.
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInEndpoints.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        var auth = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        if (auth.UsesStartupToken)
        {
            services.AddSingleton(LoopbackBinding.Apply(builder));
            services.AddHostedService<SignInUrlAnnouncer>();
        }
        return builder;
    }

    /// <summary>
    /// X-Forwarded-For/-Proto/-Host from <c>Auth:KnownProxies</c> and <c>Auth:KnownNetworks</c> only. First in the
    /// pipeline, so headers, static files, sign-in, rate limits and logs all see the client's address and scheme.
    /// </summary>
    public static WebApplication UseForwardedHeadersFromProxies(this WebApplication app)
    {
        ForwardedHeadersSetup.Use(app);
        return app;
    }

    /// <summary>Security headers on every response. First after forwarded headers, so static files and redirects get them too.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        SecurityHeaders.UseSecurityHeaders(app);
        // Strict-Transport-Security goes only on HTTPS responses (directly or via a trusted proxy), never to localhost.
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        return app;
    }

    /// <summary>Authentication, authorization and rate limiting; after UseStaticFiles, before UseAntiforgery.</summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapSignIn(this WebApplication app)
    {
        SignInEndpoints.Map(app);
        return app;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/_blazor"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}

using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MonitorDashboard.Components.Actions;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Presets;
using MonitorDashboard.Security;
using MudBlazor;
using MudBlazor.Services;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// A bUnit context over the app's real services (demo mode: the embedded emulator serves the sample catalog;
/// emails go to a temp outbox; presets.json and the history are temp copies), so components are tested
/// against the real state service, store, validator and InvenTree client — and the real session rules: the user is
/// signed in through <see cref="SessionPrincipals"/> with an account of the configuration (<see cref="Admin"/> or
/// <see cref="Viewer"/>), so every action goes through <see cref="DashboardActions"/> as in the app.
/// </summary>
public sealed class DashboardServices : IAsyncDisposable
{
    public const string Admin = TestAccounts.Admin;
    public const string Viewer = TestAccounts.Viewer;

    private readonly IHost _host;

    private DashboardServices(IHost host, BunitContext context, string folder, TestAccounts accounts)
    {
        Accounts = accounts;
        _host = host;
        Context = context;
        Folder = folder;
    }

    public BunitContext Context { get; }
    public TestAccounts Accounts { get; }
    public string Folder { get; }
    public string PresetsPath => Path.Combine(Folder, "presets.json");
    public MonitorState State => _host.Services.GetRequiredService<MonitorState>();
    public PresetsStore Presets => _host.Services.GetRequiredService<PresetsStore>();

    /// <param name="arrange">Runs before anything renders.</param>
    /// <param name="signInAs"><see cref="Admin"/>, <see cref="Viewer"/>, or null for nobody signed in.</param>
    /// <param name="history">Wraps the run history the pages see (to count its reads); the real one by default.</param>
    public static async Task<DashboardServices> StartAsync(
        Action<BunitContext>? arrange = null, string? signInAs = Admin, Func<IRunStore, IRunStore>? history = null)
    {
        var folder = Directory.CreateTempSubdirectory("md-bunit-").FullName;
        File.Copy(Path.Combine(TestPaths.RepoRoot, "presets.json"), Path.Combine(folder, "presets.json"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder, Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["History:DatabasePath"] = Path.Combine(folder, "monitor.db"),
            ["Email:OutboxFolder"] = Path.Combine(folder, "outbox"),
            ["EmailTemplates:Folder"] = Path.Combine(TestPaths.RepoRoot, "EmailTemplates"),
        });
        builder.AddMonitorDashboardCore();
        builder.AddMonitoringEngine();
        var host = builder.Build();

        var state = host.Services.GetRequiredService<MonitorState>();
        state.ApplyPresets(await host.Services.GetRequiredService<PresetsStore>().LoadAsync(Xunit.TestContext.Current.CancellationToken));

        // The suite runs browser tests and real servers beside these; a busy 2-core machine needs more than bUnit's 1 s.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddFallbackServiceProvider(host.Services);
        // Per circuit, as in the app: the user, the guard every change asks, and the actions — built in bUnit's container
        // (which does not look into the fallback for dependencies) on the host's singletons.
        context.Services.AddSingleton(host.Services.GetRequiredService<TimeProvider>());
        context.Services.AddSingleton(host.Services.GetRequiredService<PresetsStore>());
        context.Services.AddSingleton(host.Services.GetRequiredService<MonitoringEngine>());
        context.Services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(Microsoft.Extensions.Logging.Abstractions.NullLogger<>));
        var accounts = new TestAccounts();
        accounts.AddTo(context.Services);
        context.Services.AddScoped<RunActions>();
        context.Services.AddScoped(sp => new DraftOrderActions(
            sp.GetRequiredService<CurrentUser>(), host.Services.GetRequiredService<MonitorDashboard.Monitoring.Proposals.DraftOrders>()));
        var runStore = host.Services.GetRequiredService<IRunStore>();
        context.Services.AddSingleton(history?.Invoke(runStore) ?? runStore);
        context.Services.AddSingleton(host.Services.GetRequiredService<MonitorState>());
        context.Services.AddScoped<MonitorDashboard.Components.Pages.Lists.ListTrends>();
        var dashboard = new DashboardServices(host, context, folder, accounts);
        if (signInAs is not null)
        {
            dashboard.SignIn(signInAs);
        }
        arrange?.Invoke(context);
        context.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        context.Render<MudPopoverProvider>();
        return dashboard;
    }

    /// <summary>Signs <paramref name="userName"/> in for this context's circuit.</summary>
    public void SignIn(string userName) => Accounts.SignIn(Context, userName);

    /// <summary>Changes an account's role in the configuration in force, as an admin editing appsettings.json does.</summary>
    public void ChangeRole(string userName, string role) => Accounts.ChangeRole(userName, role);

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Presets;
using MudBlazor;
using MudBlazor.Services;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// A bUnit context over the app's real services (demo mode: the embedded emulator serves the sample catalog;
/// emails go to a temp outbox; presets.json and the history are temp copies), so components are tested
/// against the real state service, store, validator and InvenTree client.
/// </summary>
public sealed class DashboardServices : IAsyncDisposable
{
    private readonly IHost _host;

    private DashboardServices(IHost host, BunitContext context, string folder)
    {
        _host = host;
        Context = context;
        Folder = folder;
    }

    public BunitContext Context { get; }
    public string Folder { get; }
    public string PresetsPath => Path.Combine(Folder, "presets.json");
    public MonitorState State => _host.Services.GetRequiredService<MonitorState>();
    public PresetsStore Presets => _host.Services.GetRequiredService<PresetsStore>();

    /// <param name="arrange">Runs before anything renders, e.g. to add authorization.</param>
    public static async Task<DashboardServices> StartAsync(Action<BunitContext>? arrange = null)
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

        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddFallbackServiceProvider(host.Services);
        arrange?.Invoke(context);
        context.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        context.Render<MudPopoverProvider>();
        return new DashboardServices(host, context, folder);
    }

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

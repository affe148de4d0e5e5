using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using MonitorDashboard.Calculation;
using MonitorDashboard.Demo;
using MonitorDashboard.InvenTree;
using MonitorDashboard.InvenTreeEmulator;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// The real InvenTree client and calculation services, wired as the app wires them, talking over real
/// HTTP to an emulator on 127.0.0.1. Logs are captured so tests can look for leaked secrets.
/// </summary>
public sealed class InvenTreeHarness : IAsyncDisposable
{
    private InvenTreeHarness(EmulatorServer emulator, ServiceProvider services)
    {
        Emulator = emulator;
        Services = services;
    }

    public EmulatorServer Emulator { get; }
    public ServiceProvider Services { get; }
    public IInvenTreeClient Client => Services.GetRequiredService<IInvenTreeClient>();
    public IInvenTreeOrderWriter OrderWriter => Services.GetRequiredService<IInvenTreeOrderWriter>();
    public PurchasingReader Purchasing => Services.GetRequiredService<PurchasingReader>();
    public BomFetcher Fetcher => Services.GetRequiredService<BomFetcher>();
    public CalculationService Calculation => Services.GetRequiredService<CalculationService>();
    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    /// <param name="settings">Extra configuration, e.g. <c>["InvenTree:PageSize"] = "5"</c>.</param>
    /// <param name="token">The token the client sends; defaults to the emulator's.</param>
    public static async Task<InvenTreeHarness> StartAsync(
        InvenTreeFixture? data = null,
        EmulatorOptions? emulatorOptions = null,
        IDictionary<string, string?>? settings = null,
        string? token = null)
    {
        var emulator = await EmulatorServer.StartAsync(data ?? SampleCatalog.Load(), emulatorOptions);
        var values = new Dictionary<string, string?>
        {
            ["INVENTREE_URL"] = emulator.BaseAddress.ToString(),
            ["INVENTREE_API_TOKEN"] = token ?? emulator.Token,
            // Fast retries: the policy is what is under test, not the clock.
            ["InvenTree:RetryBaseDelay"] = "00:00:00.010",
            ["InvenTree:RequestTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        return new InvenTreeHarness(emulator, CreateServices(values));
    }

    /// <summary>
    /// The client and calculation as the app registers them, configured by <paramref name="settings"/>; with
    /// <paramref name="primaryHandler"/> the requests go to it instead of the network (e.g. a recorded server).
    /// </summary>
    public static ServiceProvider CreateServices(IDictionary<string, string?> settings, HttpMessageHandler? primaryHandler = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddInvenTreeClient();
        builder.AddInvenTreeConnection();
        builder.AddCalculation();
        if (primaryHandler is not null)
        {
            // Configured after the app's registration, so it replaces the app's primary handler (the network).
            builder.Services.AddHttpClient<IInvenTreeClient, InvenTreeClient>()
                .ConfigurePrimaryHttpMessageHandler(() => primaryHandler)
                .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        }
        return builder.Services.BuildServiceProvider();
    }

    /// <summary>Everything logged so far, messages and exceptions, as one string.</summary>
    public string AllLogText() => string.Join("\n", Logs.GetSnapshot().Select(r => r.Message + " " + r.Exception));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}

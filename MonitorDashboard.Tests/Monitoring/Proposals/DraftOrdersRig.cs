using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MonitorDashboard.Calculation.Proposals;
using MonitorDashboard.Demo;
using MonitorDashboard.InvenTree;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Proposals;
using MonitorDashboard.Tests.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.Proposals;

/// <summary>
/// <see cref="DraftOrders"/> as the app wires it: the real InvenTree client and order writer over HTTP to an emulator on
/// the sample catalog (or, in demo mode, the embedded one), and the history database on disk.
/// </summary>
public sealed class DraftOrdersRig : IAsyncDisposable
{
    public const int Voltaic = 1, Northwind = 3;

    private readonly HistoryTestDatabase _db = new();
    private readonly ServiceProvider _services;

    private DraftOrdersRig(EmulatorServer? emulator, IDictionary<string, string?> settings, IInvenTreeConnection? connection)
    {
        Emulator = emulator;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddInvenTreeClient();
        builder.AddInvenTreeConnection();
        if (connection is not null)
        {
            builder.Services.AddSingleton(connection);
        }
        builder.Services.AddSingleton<IDraftOrderStore>(new SqliteDraftOrders(_db.OpenDatabase()));
        builder.Services.AddSingleton<DraftingLock>();
        builder.Services.AddTransient<DraftRecovery>();
        builder.Services.AddTransient<DraftOrders>();
        _services = builder.Services.BuildServiceProvider();
    }

    /// <summary>The emulator the settings point at; null in demo mode.</summary>
    public EmulatorServer? Emulator { get; }

    public DraftOrders Drafts => _services.GetRequiredService<DraftOrders>();

    public IDraftOrderStore Store => _services.GetRequiredService<IDraftOrderStore>();

    public IInvenTreeClient Client => _services.GetRequiredService<IInvenTreeClient>();

    public IInvenTreeOrderWriter Writer => _services.GetRequiredService<IInvenTreeOrderWriter>();

    public static async Task<DraftOrdersRig> StartAsync()
    {
        var emulator = await EmulatorServer.StartAsync(SampleCatalog.Load());
        return new DraftOrdersRig(emulator, new Dictionary<string, string?>
        {
            ["INVENTREE_URL"] = emulator.BaseAddress.ToString(),
            ["INVENTREE_API_TOKEN"] = emulator.Token,
            ["InvenTree:RetryBaseDelay"] = "00:00:00.010",
            ["InvenTree:RequestTimeout"] = "00:00:05",
        }, null);
    }

    /// <summary>Demo mode (no INVENTREE_URL); <paramref name="connection"/> replaces the embedded emulator's connection.</summary>
    public static DraftOrdersRig DemoMode(IInvenTreeConnection? connection = null) =>
        new(null, new Dictionary<string, string?> { ["INVENTREE_URL"] = null, ["InvenTree:RequestTimeout"] = "00:00:05" }, connection);

    /// <summary>The POSTs InvenTree received, as "path" strings, in order.</summary>
    public IReadOnlyList<string> Posts() => [.. Emulator!.Requests.Where(r => r.Method == "POST").Select(r => r.PathAndQuery)];

    public static DraftRun Run(string listName = "Gateways") =>
        new(Guid.NewGuid(), "3f1c", listName, new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));

    public static ProposalLine Line(int partPk, string partName, int supplierPartPk, decimal packs) =>
        new(partPk, partName, supplierPartPk, null, SupplierPartChoice.Primary, packs, 1, packs, packs, null, null, null, 0);

    public static OrderProposal Proposal(params SupplierProposal[] suppliers) => new(suppliers, []);

    public static SupplierProposal Supplier(int pk, string name, params ProposalLine[] lines) => new(pk, name, lines, [], lines.Length);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
        await _db.DisposeAsync();
    }
}

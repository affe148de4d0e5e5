using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MonitorDashboard.Demo;
using MonitorDashboard.InvenTree;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTree;

/// <summary>
/// Writes go to the configured InvenTree, or in demo mode to the embedded emulator, and nowhere else: a connection
/// that is not the one the settings name is refused before anything is sent.
/// </summary>
public sealed class InvenTreeWriteTargetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_mode_drafts_orders_in_the_embedded_emulator()
    {
        await using var services = Services(url: null);
        var writer = services.GetRequiredService<IInvenTreeOrderWriter>();

        var order = await writer.CreatePendingOrderAsync(1, "demo draft", Ct);

        var endpoint = await services.GetRequiredService<IInvenTreeConnection>().GetEndpointAsync(Ct);
        Assert.True(endpoint.IsDemo);
        Assert.True(endpoint.ApiBase.IsLoopback);
        Assert.Equal("demo draft", (await services.GetRequiredService<IInvenTreeClient>().GetPurchaseOrderAsync(order.Pk, Ct)).Description);
    }

    [Fact]
    public async Task Demo_mode_refuses_to_write_to_a_server_that_is_not_the_embedded_emulator()
    {
        await using var elsewhere = await EmulatorServer.StartAsync(SampleCatalog.Load(), cancellationToken: Ct);
        await using var services = Services(url: null,
            connection: new FixedConnection(new InvenTreeEndpoint(new Uri(elsewhere.BaseAddress, "api/"), elsewhere.Token, isDemo: false)));

        var error = await Assert.ThrowsAsync<InvenTreeWriteRefusedException>(
            () => services.GetRequiredService<IInvenTreeOrderWriter>().CreatePendingOrderAsync(1, "must not arrive", Ct));

        Assert.Contains("Demo mode writes only to the embedded InvenTree emulator", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, elsewhere.RequestCount);
    }

    [Fact]
    public async Task Demo_mode_refuses_a_demo_connection_that_is_not_on_this_machine()
    {
        await using var services = Services(url: null,
            connection: new FixedConnection(new InvenTreeEndpoint(new Uri("http://inventree.example.com/api/"), "t", isDemo: true)));

        await Assert.ThrowsAsync<InvenTreeWriteRefusedException>(
            () => services.GetRequiredService<IInvenTreeOrderWriter>().DeleteOrderAsync(1, Ct));
    }

    [Fact]
    public async Task A_configured_server_refuses_writes_through_any_other_connection()
    {
        await using var configured = await EmulatorServer.StartAsync(SampleCatalog.Load(), cancellationToken: Ct);
        await using var other = await EmulatorServer.StartAsync(SampleCatalog.Load(), cancellationToken: Ct);
        await using var services = Services(url: configured.BaseAddress.ToString(),
            connection: new FixedConnection(new InvenTreeEndpoint(new Uri(other.BaseAddress, "api/"), other.Token, isDemo: false)));

        var error = await Assert.ThrowsAsync<InvenTreeWriteRefusedException>(
            () => services.GetRequiredService<IInvenTreeOrderWriter>().CreatePendingOrderAsync(1, "must not arrive", Ct));

        Assert.Contains("INVENTREE_URL", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, configured.RequestCount + other.RequestCount);
    }

    /// <summary>The app's registrations; <paramref name="connection"/> replaces the endpoint they would choose.</summary>
    private static ServiceProvider Services(string? url, IInvenTreeConnection? connection = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["INVENTREE_URL"] = url, ["INVENTREE_API_TOKEN"] = "emulator-token" });
        builder.Services.AddLogging();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddInvenTreeClient();
        builder.AddInvenTreeConnection();
        if (connection is not null)
        {
            builder.Services.AddSingleton(connection);
        }
        return builder.Services.BuildServiceProvider();
    }

    private sealed class FixedConnection(InvenTreeEndpoint endpoint) : IInvenTreeConnection
    {
        public ValueTask<InvenTreeEndpoint> GetEndpointAsync(CancellationToken cancellationToken) => ValueTask.FromResult(endpoint);
    }
}

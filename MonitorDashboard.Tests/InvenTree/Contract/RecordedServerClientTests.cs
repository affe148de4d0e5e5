using Microsoft.Extensions.DependencyInjection;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTree.Contract;

/// <summary>The client's other reads, served the recorded real server's answers, mean what they mean against the emulator.</summary>
public sealed class RecordedServerClientTests(RecordedServerFixture server) : IClassFixture<RecordedServerFixture>
{
    private const string RecordedToken = "recorded-server-token";

    [Fact]
    public async Task Part_suggestions_are_the_ones_the_real_server_suggests()
    {
        await using var recorded = RecordedServices();
        await using var emulated = EmulatorServices();
        var ct = TestContext.Current.CancellationToken;

        var real = await recorded.GetRequiredService<IInvenTreeClient>().SearchPartsAsync("widget", 10, ct);
        var ours = await emulated.GetRequiredService<IInvenTreeClient>().SearchPartsAsync("widget", 10, ct);

        Assert.Equal(real.Select(p => (p.Pk, p.Name)), ours.Select(p => (p.Pk, p.Name)));
    }

    [Fact]
    public async Task A_missing_part_is_not_found_on_the_real_server_as_on_the_emulator()
    {
        await using var recorded = RecordedServices();
        await using var emulated = EmulatorServices();
        var ct = TestContext.Current.CancellationToken;

        var real = await Assert.ThrowsAsync<InvenTreeNotFoundException>(() => recorded.GetRequiredService<IInvenTreeClient>().GetPartAsync(999999, ct));
        var ours = await Assert.ThrowsAsync<InvenTreeNotFoundException>(() => emulated.GetRequiredService<IInvenTreeClient>().GetPartAsync(999999, ct));

        Assert.Equal(real.Message, ours.Message.Replace(server.Emulator.BaseAddress.Authority, "recorded-inventree.invalid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_real_server_reports_api_511_and_part_links_open_its_platform_ui()
    {
        await using var recorded = RecordedServices();

        var info = await recorded.GetRequiredService<IInvenTreeClient>().GetServerInfoAsync(TestContext.Current.CancellationToken);

        Assert.Equal(511, info.ApiVersion);
        Assert.Equal(InvenTreeWebUi.Platform, InvenTreeWebUiRule.Resolve(InvenTreeWebUi.Auto, recorded.GetRequiredService<InvenTreeServerVersion>().ApiVersion));
    }

    private ServiceProvider RecordedServices() =>
        InvenTreeHarness.CreateServices(new Dictionary<string, string?>
        {
            ["INVENTREE_URL"] = "http://recorded-inventree.invalid/",
            ["INVENTREE_API_TOKEN"] = RecordedToken,
            ["InvenTree:MaxRetries"] = "0",
        }, new ReplayingHandler(server.Recording, RecordedToken));

    private ServiceProvider EmulatorServices() =>
        InvenTreeHarness.CreateServices(new Dictionary<string, string?>
        {
            ["INVENTREE_URL"] = server.Emulator.BaseAddress.ToString(),
            ["INVENTREE_API_TOKEN"] = server.Emulator.Token,
        });
}

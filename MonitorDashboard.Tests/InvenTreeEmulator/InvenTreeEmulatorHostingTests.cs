using MonitorDashboard.InvenTree;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTreeEmulator;

public sealed class InvenTreeEmulatorHostingTests
{
    private static InvenTreeFixture OnePart() => new FixtureJson().Part(1, "Widget").Build();

    [Fact]
    public async Task Options_set_the_token_version_and_address()
    {
        var options = new EmulatorOptions { Token = "secret", ApiVersion = 300, ServerVersion = "0.16.0", Host = "localhost" };
        await using var emulator = await EmulatorServer.StartAsync(OnePart(), options, TestContext.Current.CancellationToken);
        using var client = EmulatorHttp.CreateClient(emulator);

        var info = await client.GetJsonAsync<InvenTreeServerInfo>("api/");
        var part = await client.GetJsonAsync<InvenTreePart>("api/part/1/");

        Assert.Equal(("secret", "127.0.0.1", "/"), (emulator.Token, emulator.BaseAddress.Host, emulator.BaseAddress.AbsolutePath));
        Assert.Equal((300, "0.16.0"), (info.ApiVersion, info.Version));
        Assert.Equal("Widget", part.Name);
    }

    [Fact]
    public async Task Two_emulators_listen_on_different_free_ports()
    {
        await using var first = await EmulatorServer.StartAsync(OnePart(), cancellationToken: TestContext.Current.CancellationToken);
        await using var second = await EmulatorServer.StartAsync(OnePart(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEqual(first.BaseAddress.Port, second.BaseAddress.Port);
    }

    [Fact]
    public async Task Disposing_twice_is_harmless()
    {
        var emulator = await EmulatorServer.StartAsync(OnePart(), cancellationToken: TestContext.Current.CancellationToken);

        await emulator.DisposeAsync();
        await emulator.DisposeAsync();
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_and_links_back()
    {
        await using var emulator = await EmulatorServer.StartAsync(OnePart(), cancellationToken: TestContext.Current.CancellationToken);
        using var client = EmulatorHttp.CreateClient(emulator);

        var page = await client.GetJsonAsync<InvenTreePage<InvenTreePart>>($"api/part/?limit=10&offset={int.MaxValue}");

        Assert.Equal((1, null, 0), (page.Count, page.Next, page.Results.Count));
        Assert.EndsWith($"?limit=10&offset={int.MaxValue - 10}", page.Previous);
    }
}

using MonitorDashboard.Demo;
using MonitorDashboard.InvenTree;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTreeEmulator;

/// <summary>
/// <c>/api/part/?search=</c> as DRF's SearchFilter does it: every word must occur, in any case, in one of the search
/// fields (name, IPN, description here). It must really filter: an ignored parameter would suggest every part.
/// </summary>
public sealed class InvenTreeEmulatorSearchTests
{
    [Theory]
    [InlineData("widget", new[] { 104, 110, 111, 112, 113, 114, 124, 125, 139, 181, 201, 202, 221 })] // name or description
    [InlineData("WIDGET assembly", new[] { 110, 111, 112 })] // every word, any case
    [InlineData("WGT-100", new[] { 110, 111, 112 })] // IPN
    [InlineData("climate logger", new[] { 110 })] // description only
    [InlineData("widget, rev", new[] { 110, 111, 112, 113, 114, 125 })] // commas separate words too
    [InlineData("flux capacitor", new int[0])]
    public async Task Search_keeps_parts_that_contain_every_word_in_name_IPN_or_description(string search, int[] expected)
    {
        await using var emulator = await EmulatorServer.StartAsync(SampleCatalog.Load(), cancellationToken: TestContext.Current.CancellationToken);
        using var client = EmulatorHttp.CreateClient(emulator);

        var parts = await client.GetJsonAsync<InvenTreePart[]>($"api/part/?search={Uri.EscapeDataString(search)}");

        Assert.Equal(expected, parts.Select(p => p.Pk).Order());
    }

    [Theory]
    [InlineData("api/part/?search=")]
    [InlineData("api/part/?search=%20,%20")]
    public async Task An_empty_search_is_no_filter(string url)
    {
        await using var emulator = await EmulatorServer.StartAsync(SampleCatalog.Load(), cancellationToken: TestContext.Current.CancellationToken);
        using var client = EmulatorHttp.CreateClient(emulator);

        var parts = await client.GetJsonAsync<InvenTreePart[]>(url);

        Assert.Equal(80, parts.Length);
    }

    [Fact]
    public async Task Search_combines_with_the_other_filters_and_pages()
    {
        await using var emulator = await EmulatorServer.StartAsync(SampleCatalog.Load(), cancellationToken: TestContext.Current.CancellationToken);
        using var client = EmulatorHttp.CreateClient(emulator);

        var page = await client.GetJsonAsync<InvenTreePage<InvenTreePart>>("api/part/?search=widget&assembly=true&limit=2");

        Assert.Equal(6, page.Count); // 104 Power Supply Board (description), 110–114
        Assert.Equal([104, 114], page.Results.Select(p => p.Pk)); // by name: Power Supply Board, Widget Analog Board
    }
}

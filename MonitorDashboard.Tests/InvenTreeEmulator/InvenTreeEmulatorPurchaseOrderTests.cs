using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MonitorDashboard.Demo;
using MonitorDashboard.InvenTree;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTreeEmulator;

/// <summary>
/// The emulator's purchase-order endpoints on the sample catalog, beyond what the recording shows: validation,
/// deleting, filters and pagination of lines, and many clients drafting at once.
/// </summary>
public sealed class InvenTreeEmulatorPurchaseOrderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Orders_get_the_next_reference_in_the_catalogs_own_format_and_pks_are_never_reused()
    {
        await using var emulator = await EmulatorServer.StartAsync(SampleCatalog.Load(), cancellationToken: Ct);
        using var client = EmulatorHttp.CreateClient(emulator);

        var first = await PostAsync(client, "api/order/po/", new { supplier = 1, description = "a" });
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"api/order/po/{first.GetProperty("pk").GetInt32()}/", Ct)).StatusCode);
        var second = await PostAsync(client, "api/order/po/", new { supplier = 1, description = "b" });

        Assert.Equal(("PO-0007", 7, 10, "Pending"), (first.GetProperty("reference").GetString(), first.GetProperty("pk").GetInt32(),
            first.GetProperty("status").GetInt32(), first.GetProperty("status_text").GetString()));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("line_items").ValueKind); // as recorded for the POST's answer
        Assert.Equal(("PO-0007", 8), (second.GetProperty("reference").GetString(), second.GetProperty("pk").GetInt32()));
    }

    [Fact]
    public async Task Bad_fields_are_refused_with_DRF_field_errors_and_nothing_is_created()
    {
        await using var emulator = await EmulatorServer.StartAsync(SampleCatalog.Load(), cancellationToken: Ct);
        using var client = EmulatorHttp.CreateClient(emulator);

        var (noSupplier, body1) = await PostErrorAsync(client, "api/order/po/", new { description = "x" });
        var (customer, body2) = await PostErrorAsync(client, "api/order/po/", new { supplier = 6 }); // Lakeside is a customer
        var (badLine, body3) = await PostErrorAsync(client, "api/order/po-line/", new { order = 999, part = "abc", quantity = -1 });

        Assert.Equal((400, """{"supplier":["This field is required."]}"""), (noSupplier, body1.GetRawText()));
        Assert.Equal(400, customer);
        Assert.Equal("Invalid pk \"6\" - object does not exist.", body2.GetProperty("supplier")[0].GetString());
        Assert.Equal(400, badLine);
        Assert.Equal(["order", "part", "quantity"], body3.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, (await client.GetElementAsync("api/order/po/?outstanding=true&limit=50&supplier=6")).GetProperty("count").GetInt32());
        Assert.Equal(6, (await client.GetElementAsync("api/order/po/?limit=50")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Lines_are_listed_per_order_page_by_page_and_a_deleted_line_stops_counting_in_ordering()
    {
        await using var emulator = await EmulatorServer.StartAsync(SampleCatalog.Load(), cancellationToken: Ct);
        using var client = EmulatorHttp.CreateClient(emulator);
        var order = (await PostAsync(client, "api/order/po/", new { supplier = 1 })).GetProperty("pk").GetInt32();
        var lines = new List<int>();
        foreach (var supplierPart in new[] { 311, 312, 315 })
        {
            lines.Add((await PostAsync(client, "api/order/po-line/", new { order, part = supplierPart, quantity = 4 })).GetProperty("pk").GetInt32());
        }

        var page1 = await client.GetElementAsync($"api/order/po-line/?order={order}&limit=2&offset=0");
        var page2 = await client.GetElementAsync($"api/order/po-line/?order={order}&limit=2&offset=2");
        var mcuBefore = (await client.GetJsonAsync<InvenTreePart>("api/part/130/")).Ordering;
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"api/order/po-line/{lines[0]}/", Ct)).StatusCode);
        var mcuAfter = (await client.GetJsonAsync<InvenTreePart>("api/part/130/")).Ordering;

        Assert.Equal(3, page1.GetProperty("count").GetInt32());
        Assert.Equal(lines, page1.GetProperty("results").EnumerateArray().Concat(page2.GetProperty("results").EnumerateArray())
            .Select(l => l.GetProperty("pk").GetInt32()));
        Assert.Equal(4m, mcuBefore - mcuAfter);
        Assert.Equal(2, (await client.GetElementAsync($"api/order/po/{order}/")).GetProperty("line_items").GetInt32());
    }

    [Fact]
    public async Task Many_clients_drafting_at_once_lose_no_line_and_share_no_pk()
    {
        await using var emulator = await EmulatorServer.StartAsync(SampleCatalog.Load(), cancellationToken: Ct);
        using var client = EmulatorHttp.CreateClient(emulator);
        var resistorsBefore = (await client.GetJsonAsync<InvenTreePart>("api/part/141/")).Ordering;

        var orders = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var order = (await PostAsync(client, "api/order/po/", new { supplier = 1, description = $"parallel {i}" })).GetProperty("pk").GetInt32();
            await PostAsync(client, "api/order/po-line/", new { order, part = 322, quantity = 1 });
            return order;
        }));

        Assert.Equal(20, orders.Distinct().Count());
        var references = (await client.GetElementAsync("api/order/po/?outstanding=true&limit=100")).GetProperty("results").EnumerateArray()
            .Select(o => o.GetProperty("reference").GetString()).ToList();
        Assert.Equal(references.Count, references.Distinct().Count());
        Assert.Equal(resistorsBefore + 20, (await client.GetJsonAsync<InvenTreePart>("api/part/141/")).Ordering);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {url} → {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<(int Status, JsonElement Body)> PostErrorAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body, Ct);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone());
    }
}

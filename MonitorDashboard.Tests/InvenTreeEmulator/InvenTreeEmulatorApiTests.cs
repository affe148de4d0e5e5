using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTreeEmulator;

/// <summary>Protocol behaviour on the demo dataset: pagination, filters (and the ignored ones), auth and errors.</summary>
public sealed class InvenTreeEmulatorApiTests(DemoEmulatorFixture demo) : IClassFixture<DemoEmulatorFixture>
{
    private const int DemoPartCount = 414;

    [Fact]
    public async Task Server_info_needs_no_token()
    {
        using var client = EmulatorHttp.CreateClient(demo.Current, token: null);

        var info = await client.GetJsonAsync<InvenTreeServerInfo>("api/");

        Assert.Equal(new InvenTreeServerInfo { Server = "InvenTree", Version = "1.4.0 dev", ApiVersion = 479, Instance = "MonitorDashboard emulator" }, info);
    }

    [Fact]
    public async Task Pages_link_to_each_other_and_cover_every_part_once()
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);
        var seen = new List<int>();
        var names = new List<string>();
        var pages = new List<InvenTreePage<InvenTreePart>>();

        for (string? url = "api/part/?limit=100"; url is not null; url = pages[^1].Next)
        {
            pages.Add(await client.GetJsonAsync<InvenTreePage<InvenTreePart>>(url));
            seen.AddRange(pages[^1].Results.Select(p => p.Pk));
            names.AddRange(pages[^1].Results.Select(p => p.Name));
        }

        Assert.Equal(5, pages.Count);
        Assert.All(pages, p => Assert.Equal(DemoPartCount, p.Count));
        Assert.Equal(DemoPartCount, seen.Distinct().Count());
        Assert.Equal(names.Order(StringComparer.Ordinal), names); // by name, as the real server orders parts
        Assert.Null(pages[0].Previous);
        Assert.Equal(new Uri(demo.Current.BaseAddress, "api/part/?limit=100&offset=100").ToString(), pages[0].Next);
        Assert.Equal(new Uri(demo.Current.BaseAddress, "api/part/?limit=100").ToString(), pages[1].Previous);
        Assert.Equal(new Uri(demo.Current.BaseAddress, "api/part/?limit=100&offset=200").ToString(), pages[3].Previous);
    }

    [Fact]
    public async Task Page_links_keep_the_other_query_parameters()
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        var page = await client.GetJsonAsync<InvenTreePage<InvenTreePart>>("api/part/?name_regex=widget&active=true&limit=2");

        Assert.Equal(13, page.Count); // every part whose name contains "widget", any case
        Assert.Equal(new Uri(demo.Current.BaseAddress, "api/part/?name_regex=widget&active=true&limit=2&offset=2").ToString(), page.Next);
        var second = await client.GetJsonAsync<InvenTreePage<InvenTreePart>>(page.Next!);
        Assert.Equal(["Blue Widget", "Green Widget"], page.Results.Select(p => p.Name));
        Assert.Equal(["Pink Widget", "Purple Widget"], second.Results.Select(p => p.Name));
    }

    [Fact]
    public async Task Without_limit_a_list_is_a_plain_array_of_everything()
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        var parts = await client.GetJsonAsync<InvenTreePart[]>("api/part/");

        Assert.Equal(DemoPartCount, parts.Length);
    }

    [Theory]
    [InlineData("api/part/?name=xyz")]
    [InlineData("api/part/?revision=Z&id__in=1,2&pk__in=3")]
    [InlineData("api/part/?description=nothing-matches-this")]
    public async Task Unknown_filters_are_silently_ignored(string url)
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        var parts = await client.GetJsonAsync<InvenTreePart[]>(url);

        Assert.Equal(DemoPartCount, parts.Length);
    }

    [Theory]
    [InlineData("Red Widget", new[] { 72, 78, 79, 80 })]
    [InlineData("red WIDGET", new[] { 72, 78, 79, 80 })]
    [InlineData("Widget", new int[0])]
    [InlineData("R_2.2K_0402_1%", new[] { 19 })]
    public async Task Name_regex_anchored_matches_the_whole_name_in_any_case(string name, int[] expected)
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        var parts = await client.GetJsonAsync<InvenTreePart[]>($"api/part/?name_regex={Uri.EscapeDataString("^" + Regex.Escape(name) + "$")}");

        Assert.Equal(expected, parts.Select(p => p.Pk));
    }

    [Theory]
    [InlineData("api/part/?assembly=true&purchaseable=false", 20)]
    [InlineData("api/part/?assembly=TRUE&purchaseable=0&active=1", 20)]
    [InlineData("api/part/?assembly=maybe", DemoPartCount)]
    public async Task Boolean_filters_read_like_django_filter(string url, int expectedCount)
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        var parts = await client.GetJsonAsync<InvenTreePart[]>(url);

        Assert.Equal(expectedCount, parts.Length);
    }

    [Fact]
    public async Task Suppliers_and_their_parts_are_listed()
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        var suppliers = await client.GetJsonAsync<InvenTreeCompany[]>("api/company/?is_supplier=true");
        var digikeyParts = await client.GetJsonAsync<InvenTreePage<InvenTreeSupplierPart>>("api/company/part/?supplier=1&limit=5");

        Assert.Equal(12, suppliers.Length);
        Assert.Contains(new InvenTreeCompany { Pk = 1, Name = "DigiKey", IsSupplier = true }, suppliers);
        Assert.Equal(200, digikeyParts.Count);
        var resistor = Assert.Single(digikeyParts.Results, s => s.Pk == 11);
        Assert.Equal((43, 1, "RR05P100KDTR-ND", 1m, 28411m, "DigiKey"),
            (resistor.Part, resistor.Supplier, resistor.Sku, resistor.PackQuantityNative, resistor.Available, resistor.SupplierName));
    }

    [Fact]
    public async Task Active_builds_of_a_part_are_listed()
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        var builds = await client.GetJsonAsync<InvenTreeBuild[]>("api/build/?part=88&active=true");

        Assert.Equal([new InvenTreeBuild { Pk = 2, Part = 88, Quantity = 100, Completed = 0, Status = 10 }], builds);
    }

    [Theory]
    [InlineData(null, "Authentication credentials were not provided.")]
    [InlineData("wrong-token", "Invalid token.")]
    public async Task A_missing_or_bad_token_is_a_401_asking_for_a_token(string? token, string detail)
    {
        using var client = EmulatorHttp.CreateClient(demo.Current, token);

        var (status, body, response) = await client.GetErrorAsync("api/part/1/");

        Assert.Equal((401, detail), (status, body.GetProperty("detail").GetString()));
        Assert.Equal("Token", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Theory]
    [InlineData("api/part/999999/", "No Part matches the given query.")]
    [InlineData("api/stocktake/", "Not found.")] // /api/stock/ is served since the legacy "in production" rule
    [InlineData("api/part/abc/", "Not found.")]
    [InlineData("nothing/here", "Not found.")]
    public async Task Unknown_objects_and_urls_are_404_with_a_detail(string url, string detail)
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        var (status, body, _) = await client.GetErrorAsync(url);

        Assert.Equal((404, detail), (status, body.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("api/part/?in_bom_for=999999", "in_bom_for")]
    [InlineData("api/part/?in_bom_for=abc", "in_bom_for")]
    [InlineData("api/bom/?part=999999", "part")]
    [InlineData("api/company/part/?supplier=999999", "supplier")]
    [InlineData("api/build/?part=-1", "part")]
    public async Task Invalid_filter_values_are_400_with_a_field_error(string url, string field)
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        var (status, body, _) = await client.GetErrorAsync(url);

        Assert.Equal(400, status);
        Assert.NotEmpty(body.GetProperty(field).EnumerateArray());
    }

    [Theory]
    [InlineData("api/part/?limit=abc")]
    [InlineData("api/part/?limit=0")]
    [InlineData("api/part/?limit=-1")]
    public async Task A_limit_that_is_not_a_positive_number_lists_everything_unpaged_as_the_real_server_does(string url)
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        var body = await client.GetElementAsync(url);

        Assert.Equal((JsonValueKind.Array, demo.Current.Data.PartCount), (body.ValueKind, body.GetArrayLength()));
    }

    [Fact]
    public async Task A_negative_offset_reads_as_the_first_page()
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        var body = await client.GetElementAsync("api/part/?limit=2&offset=-5");

        Assert.Equal(JsonValueKind.Null, body.GetProperty("previous").ValueKind);
        Assert.Equal(
            (await client.GetElementAsync("api/part/?limit=2")).GetProperty("results").GetRawText(),
            body.GetProperty("results").GetRawText());
    }

    [Fact]
    public async Task An_unknown_relation_pk_reads_like_django()
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        var (_, body, _) = await client.GetErrorAsync("api/part/?in_bom_for=999999");

        Assert.Equal("""{"in_bom_for":["Select a valid choice. That choice is not one of the available choices."]}""", body.GetRawText());
    }

    [Fact]
    public async Task An_unknown_url_is_404_even_without_a_token()
    {
        using var client = EmulatorHttp.CreateClient(demo.Current, token: null);

        var (status, _, _) = await client.GetErrorAsync("api/stocktake/");

        Assert.Equal((int)HttpStatusCode.NotFound, status);
    }
}

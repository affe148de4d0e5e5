using MonitorDashboard.InvenTree;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTree;

public sealed class InvenTreeClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lists_are_read_page_by_page_with_limit_and_offset()
    {
        await using var whole = await InvenTreeHarness.StartAsync();
        var expected = await whole.Client.GetSuppliersAsync(Ct);

        await using var paged = await InvenTreeHarness.StartAsync(settings: new Dictionary<string, string?> { ["InvenTree:PageSize"] = "1" });
        var suppliers = await paged.Client.GetSuppliersAsync(Ct);

        Assert.True(expected.Count >= 3, "the sample catalog has at least three suppliers");
        Assert.Equal(expected.Select(s => s.Pk), suppliers.Select(s => s.Pk));
        var requests = paged.Emulator.Requests.Select(r => r.PathAndQuery).ToList();
        Assert.Equal(expected.Count, requests.Count);
        Assert.All(requests, q => Assert.Contains("limit=1", q, StringComparison.Ordinal));
        Assert.Contains(requests, q => q.Contains("offset=2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Finding_a_part_by_name_uses_name_regex_never_the_ignored_name_filter()
    {
        await using var harness = await InvenTreeHarness.StartAsync();

        var parts = await harness.Client.FindPartsByNameAsync("Master Assembly", Ct);

        var part = Assert.Single(parts);
        Assert.Equal("Master Assembly", part.Name);
        var query = Assert.Single(harness.Emulator.Requests).PathAndQuery;
        Assert.Contains("name_regex=%5EMaster%20Assembly%24", query, StringComparison.Ordinal);
        Assert.DoesNotContain("name=", query.Replace("name_regex=", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("limit=", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_in_other_letter_case_still_finds_the_part()
    {
        await using var harness = await InvenTreeHarness.StartAsync();

        var parts = await harness.Client.FindPartsByNameAsync("master ASSEMBLY", Ct);

        Assert.Equal("Master Assembly", Assert.Single(parts).Name);
    }

    [Fact]
    public async Task Regex_characters_in_a_name_are_matched_literally()
    {
        await using var harness = await InvenTreeHarness.StartAsync();

        Assert.Empty(await harness.Client.FindPartsByNameAsync("Master.Assembly", Ct));
        Assert.Empty(await harness.Client.FindPartsByNameAsync(".*", Ct));
    }

    [Fact]
    public async Task A_wrong_token_is_reported_as_unauthorized_once_without_retrying_or_leaking_it()
    {
        const string badToken = "s3cret-token-that-must-not-leak";
        await using var harness = await InvenTreeHarness.StartAsync(token: badToken);

        var error = await Assert.ThrowsAsync<InvenTreeUnauthorizedException>(() => harness.Client.GetPartAsync(1, Ct));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(badToken, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Emulator.RequestCount);
        Assert.DoesNotContain(badToken, harness.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_part_is_not_found_without_retrying()
    {
        await using var harness = await InvenTreeHarness.StartAsync();

        var error = await Assert.ThrowsAsync<InvenTreeNotFoundException>(() => harness.Client.GetPartAsync(987654, Ct));

        Assert.Contains("part/987654/", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Emulator.RequestCount);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(502)]
    [InlineData(429)]
    [InlineData(408)]
    public async Task Transient_failures_are_retried_until_the_server_answers(int status)
    {
        await using var harness = await InvenTreeHarness.StartAsync();
        harness.Emulator.Faults.FailNext(status, status);

        var info = await harness.Client.GetServerInfoAsync(Ct);

        Assert.Equal("InvenTree", info.Server);
        Assert.Equal(3, harness.Emulator.RequestCount);
    }

    [Fact]
    public async Task After_the_retry_budget_the_error_says_the_server_kept_failing()
    {
        await using var harness = await InvenTreeHarness.StartAsync(settings: new Dictionary<string, string?> { ["InvenTree:MaxRetries"] = "2" });
        harness.Emulator.Faults.FailureRate = 1.0;

        var error = await Assert.ThrowsAsync<InvenTreeUnreachableException>(() => harness.Client.GetPartAsync(1, Ct));

        Assert.Contains("503", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, harness.Emulator.RequestCount);
    }

    [Fact]
    public async Task A_hanging_server_times_out_per_attempt_and_is_reported_unreachable()
    {
        await using var harness = await InvenTreeHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["InvenTree:RequestTimeout"] = "00:00:00.300",
            ["InvenTree:MaxRetries"] = "1",
        });
        harness.Emulator.Faults.Hang = true;
        using var counting = RequestTally.Begin(out var attempts);

        var error = await Assert.ThrowsAsync<InvenTreeUnreachableException>(() => harness.Client.GetServerInfoAsync(Ct));

        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, attempts.Count); // on the client: on a busy machine the retry can time out before the emulator sees it
    }

    [Fact]
    public async Task Dropped_connections_are_retried_then_reported_unreachable()
    {
        await using var harness = await InvenTreeHarness.StartAsync(settings: new Dictionary<string, string?> { ["InvenTree:MaxRetries"] = "1" });
        harness.Emulator.Faults.DropConnections = true;

        var error = await Assert.ThrowsAsync<InvenTreeUnreachableException>(() => harness.Client.GetServerInfoAsync(Ct));

        Assert.Contains("unreachable", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, harness.Emulator.RequestCount);
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_reported_unreachable()
    {
        await using var harness = await InvenTreeHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["INVENTREE_URL"] = "http://127.0.0.1:9/",
            ["InvenTree:MaxRetries"] = "1",
        });

        var error = await Assert.ThrowsAsync<InvenTreeUnreachableException>(() => harness.Client.GetServerInfoAsync(Ct));

        Assert.Contains("127.0.0.1:9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_never_appears_in_log_output_of_failing_and_succeeding_requests()
    {
        await using var harness = await InvenTreeHarness.StartAsync();
        harness.Emulator.Faults.FailNext(503);
        await harness.Client.GetPartsInBomForAsync((await harness.Client.FindPartsByNameAsync("Master Assembly", Ct))[0].Pk, Ct);
        harness.Emulator.Faults.FailureRate = 1.0;
        await Assert.ThrowsAsync<InvenTreeUnreachableException>(() => harness.Client.GetServerInfoAsync(Ct));

        var logs = harness.AllLogText();
        Assert.NotEmpty(harness.Logs.GetSnapshot());
        Assert.DoesNotContain(harness.Emulator.Token, logs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://inventree.example.com", "https://inventree.example.com/api/")]
    [InlineData("https://inventree.example.com/", "https://inventree.example.com/api/")]
    [InlineData("https://inventree.example.com/api", "https://inventree.example.com/api/")]
    [InlineData("https://inventree.example.com/api/", "https://inventree.example.com/api/")]
    [InlineData("https://example.com/stock/api/", "https://example.com/stock/api/")]
    public void The_api_base_is_accepted_with_or_without_api(string configured, string expected) =>
        Assert.Equal(expected, InvenTreeOptions.NormaliseApiBase(configured).ToString());

    [Fact]
    public async Task Searching_parts_sends_search_with_one_page_limit_and_returns_only_matches()
    {
        await using var harness = await InvenTreeHarness.StartAsync();

        var parts = await harness.Client.SearchPartsAsync("widget assembly", 2, Ct);

        Assert.Equal([110, 111], parts.Select(p => p.Pk));
        Assert.Equal("Compact wall-mount climate logger (template; build a revision)", parts[0].Description);
        var query = Assert.Single(harness.Emulator.Requests).PathAndQuery;
        Assert.Contains("search=widget%20assembly", query, StringComparison.Ordinal);
        Assert.Contains("limit=2", query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_search_asks_nothing_because_it_would_list_every_part(string text)
    {
        await using var harness = await InvenTreeHarness.StartAsync();

        var parts = await harness.Client.SearchPartsAsync(text, 10, Ct);

        Assert.Empty(parts);
        Assert.Empty(harness.Emulator.Requests);
    }

    private static Dictionary<string, string?> Impatient(int maxRetries = 1) => new()
    {
        ["InvenTree:RequestTimeout"] = "00:00:00.300",
        ["InvenTree:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    // Attempts are counted on the client (every attempt that reaches the wire): on a busy machine a retry can time out
    // before the emulator has even seen it, so the emulator's count would be a race.
    [Fact]
    public async Task A_body_that_stalls_after_the_headers_times_out_per_attempt_is_retried_and_reported_with_its_path()
    {
        await using var harness = await InvenTreeHarness.StartAsync(settings: Impatient());
        harness.Emulator.Faults.StallMidBody = true;
        using var counting = RequestTally.Begin(out var attempts);

        var error = await Assert.ThrowsAsync<InvenTreeUnreachableException>(() => harness.Client.GetPartAsync(110, Ct));

        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.Contains("/api/part/110/", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, attempts.Count);
        Assert.Contains(harness.Emulator.Requests, r => r is { PathAndQuery: "/api/part/110/", StatusCode: 200 });
    }

    [Fact]
    public async Task A_body_that_stalls_once_is_retried_and_the_answer_arrives()
    {
        await using var harness = await InvenTreeHarness.StartAsync(settings: Impatient(maxRetries: 3));
        (harness.Emulator.Faults.StallMidBody, harness.Emulator.Faults.FaultedRequestsLeft) = (true, 1);

        var part = await harness.Client.GetPartAsync(110, Ct);

        Assert.Equal("Widget Assembly", part.Name);
        Assert.Equal(0, harness.Emulator.Faults.FaultedRequestsLeft);
    }

    [Fact]
    public async Task A_connection_dropped_mid_body_is_retried_then_reported_unreachable_with_its_path()
    {
        await using var harness = await InvenTreeHarness.StartAsync(settings: new Dictionary<string, string?> { ["InvenTree:MaxRetries"] = "1" });
        harness.Emulator.Faults.DropMidBody = true;

        var error = await Assert.ThrowsAsync<InvenTreeUnreachableException>(() => harness.Client.GetPartAsync(110, Ct));

        Assert.Contains("connection dropped", error.Message, StringComparison.Ordinal);
        Assert.Contains("/api/part/110/", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, harness.Emulator.RequestCount);
    }

    [Fact]
    public async Task A_connection_dropped_mid_body_once_is_retried_and_the_answer_arrives()
    {
        await using var harness = await InvenTreeHarness.StartAsync(settings: new Dictionary<string, string?> { ["InvenTree:MaxRetries"] = "1" });
        (harness.Emulator.Faults.DropMidBody, harness.Emulator.Faults.FaultedRequestsLeft) = (true, 1);

        var suppliers = await harness.Client.GetSuppliersAsync(Ct);

        Assert.NotEmpty(suppliers);
        Assert.Equal(2, harness.Emulator.RequestCount);
    }

    [Fact]
    public async Task Malformed_json_is_reported_with_its_path_without_retrying()
    {
        await using var harness = await InvenTreeHarness.StartAsync();
        harness.Emulator.Faults.MalformedJson = true;

        var error = await Assert.ThrowsAsync<InvenTreeRequestException>(() => harness.Client.GetPartAsync(110, Ct));

        Assert.Contains("malformed JSON for /api/part/110/", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Emulator.RequestCount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_huge_answer_is_refused_at_once_naming_the_endpoint_and_the_limit_without_reading_it_or_retrying(bool withContentLength)
    {
        await using var harness = await InvenTreeHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["InvenTree:MaxResponseBytes"] = "65536",
        });
        // Far more than could be buffered (or read in the test's time): only the cap can end this request.
        harness.Emulator.Faults.HugeBodyBytes = 8L << 30;
        harness.Emulator.Faults.HugeBodyWithoutContentLength = !withContentLength;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        var allocatedBefore = GC.GetTotalAllocatedBytes();

        var error = await Assert.ThrowsAsync<InvenTreeResponseTooLargeException>(() => harness.Client.GetSuppliersAsync(deadline.Token));

        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        Assert.Contains("InvenTree's answer to /api/company/?is_supplier=true&limit=250&offset=0", error.Message, StringComparison.Ordinal);
        Assert.Contains("is larger than the 64 KB limit (InvenTree:MaxResponseBytes)", error.Message, StringComparison.Ordinal);
        Assert.Equal((65536, "/api/company/?is_supplier=true&limit=250&offset=0"), (error.LimitBytes, error.Path));
        Assert.Equal(1, harness.Emulator.RequestCount);
        Assert.True(allocated < 256L << 20, $"{allocated} bytes were allocated while a 64 KB answer was refused");
    }

    [Fact]
    public async Task An_answer_within_the_limit_is_read_whole()
    {
        await using var harness = await InvenTreeHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["InvenTree:MaxResponseBytes"] = "65536",
        });
        harness.Emulator.Faults.HugeBodyBytes = 65536;

        Assert.Empty(await harness.Client.GetSuppliersAsync(Ct));
    }

    [Fact]
    public async Task A_server_that_ignores_offset_is_noticed_on_the_second_page_and_named()
    {
        await using var harness = await InvenTreeHarness.StartAsync(settings: new Dictionary<string, string?> { ["InvenTree:PageSize"] = "5" });
        var parts = await harness.Client.GetPartsInBomForAsync(101, Ct);
        Assert.True(parts.Count > 5, "Master Assembly's BOM takes more than one page of 5");
        harness.Emulator.ResetCounters();
        harness.Emulator.Faults.IgnoreOffset = true;

        var error = await Assert.ThrowsAsync<InvenTreeRequestException>(() => harness.Client.GetPartsInBomForAsync(101, Ct));

        Assert.Equal("InvenTree ignored offset for /api/part/?in_bom_for=101: page 2 repeated page 1.", error.Message);
        Assert.Equal(2, harness.Emulator.RequestCount);
    }
}

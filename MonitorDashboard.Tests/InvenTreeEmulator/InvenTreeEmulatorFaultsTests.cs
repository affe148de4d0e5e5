using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTreeEmulator;

/// <summary>Injected faults over real HTTP, each test with its own emulator on a two-part fixture.</summary>
public sealed class InvenTreeEmulatorFaultsTests : IAsyncLifetime
{
    private EmulatorServer _emulator = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await EmulatorServer.StartAsync(new FixtureJson().Part(1, "Widget").Part(2, "Gadget").Stock(1, 1, 5).Build(),
            cancellationToken: TestContext.Current.CancellationToken);
        _client = EmulatorHttp.CreateClient(_emulator);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> StatusOfAsync(string url)
    {
        using var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        return (int)response.StatusCode;
    }

    [Fact]
    public async Task Latency_delays_every_answer()
    {
        _emulator.Faults.Latency = TimeSpan.FromMilliseconds(300);
        var stopwatch = Stopwatch.StartNew();

        var status = await StatusOfAsync("api/part/1/");

        Assert.Equal(200, status);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Fail_next_scripts_a_sequence_then_behaves_normally()
    {
        _emulator.Faults.FailNext(503, 502, 429);

        int[] statuses = [await StatusOfAsync("api/"), await StatusOfAsync("api/part/"), await StatusOfAsync("api/part/"), await StatusOfAsync("api/part/")];

        Assert.Equal([503, 502, 429, 200], statuses);
    }

    [Fact]
    public async Task A_failure_rate_of_one_fails_every_request_with_the_failure_status()
    {
        _emulator.Faults.FailureRate = 1.0;
        _emulator.Faults.FailureStatus = 500;

        int[] statuses = [await StatusOfAsync("api/"), await StatusOfAsync("api/part/1/"), await StatusOfAsync("api/bom/")];

        Assert.Equal([500, 500, 500], statuses);
        _emulator.Faults.Reset();
        Assert.Equal(200, await StatusOfAsync("api/part/1/"));
    }

    [Fact]
    public async Task A_seeded_failure_rate_fails_some_requests()
    {
        _emulator.Faults.Seed(42);
        _emulator.Faults.FailureRate = 0.5;

        var statuses = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            statuses.Add(await StatusOfAsync("api/"));
        }

        Assert.Contains(503, statuses);
        Assert.Contains(200, statuses);
    }

    [Fact]
    public async Task A_hung_server_makes_the_client_time_out()
    {
        _emulator.Faults.Hang = true;
        using var impatient = EmulatorHttp.CreateClient(_emulator, timeout: TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetAsync("api/", TestContext.Current.CancellationToken));

        _emulator.Faults.Hang = false;
        Assert.Equal(200, await StatusOfAsync("api/"));
        await Poll.UntilAsync(() => _emulator.Requests.Any(r => r.StatusCode == 0), because: "the hung request is logged as unanswered");
    }

    [Fact]
    public async Task A_paused_server_holds_requests_until_it_is_resumed_then_answers_them()
    {
        _emulator.Faults.Paused = true;
        var pending = _client.GetAsync("api/part/1/", TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => _emulator.RequestCount == 1);
        Assert.False(pending.IsCompleted);
        Assert.Empty(_emulator.Requests);

        _emulator.Faults.Paused = false;

        using var response = await pending;
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(200, Assert.Single(_emulator.Requests).StatusCode);
    }

    [Fact]
    public async Task Disposing_releases_hung_requests_promptly()
    {
        _emulator.Faults.Hang = true;
        var pending = _client.GetAsync("api/part/", TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => _emulator.RequestCount == 1);
        var stopwatch = Stopwatch.StartNew();

        await _emulator.DisposeAsync();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(4), $"dispose took {stopwatch.Elapsed}");
        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
    }

    [Fact]
    public async Task Dropped_connections_fail_without_a_response()
    {
        _emulator.Faults.DropConnections = true;

        await Assert.ThrowsAsync<HttpRequestException>(() => _client.GetAsync("api/part/", TestContext.Current.CancellationToken));

        Assert.Equal(new EmulatorRequest("GET", "/api/part/", 0), Assert.Single(_emulator.Requests));
    }

    [Fact]
    public async Task Unauthorized_rejects_the_valid_token_but_not_server_info()
    {
        _emulator.Faults.Unauthorized = true;

        var (status, body, response) = await _client.GetErrorAsync("api/part/");

        Assert.Equal((401, "Invalid token."), (status, body.GetProperty("detail").GetString()));
        Assert.Equal("Token", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal(200, await StatusOfAsync("api/"));
    }

    [Fact]
    public async Task Requests_are_counted_and_logged_with_their_status_until_reset()
    {
        _emulator.Faults.FailNext(503);
        await StatusOfAsync("api/part/?limit=1");
        await StatusOfAsync("api/part/1/");
        await StatusOfAsync("api/nothing/");

        Assert.Equal(3, _emulator.RequestCount);
        Assert.Equal(
            [new EmulatorRequest("GET", "/api/part/?limit=1", 503), new EmulatorRequest("GET", "/api/part/1/", 200),
             new EmulatorRequest("GET", "/api/nothing/", 404)],
            _emulator.Requests);

        _emulator.ResetCounters();

        Assert.Equal((0, 0), (_emulator.RequestCount, _emulator.Requests.Count));
    }

    [Fact]
    public async Task A_path_filter_limits_every_fault_to_requests_that_start_with_it()
    {
        _emulator.Faults.PathFilter = "/api/part/1/";
        _emulator.Faults.FailureRate = 1.0;

        int[] statuses = [await StatusOfAsync("api/"), await StatusOfAsync("api/part/1/"), await StatusOfAsync("api/part/?limit=1"), await StatusOfAsync("api/bom/")];

        Assert.Equal([200, 503, 200, 200], statuses);
    }

    [Fact]
    public async Task A_path_filter_can_name_a_query_and_scripted_failures_wait_for_a_matching_request()
    {
        _emulator.Faults.PathFilter = "/api/part/?active=true";
        _emulator.Faults.FailNext(502);

        int[] statuses = [await StatusOfAsync("api/part/?active=false"), await StatusOfAsync("api/part/?active=true&limit=1"), await StatusOfAsync("api/part/?active=true")];

        Assert.Equal([200, 502, 200], statuses);
    }

    [Fact]
    public async Task Faults_stop_after_the_faulted_requests_left_and_requests_outside_the_filter_use_none()
    {
        _emulator.Faults.PathFilter = "/api/part/";
        _emulator.Faults.FailureRate = 1.0;
        _emulator.Faults.FaultedRequestsLeft = 2;

        int[] statuses = [await StatusOfAsync("api/part/1/"), await StatusOfAsync("api/"), await StatusOfAsync("api/part/1/"), await StatusOfAsync("api/part/1/")];

        Assert.Equal([503, 200, 503, 200], statuses);
        Assert.Equal(0, _emulator.Faults.FaultedRequestsLeft);
    }

    [Fact]
    public async Task The_method_filter_breaks_a_write_but_not_the_reads_of_the_same_path()
    {
        _emulator.Faults.PathFilter = "/api/order/po-line/";
        _emulator.Faults.MethodFilter = "POST";
        _emulator.Faults.FailNext(400);

        var read = await StatusOfAsync("api/order/po-line/");
        using var write = await _client.PostAsync("api/order/po-line/",
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal((200, 400), (read, (int)write.StatusCode));
        Assert.Contains("Emulated failure (400)", await write.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        _emulator.Faults.Reset();
        Assert.Null(_emulator.Faults.MethodFilter);
    }

    [Fact]
    public async Task Unauthorized_honours_the_path_filter()
    {
        _emulator.Faults.PathFilter = "/api/bom/";
        _emulator.Faults.Unauthorized = true;

        Assert.Equal((200, 401), (await StatusOfAsync("api/part/1/"), await StatusOfAsync("api/bom/")));
    }

    [Fact]
    public async Task A_path_filter_must_be_a_path()
    {
        Assert.Throws<ArgumentException>(() => _emulator.Faults.PathFilter = "api/bom/");

        _emulator.Faults.PathFilter = "/api/bom/";
        _emulator.Faults.PathFilter = null;
        _emulator.Faults.Hang = true;
        using var impatient = EmulatorHttp.CreateClient(_emulator, timeout: TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetAsync("api/part/1/", Ct));
    }

    [Fact]
    public async Task A_body_stalled_mid_way_sends_the_headers_and_the_first_half_of_the_json_then_nothing()
    {
        _emulator.Faults.StallMidBody = true;

        using var response = await _client.GetAsync("api/part/1/", HttpCompletionOption.ResponseHeadersRead, Ct);
        var length = (int)response.Content.Headers.ContentLength!.Value;
        await using var body = await response.Content.ReadAsStreamAsync(Ct);
        var received = new byte[length];
        var count = 0;
        while (count < length / 2)
        {
            count += await body.ReadAsync(received.AsMemory(count), Ct);
        }
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await body.ReadExactlyAsync(received.AsMemory(count), patience.Token));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(length / 2, count);
        Assert.StartsWith("{\"pk\":1,", Encoding.UTF8.GetString(received, 0, count), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_releases_requests_stalled_mid_body_promptly()
    {
        _emulator.Faults.StallMidBody = true;
        using var response = await _client.GetAsync("api/part/", HttpCompletionOption.ResponseHeadersRead, Ct);
        var rest = response.Content.ReadAsByteArrayAsync(Ct);
        var stopwatch = Stopwatch.StartNew();

        await _emulator.DisposeAsync();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(4), $"dispose took {stopwatch.Elapsed}");
        await Assert.ThrowsAsync<HttpRequestException>(() => rest);
    }

    [Fact]
    public async Task A_body_dropped_mid_way_ends_the_connection_after_part_of_the_json()
    {
        _emulator.Faults.DropMidBody = true;

        using var response = await _client.GetAsync("api/part/1/", HttpCompletionOption.ResponseHeadersRead, Ct);
        await using var body = await response.Content.ReadAsStreamAsync(Ct);
        using var received = new MemoryStream();

        var error = await Assert.ThrowsAsync<HttpIOException>(() => body.CopyToAsync(received, Ct));

        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(response.Content.Headers.ContentLength / 2, received.Length);
        _emulator.Faults.Reset();
        Assert.Equal(200, await StatusOfAsync("api/part/1/"));
    }

    [Fact]
    public async Task Malformed_json_is_a_200_with_the_first_half_of_the_real_body()
    {
        var whole = await _client.GetStringAsync("api/part/1/", Ct);
        _emulator.Faults.MalformedJson = true;

        using var response = await _client.GetAsync("api/part/1/", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(whole[..(whole.Length / 2)], body);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_huge_body_is_valid_json_of_exactly_the_size_asked_for_with_or_without_a_content_length(bool withContentLength)
    {
        const int size = 300_000;
        _emulator.Faults.HugeBodyBytes = size;
        _emulator.Faults.HugeBodyWithoutContentLength = !withContentLength;

        using var response = await _client.GetAsync("api/part/?limit=5", HttpCompletionOption.ResponseHeadersRead, Ct);
        var announced = response.Content.Headers.ContentLength;
        var chunked = response.Headers.TransferEncodingChunked;
        var body = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(withContentLength ? (size, (bool?)null) : ((long?)null, true), (announced, chunked));
        Assert.Equal(size, body.Length);
        using var page = JsonDocument.Parse(body);
        Assert.Equal(0, page.RootElement.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void A_huge_body_must_hold_at_least_an_empty_page() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _emulator.Faults.HugeBodyBytes = EmulatorFaults.MinimumHugeBodyBytes - 1);

    [Fact]
    public async Task Ignoring_offset_serves_the_first_page_again_with_the_same_count()
    {
        var first = await _client.GetElementAsync("api/part/?limit=1");
        var second = await _client.GetElementAsync("api/part/?limit=1&offset=1");
        _emulator.Faults.IgnoreOffset = true;

        var ignored = await _client.GetElementAsync("api/part/?limit=1&offset=1");

        Assert.NotEqual(first.GetProperty("results").GetRawText(), second.GetProperty("results").GetRawText());
        Assert.Equal(first.GetProperty("results").GetRawText(), ignored.GetProperty("results").GetRawText());
        Assert.Equal(2, ignored.GetProperty("count").GetInt32());
        Assert.Equal("/api/part/?limit=1&offset=1", _emulator.Requests[^1].PathAndQuery);
    }

    [Fact]
    public async Task Reset_clears_every_fault_and_the_path_filter()
    {
        var faults = _emulator.Faults;
        faults.PathFilter = "/api/bom/";
        (faults.StallMidBody, faults.DropMidBody, faults.MalformedJson, faults.IgnoreOffset) = (true, true, true, true);
        (faults.HugeBodyBytes, faults.HugeBodyWithoutContentLength, faults.FaultedRequestsLeft) = (1_000, true, 3);

        faults.Reset();

        Assert.Equal(((string?)null, false, false, false, false, (long?)null, false, (int?)null),
            (faults.PathFilter, faults.StallMidBody, faults.DropMidBody, faults.MalformedJson, faults.IgnoreOffset, faults.HugeBodyBytes,
             faults.HugeBodyWithoutContentLength, faults.FaultedRequestsLeft));
        var page = await _client.GetElementAsync("api/bom/?limit=1");
        Assert.Equal(0, page.GetProperty("count").GetInt32());
    }
}

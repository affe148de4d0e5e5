using System.Diagnostics;
using MonitorDashboard.Demo.Emulator;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Demo.Emulator;

/// <summary>Injected faults over real HTTP, each test with its own emulator on a one-part fixture.</summary>
public sealed class InvenTreeEmulatorFaultsTests : IAsyncLifetime
{
    private InvenTreeEmulator emulator = null!;
    private HttpClient client = null!;

    public async ValueTask InitializeAsync()
    {
        emulator = await InvenTreeEmulator.StartAsync(new FixtureJson().Part(1, "Widget").Stock(1, 1, 5).Build(),
            cancellationToken: TestContext.Current.CancellationToken);
        client = EmulatorHttp.CreateClient(emulator);
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await emulator.DisposeAsync();
    }

    private async Task<int> StatusOf(string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        return (int)response.StatusCode;
    }

    [Fact]
    public async Task Latency_delays_every_answer()
    {
        emulator.Faults.Latency = TimeSpan.FromMilliseconds(300);
        var stopwatch = Stopwatch.StartNew();

        var status = await StatusOf("api/part/1/");

        Assert.Equal(200, status);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Fail_next_scripts_a_sequence_then_behaves_normally()
    {
        emulator.Faults.FailNext(503, 502, 429);

        int[] statuses = [await StatusOf("api/"), await StatusOf("api/part/"), await StatusOf("api/part/"), await StatusOf("api/part/")];

        Assert.Equal([503, 502, 429, 200], statuses);
    }

    [Fact]
    public async Task A_failure_rate_of_one_fails_every_request_with_the_failure_status()
    {
        emulator.Faults.FailureRate = 1.0;
        emulator.Faults.FailureStatus = 500;

        int[] statuses = [await StatusOf("api/"), await StatusOf("api/part/1/"), await StatusOf("api/bom/")];

        Assert.Equal([500, 500, 500], statuses);
        emulator.Faults.Reset();
        Assert.Equal(200, await StatusOf("api/part/1/"));
    }

    [Fact]
    public async Task A_seeded_failure_rate_fails_some_requests()
    {
        emulator.Faults.Seed(42);
        emulator.Faults.FailureRate = 0.5;

        var statuses = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            statuses.Add(await StatusOf("api/"));
        }

        Assert.Contains(503, statuses);
        Assert.Contains(200, statuses);
    }

    [Fact]
    public async Task A_hung_server_makes_the_client_time_out()
    {
        emulator.Faults.Hang = true;
        using var impatient = EmulatorHttp.CreateClient(emulator, timeout: TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetAsync("api/", TestContext.Current.CancellationToken));

        emulator.Faults.Hang = false;
        Assert.Equal(200, await StatusOf("api/"));
        await Poll.UntilAsync(() => emulator.Requests.Any(r => r.StatusCode == 0), because: "the hung request is logged as unanswered");
    }

    [Fact]
    public async Task A_paused_server_holds_requests_until_it_is_resumed_then_answers_them()
    {
        emulator.Faults.Paused = true;
        var pending = client.GetAsync("api/part/1/", TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => emulator.RequestCount == 1);
        Assert.False(pending.IsCompleted);
        Assert.Empty(emulator.Requests);

        emulator.Faults.Paused = false;

        using var response = await pending;
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(200, Assert.Single(emulator.Requests).StatusCode);
    }

    [Fact]
    public async Task Disposing_releases_hung_requests_promptly()
    {
        emulator.Faults.Hang = true;
        var pending = client.GetAsync("api/part/", TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => emulator.RequestCount == 1);
        var stopwatch = Stopwatch.StartNew();

        await emulator.DisposeAsync();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(4), $"dispose took {stopwatch.Elapsed}");
        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
    }

    [Fact]
    public async Task Dropped_connections_fail_without_a_response()
    {
        emulator.Faults.DropConnections = true;

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("api/part/", TestContext.Current.CancellationToken));

        Assert.Equal(new EmulatorRequest("GET", "/api/part/", 0), Assert.Single(emulator.Requests));
    }

    [Fact]
    public async Task Unauthorized_rejects_the_valid_token_but_not_server_info()
    {
        emulator.Faults.Unauthorized = true;

        var (status, body, response) = await client.GetErrorAsync("api/part/");

        Assert.Equal((401, "Invalid token."), (status, body.GetProperty("detail").GetString()));
        Assert.Equal("Token", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal(200, await StatusOf("api/"));
    }

    [Fact]
    public async Task Requests_are_counted_and_logged_with_their_status_until_reset()
    {
        emulator.Faults.FailNext(503);
        await StatusOf("api/part/?limit=1");
        await StatusOf("api/part/1/");
        await StatusOf("api/nothing/");

        Assert.Equal(3, emulator.RequestCount);
        Assert.Equal(
            [new EmulatorRequest("GET", "/api/part/?limit=1", 503), new EmulatorRequest("GET", "/api/part/1/", 200),
             new EmulatorRequest("GET", "/api/nothing/", 404)],
            emulator.Requests);

        emulator.ResetCounters();

        Assert.Equal((0, 0), (emulator.RequestCount, emulator.Requests.Count));
    }
}

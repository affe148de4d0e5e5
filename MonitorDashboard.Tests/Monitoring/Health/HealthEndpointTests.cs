using System.Net;
using System.Text.Json;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.Health;

/// <summary>/healthz of the real app process: JSON with the four checks, 503 when presets.json is broken.</summary>
public sealed class HealthEndpointTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetHealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("healthz", TestContext.Current.CancellationToken);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
        return (response.StatusCode, body);
    }

    /// <summary>Asks until /healthz answers <paramref name="wanted"/>, with a deadline.</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Body)> PollHealthAsync(HttpClient client, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var health = await GetHealthAsync(client);
            if (health.Status == wanted || DateTime.UtcNow > deadline)
            {
                Assert.True(health.Status == wanted, $"/healthz answered {health.Status}: {health.Body}");
                return health;
            }
        }
    }

    private static Dictionary<string, (string Status, string Description)> Checks(JsonElement body) =>
        body.GetProperty("checks").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => (c.GetProperty("status").GetString()!, c.GetProperty("description").GetString() ?? ""));

    [Fact]
    public async Task The_running_app_reports_four_healthy_checks_then_503_when_presets_json_is_broken()
    {
        await using var app = await AppServer.StartAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        // The first scheduler tick comes within a second of start-up.
        var health = await PollHealthAsync(client, HttpStatusCode.OK);
        Assert.Equal("Healthy", health.Body.GetProperty("status").GetString());
        var checks = Checks(health.Body);
        Assert.Equal(["inventree", "presets", "scheduler", "smtp"], checks.Keys.Order());
        Assert.All(checks.Values, c => Assert.Equal("Healthy", c.Status));
        Assert.Contains("demo mode", checks["inventree"].Description, StringComparison.Ordinal);
        Assert.StartsWith("outbox mode: ", checks["smtp"].Description, StringComparison.Ordinal);

        await File.WriteAllTextAsync(app.PresetsPath, "{ \"monitoring_lists\": [", TestContext.Current.CancellationToken);

        // The file watcher reloads it within a couple of seconds.
        var broken = await PollHealthAsync(client, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Unhealthy", broken.Body.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", Checks(broken.Body)["presets"].Status);
        Assert.Contains("line", Checks(broken.Body)["presets"].Description, StringComparison.OrdinalIgnoreCase);
    }
}

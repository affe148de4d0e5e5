using System.Net;
using System.Text.Json;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.Health;

/// <summary>/healthz of the real app process, read by a monitoring system with the token: the four checks, 503 when presets.json is broken.</summary>
[ProcessTests]
public sealed class HealthEndpointTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetHealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("healthz", TestContext.Current.CancellationToken);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
        return (response.StatusCode, body);
    }

    /// <summary>Asks until /healthz answers <paramref name="wanted"/>, with a deadline.</summary>
    private static Task<(HttpStatusCode Status, JsonElement Body)> PollHealthAsync(HttpClient client, HttpStatusCode wanted) =>
        Poll.UntilAsync(() => GetHealthAsync(client), h => h.Status == wanted, TimeSpan.FromSeconds(30),
            h => $"/healthz answered {h.Status}: {h.Body}");

    private static Dictionary<string, (string Status, string Description)> Checks(JsonElement body) =>
        body.GetProperty("checks").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => (c.GetProperty("status").GetString()!, c.GetProperty("description").GetString() ?? ""));

    [Fact]
    public async Task The_running_app_reports_four_healthy_checks_then_503_when_presets_json_is_broken()
    {
        await using var app = await AppServer.StartAsync();
        using var client = app.CreateMonitoringClient();

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

    [Fact]
    public async Task A_health_token_shorter_than_sixteen_characters_stops_the_start_with_the_key_named_and_not_the_token()
    {
        var result = await AppProcess.RunAsync(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string?> { ["Health__Token"] = "tok-9x7q" });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Health:Token: must be at least 16 characters long (it has 8)", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-9x7q", result.StdOut + result.StdErr, StringComparison.Ordinal);
    }
}

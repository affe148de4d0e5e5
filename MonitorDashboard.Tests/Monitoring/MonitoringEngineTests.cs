using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring;

/// <summary>The engine as wired in the real app: Coravel ticks the dispatcher every second, and due lists run.</summary>
[ProcessTests]
public sealed class MonitoringEngineTests
{
    [Fact]
    public async Task The_running_app_ticks_the_scheduler_and_a_due_list_sends_its_report()
    {
        var source = Directory.CreateTempSubdirectory("md-engine-");
        var presets = Path.Combine(source.FullName, "presets.json");
        await File.WriteAllTextAsync(presets, """
            { "presets": [], "monitoring_lists": [ {
                "id": "2d7f6a54-6a7e-4c21-9d55-3f6f1b2c9e01", "name": "Every two seconds",
                "parts": [ { "name": "Resistor 10k 0603", "quantity": 10 } ],
                "cron_schedule": "*/2 * * * * *", "timezone": "UTC",
                "recipients": ["planning@example.com"], "notify_condition": "always" } ] }
            """, TestContext.Current.CancellationToken);

        // Demo mode (the embedded emulator) and the outbox; the minimum interval lowered so a test need not wait minutes.
        await using var app = await AppServer.StartAsync(new Dictionary<string, string?> { ["Monitoring__MinimumInterval"] = "00:00:01" }, presets);
        source.Delete(recursive: true);

        await Poll.UntilAsync(() => Directory.Exists(app.OutboxFolder) && Directory.GetFiles(app.OutboxFolder, "*.eml").Length > 0,
            TimeSpan.FromSeconds(20), "a scheduled run writes its report to the outbox");
    }
}

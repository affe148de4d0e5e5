using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Cli.Monitor;

/// <summary>
/// <c>MonitorDashboard monitor run &lt;id&gt;</c> as its own process, configured only by environment variables, against
/// the emulator and a real SMTP server with STARTTLS and AUTH; what it records is what the dashboard reads.
/// </summary>
[ProcessTests]
public sealed class MonitorRunProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<ProcessResult> RunAsync(EngineHarness engine, params string[] args) =>
        AppProcess.RunAsync(["monitor", "run", .. args],
            engine.Settings.ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value),
            engine.Folder);

    [Fact]
    public async Task Dry_run_prints_the_report_and_changes_nothing_then_a_real_run_delivers_and_records_it_for_the_dashboard()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()));
        var presetsBefore = await File.ReadAllBytesAsync(engine.PresetsPath, Ct);

        var dry = await RunAsync(engine, EngineLists.ProductionId, "--dry-run");

        Assert.True(dry.ExitCode == 0, dry.StdErr);
        Assert.Contains($"Subject: {EngineLists.ProductionSubject} — changed", dry.StdOut, StringComparison.Ordinal);
        Assert.Contains("PARTS TO ORDER (19)", dry.StdOut, StringComparison.Ordinal);
        Assert.Empty(engine.Smtp.Messages);
        Assert.Equal(presetsBefore, await File.ReadAllBytesAsync(engine.PresetsPath, Ct));
        Assert.Equal(0, await engine.History.CountAsync(EngineLists.ProductionId, Ct));

        var real = await RunAsync(engine, EngineLists.ProductionId[..8]);

        Assert.True(real.ExitCode == 0, real.StdErr);
        Assert.Contains("Production plan: shortages — report sent to 1 recipient", real.StdOut, StringComparison.Ordinal);
        var received = Assert.Single(engine.Smtp.Messages);
        Assert.Equal(1, engine.Smtp.AuthAttempts);
        Assert.Equal([EngineHarness.Planner], received.EnvelopeTo);
        Assert.Equal(EngineLists.ProductionSubject + " — changed", received.Message.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(received.Message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Contains("PARTS TO ORDER (19)", ((TextPart)alternative[0]).Text, StringComparison.Ordinal);
        Assert.Contains("Internal Wiring Harness", ((TextPart)alternative[1]).Text, StringComparison.Ordinal);

        // The dashboard's services see the CLI's run: in the history, in last_hash, and in the state on the next tick.
        var recorded = (await engine.History.LatestAsync(EngineLists.ProductionId, Ct))!;
        Assert.Equal((RunTrigger.Cli, RunOutcome.Shortages), (recorded.Trigger, recorded.Outcome));
        Assert.Equal(recorded.Hash, engine.LastHashOnDisk(EngineLists.ProductionId));
        await engine.Services.GetRequiredService<MonitoringEngine>().TickAsync();
        Assert.Equal(recorded.RunId, engine.State.Find(EngineLists.ProductionId)!.LastRun?.RunId);

        var json = await RunAsync(engine, EngineLists.ProductionId, "--json");

        Assert.True(json.ExitCode == 0, json.StdErr);
        using var parsed = JsonDocument.Parse(json.StdOut);
        Assert.Equal("skipped_unchanged", parsed.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(recorded.Hash, parsed.RootElement.GetProperty("hash").GetString());
        Assert.Equal(19, parsed.RootElement.GetProperty("counts").GetProperty("to_order").GetInt32());
        Assert.Single(engine.Smtp.Messages);
        Assert.Equal(2, await engine.History.CountAsync(EngineLists.ProductionId, Ct));
    }

    [Fact]
    public async Task An_unknown_id_exits_1_with_one_line()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()));

        var result = await RunAsync(engine, "ffffffff-0000-0000-0000-000000000000");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ffffffff-0000-0000-0000-000000000000", result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Empty(engine.Smtp.Messages);
    }
}

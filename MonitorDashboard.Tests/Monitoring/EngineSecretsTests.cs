using System.Text;
using Microsoft.Extensions.Logging;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring;

/// <summary>
/// Secrets (INVENTREE_API_TOKEN, EMAIL_PASSWORD) never appear in a log record — message, structured values or
/// exception — nor in what the history, the dashboard state or the admins' notices show, whether the run succeeds or
/// fails in any of the ways that tempt code to print a request or a credential.
/// </summary>
public sealed class EngineSecretsTests
{
    private const string WrongToken = "inv-wrong-token-3d9a61e0c7";
    private const string WrongPassword = "Wrong-Smtp-Pa55word-4b2e";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IEnumerable<string> Secrets() =>
    [
        EngineHarness.InvenTreeToken,
        EngineHarness.SmtpPassword,
        WrongToken,
        WrongPassword,
        // What AUTH PLAIN / LOGIN put on the wire, should a protocol log ever be switched on.
        Convert.ToBase64String(Encoding.UTF8.GetBytes(EngineHarness.SmtpPassword)),
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{EngineHarness.SmtpUser}\0{EngineHarness.SmtpPassword}")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{EngineHarness.SmtpUser}\0{WrongPassword}")),
    ];

    [Fact]
    public async Task Neither_the_InvenTree_token_nor_the_SMTP_password_appears_in_logs_history_state_or_notices()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()));
        var outcomes = new List<RunOutcome>();

        outcomes.Add((await engine.RunAsync(EngineLists.ProductionId)).Run!.Summary.Outcome);
        engine.Emulator.Faults.Unauthorized = true;
        outcomes.Add((await engine.RunAsync(EngineLists.ProductionId)).Run!.Summary.Outcome);
        engine.Emulator.Faults.Reset();
        engine.Emulator.Faults.DropConnections = true;
        outcomes.Add((await engine.RunAsync(EngineLists.ProductionId)).Run!.Summary.Outcome);
        engine.Emulator.Faults.Reset();
        var statesSeen = engine.State.RecentErrors.Select(e => e.Message).Append(engine.State.Find(EngineLists.ProductionId)?.LastError).ToList();

        // A token InvenTree refuses, then a password the SMTP server refuses.
        engine.Settings["INVENTREE_API_TOKEN"] = WrongToken;
        await engine.RestartAsync();
        outcomes.Add((await engine.RunAsync(EngineLists.ProductionId)).Run!.Summary.Outcome);
        engine.Settings["INVENTREE_API_TOKEN"] = EngineHarness.InvenTreeToken;
        engine.Settings["EMAIL_PASSWORD"] = WrongPassword;
        engine.Emulator.Data.RemoveStockItem(Assert.Single(engine.Emulator.Data.StockItemPks(190)));
        await engine.RestartAsync();
        outcomes.Add((await engine.RunAsync(EngineLists.ProductionId)).Run!.Summary.Outcome);
        statesSeen.AddRange(engine.State.RecentErrors.Select(e => e.Message).Append(engine.State.Find(EngineLists.ProductionId)?.LastError));

        Assert.Equal([RunOutcome.Shortages, RunOutcome.Failed, RunOutcome.Failed, RunOutcome.Failed, RunOutcome.EmailFailed], outcomes);
        Assert.True(engine.Smtp.AuthAttempts >= 1, "the wrong password must have been tried");
        var logs = engine.AllLogText();
        // The capture works: down to Debug, where every InvenTree request is logged.
        Assert.Contains(engine.AllLogs(), r => r.Level == LogLevel.Debug && r.Message.StartsWith("InvenTree GET ", StringComparison.Ordinal));
        Assert.Contains("401", logs, StringComparison.Ordinal);
        Assert.Contains("535", logs, StringComparison.Ordinal);

        var history = await engine.History.ListAsync(EngineLists.ProductionId, 0, 50, Ct);
        var stored = new List<string?>();
        foreach (var summary in history)
        {
            var run = await engine.History.GetAsync(summary.RunId, Ct);
            stored.AddRange([summary.Error, run?.Delivery?.Error, run?.Email?.TextBody, run?.Email?.HtmlBody]);
        }
        var notices = engine.Smtp.Messages.Select(m => m.Message.TextBody + m.Message.HtmlBody);
        var everything = string.Join("\n", [logs, .. stored, .. statesSeen, .. notices]);
        Assert.All(Secrets(), secret => Assert.DoesNotContain(secret, everything, StringComparison.Ordinal));
    }
}

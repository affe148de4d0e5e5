using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Email;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Notices;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Tests.Email.Smtp;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.FaultMatrix;

/// <summary>
/// Issue 9, fault matrix, SMTP rows: the engine as the app builds it (emulator over HTTP, presets.json and the history
/// on disk) against a scripted SMTP server (STARTTLS + AUTH) that stalls, answers 4xx or 5xx, hangs up in the middle
/// of DATA, breaks TLS or refuses AUTH. Each row is judged by what a user would notice: the run's message and the
/// list's status, what the history keeps, what reaches the admins (their notice goes through the same broken server),
/// and what is lost — nothing: <c>last_hash</c> waits until a report is accepted, so the report goes out once the
/// server heals, and only once.
/// </summary>
public sealed class SmtpFaultTests
{
    private const string ListId = EngineLists.ProductionId;
    private const string ReportSubject = "[MonitorDashboard] Production plan: 19 to order, 9 to build, 4 critical — changed";
    private const string DeliveryFailingSubject = "[MonitorDashboard] Email delivery failing: Production plan";
    private const string DeliveryRecoveredSubject = "[MonitorDashboard] Email delivery recovered: Production plan";
    private static readonly DateTimeOffset Morning = new(2026, 11, 26, 6, 59, 50, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Endpoint(EngineHarness engine) => $"127.0.0.1:{engine.SmtpPort}";

    private static Task<EngineHarness> StartAsync(TimeProvider? time = null, IDictionary<string, string?>? settings = null) =>
        EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()), time, settings);

    /// <summary>
    /// The session deadline runs on a fake clock, moved only once the server is stuck at the stage, so where the
    /// session ends never depends on the machine's load. MailKit's per-operation timeout (Email:Timeout, real
    /// time) is as long as the session's, so it never ends a session first.
    /// </summary>
    private static readonly Dictionary<string, string?> StallSettings = new()
    {
        ["Email:Timeout"] = "00:01:00",
        ["Email:SessionTimeout"] = "00:01:00",
        ["Email:SendTimeout"] = "00:03:00",
    };

    public static TheoryData<SmtpFault, ScriptedStage, string> Stalls => new()
    {
        { SmtpFault.StallAfterGreeting, ScriptedStage.Ehlo, "stalled after its greeting, at EHLO" },
        { SmtpFault.StallInData, ScriptedStage.DataEnd, "stalled while sending the message data" },
    };

    [Theory]
    [MemberData(nameof(Stalls))]
    public async Task A_stalling_server_ends_each_session_at_its_deadline_and_the_report_goes_out_once_it_heals(
        SmtpFault fault, ScriptedStage stalledAt, string stalled)
    {
        var time = new FakeTimeProvider(Morning);
        await using var engine = await StartAsync(time, StallSettings);
        await using var server = await engine.StartScriptedSmtpAsync(fault);
        var clock = new StalledSmtpClock(time, server, stalledAt, TimeSpan.FromMinutes(1));

        var failed = await WhileBrokenAsync(engine, server, () => clock.DriveAsync(engine.RunAsync(ListId)));

        Assert.All(failed, r => Assert.Equal($"SMTP server {Endpoint(engine)} did not finish the session within 1 min ({stalled}) (after 2 attempts)", r.Error));
        // Per run: the report's two sessions and the notice's two, each ended at its deadline.
        Assert.Equal((8, 8), (server.Count(stalledAt), clock.Handled));
        await AfterHealingAsync(engine, server);
    }

    [Fact]
    public async Task A_451_is_retried_then_the_run_is_email_failed_and_the_report_goes_out_once_the_server_heals()
    {
        await using var engine = await StartAsync();
        await using var server = await engine.StartScriptedSmtpAsync(SmtpFault.TempFailAfterData);

        var failed = await WhileBrokenAsync(engine, server, () => engine.RunAsync(ListId));

        Assert.All(failed, r => Assert.Equal($"SMTP server {Endpoint(engine)} answered 451 4.3.0 Temporary local problem, try again later (after 2 attempts)", r.Error));
        // Email:MaxRetries is 1 here: per run, two attempts of the report and two of the notice.
        Assert.Equal(8, server.Count(ScriptedStage.DataEnd));
        await AfterHealingAsync(engine, server);
    }

    [Fact]
    public async Task A_451_that_clears_before_the_retry_is_delivered_by_the_same_run_and_nothing_is_reported_as_failing()
    {
        await using var engine = await StartAsync();
        await using var server = await engine.StartScriptedSmtpAsync();
        server.FaultNext(SmtpFault.TempFailAfterData, sessions: 1);

        var outcome = await engine.RunAsync(ListId);

        var run = outcome.Run!;
        Assert.Equal((RunOutcome.Shortages, DeliveryOutcome.Sent, null), (run.Summary.Outcome, run.Summary.EmailOutcome, run.Summary.Error));
        Assert.Equal("report sent to 1 recipient", outcome.Message);
        Assert.Equal(2, run.Delivery!.Attempts);
        Assert.Equal(ReportSubject, Assert.Single(server.Messages).Message.Subject);
        Assert.Equal(run.Summary.Hash, engine.LastHashOnDisk(ListId));
        var view = engine.State.Find(ListId)!;
        Assert.Equal((ListStatus.Shortages, null), (view.Status, view.LastError));
        Assert.Empty(server.MessagesTo(EngineHarness.Admin));
        // The first attempt's 451 is in the log, as a warning that says it will be retried.
        Assert.Contains(engine.AllLogs(), r => r.Level == LogLevel.Warning
            && r.Message.Contains($"{Endpoint(engine)} failed (transient): SMTP server {Endpoint(engine)} answered 451", StringComparison.Ordinal));
        Assert.Equal(RunOutcome.SkippedUnchanged, (await engine.RunAsync(ListId)).Run!.Summary.Outcome);
        Assert.Single(server.Messages);
        AssertNoSecret(engine, [outcome]);
    }

    [Fact]
    public async Task A_554_is_not_retried_the_run_is_email_failed_and_the_report_goes_out_once_the_server_heals()
    {
        await using var engine = await StartAsync();
        await using var server = await engine.StartScriptedSmtpAsync(SmtpFault.RejectAfterData);

        var failed = await WhileBrokenAsync(engine, server, () => engine.RunAsync(ListId));

        Assert.All(failed, r => Assert.Equal($"SMTP server {Endpoint(engine)} answered 554 5.6.0 Message rejected by policy", r.Error));
        // One attempt of the report and one of the notice per run: a 5xx is final.
        Assert.Equal(4, server.Count(ScriptedStage.DataEnd));
        await AfterHealingAsync(engine, server);
    }

    [Fact]
    public async Task When_only_the_report_is_refused_the_admins_are_told_once_per_streak_not_once_per_run()
    {
        await using var engine = await StartAsync();
        await using var server = await engine.StartScriptedSmtpAsync();

        // A content filter refuses the report; the short notice after it gets through.
        server.FaultNext(SmtpFault.RejectAfterData, sessions: 1);
        var first = (await engine.RunAsync(ListId)).Run!.Summary;
        server.FaultNext(SmtpFault.RejectAfterData, sessions: 1);
        var second = (await engine.RunAsync(ListId)).Run!.Summary;

        Assert.Equal((RunOutcome.EmailFailed, RunOutcome.EmailFailed), (first.Outcome, second.Outcome));
        var notice = Assert.Single(server.MessagesTo(EngineHarness.Admin)).Message;
        Assert.Equal(DeliveryFailingSubject, notice.Subject);
        Assert.Contains($"Error: SMTP server {Endpoint(engine)} answered 554 5.6.0 Message rejected by policy", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains(EngineHarness.Planner, notice.TextBody, StringComparison.Ordinal);
        Assert.True((await engine.History.GetStateAsync(ListId, Ct))!.DeliveryFailureNoticeSent);
        Assert.Null(engine.LastHashOnDisk(ListId));

        var sent = (await engine.RunAsync(ListId)).Run!.Summary;
        Assert.Equal((RunOutcome.Shortages, DeliveryOutcome.Sent), (sent.Outcome, sent.EmailOutcome));
        Assert.False((await engine.History.GetStateAsync(ListId, Ct))!.DeliveryFailureNoticeSent);
        var recovered = server.MessagesTo(EngineHarness.Admin)[^1].Message;
        Assert.Equal(DeliveryRecoveredSubject, recovered.Subject);
        Assert.DoesNotContain("You were not told", recovered.TextBody, StringComparison.Ordinal);

        // A new streak (the report changed, and is refused again) is told again.
        EngineEndToEndTests.EmptyTheWiringHarnessShelf(engine);
        server.FaultNext(SmtpFault.RejectAfterData, sessions: 1);
        Assert.Equal(RunOutcome.EmailFailed, (await engine.RunAsync(ListId)).Run!.Summary.Outcome);

        Assert.Equal([DeliveryFailingSubject, DeliveryRecoveredSubject, DeliveryFailingSubject], server.MessagesTo(EngineHarness.Admin).Select(m => m.Message.Subject));
        Assert.Equal([ReportSubject], server.MessagesTo(EngineHarness.Planner).Select(m => m.Message.Subject));
        Assert.Equal(sent.Hash, engine.LastHashOnDisk(ListId));
    }

    [Fact]
    public async Task A_connection_dropped_in_the_middle_of_DATA_is_retried_then_the_run_is_email_failed_and_nothing_is_half_delivered()
    {
        await using var engine = await StartAsync();
        await using var server = await engine.StartScriptedSmtpAsync(SmtpFault.DropInData);

        var failed = await WhileBrokenAsync(engine, server, () => engine.RunAsync(ListId));

        // MailKit sees the hang-up as a broken pipe, a reset or a missing reply, as timing has it: each is named as the
        // connection failing (never "could not reach"), and retried.
        var endpoint = Regex.Escape(Endpoint(engine));
        Assert.All(failed, r => Assert.Matches(
            $@"^(SMTP server {endpoint} (broke the protocol or )?closed the connection: .+|the connection to SMTP server {endpoint} (was lost|failed: .+)) \(after 2 attempts\)$",
            r.Error));
        Assert.Equal((8, 0), (server.Count(ScriptedStage.Data), server.Count(ScriptedStage.DataEnd)));
        await AfterHealingAsync(engine, server);
    }

    public static TheoryData<SmtpFault, string> TlsFailures => new()
    {
        { SmtpFault.BrokenTls, "TLS handshake with {0} failed: " },
        { SmtpFault.UntrustedCertificate, "certificate of {0} not trusted: CN=localhost" },
    };

    [Theory]
    [MemberData(nameof(TlsFailures))]
    public async Task A_failed_TLS_handshake_is_not_retried_the_password_is_never_sent_and_the_report_goes_out_once_TLS_works(
        SmtpFault fault, string errorStart)
    {
        await using var engine = await StartAsync();
        await using var server = await engine.StartScriptedSmtpAsync(fault);
        // Made now: an RSA key made during the handshake can outlast Email:Timeout on a busy machine.
        Assert.NotNull(server.UntrustedCertificate);

        var failed = await WhileBrokenAsync(engine, server, () => engine.RunAsync(ListId));

        Assert.All(failed, r => Assert.StartsWith(string.Format(CultureInfo.InvariantCulture, errorStart, Endpoint(engine)), r.Error, StringComparison.Ordinal));
        // One session for the report and one for the notice per run; none got as far as AUTH.
        Assert.Equal((4, 0), (server.Count(ScriptedStage.TlsStarting), server.AuthAttempts));
        await AfterHealingAsync(engine, server);
    }

    [Fact]
    public async Task A_refused_AUTH_is_not_retried_the_password_the_server_echoed_is_not_repeated_and_the_report_goes_out_once_AUTH_works()
    {
        await using var engine = await StartAsync();
        await using var server = await engine.StartScriptedSmtpAsync(SmtpFault.RejectAuth);

        var failed = await WhileBrokenAsync(engine, server, () => engine.RunAsync(ListId));

        Assert.All(failed, r =>
        {
            Assert.StartsWith($"SMTP authentication failed for user {EngineHarness.SmtpUser} at {Endpoint(engine)} (", r.Error, StringComparison.Ordinal);
            // The server quoted the AUTH PLAIN response (user and password in base64); the error shows *** instead.
            Assert.Contains("***", r.Error, StringComparison.Ordinal);
        });
        // Not retried (a wrong password tried again counts against the account's lockout): per run, one AUTH for the
        // report and one for the notice.
        Assert.Equal((4, 0), (server.AuthAttempts, server.Count(ScriptedStage.MailFrom)));
        await AfterHealingAsync(engine, server);
    }

    [Fact]
    public async Task A_stalled_server_delays_neither_a_tick_with_a_notice_to_send_nor_the_start_of_other_lists_checks()
    {
        var time = new FakeTimeProvider(Morning);
        var boards = EngineLists.SensorBoards();
        boards["cron_schedule"] = "1 7 * * *";
        var broken = EngineLists.Production();
        broken["id"] = "5b0e6a1c-7d2f-4e38-9a41-0c6d2b8e1f03";
        broken["name"] = "Broken schedule";
        broken["cron_schedule"] = "every morning";
        // Email:Timeout (real time) as long as the session's deadline (fake time): only the test's clock ends a session.
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production("0 7 * * *"), boards, broken), time,
            new Dictionary<string, string?> { ["Email:Timeout"] = "00:02:00", ["Email:SendTimeout"] = "00:04:00" });
        await using var server = await engine.StartScriptedSmtpAsync(SmtpFault.StallInData);
        var queue = engine.Services.GetRequiredService<AdminNoticeQueue>();
        var deadline = TimeSpan.FromSeconds(30);

        // 06:59:50: the invalid list makes the tick queue a notice; the tick does not wait for it to be sent.
        var quiet = await engine.Dispatcher.TickAsync(Ct).WaitAsync(deadline, Ct);
        Assert.Empty(quiet.Started);
        await server.ReachedAsync(ScriptedStage.DataEnd);
        Assert.Equal(1, queue.Pending);

        // 07:00: the production plan starts on time; its report stalls too.
        time.SetUtcNow(Morning.AddSeconds(10));
        var production = Assert.Single((await engine.Dispatcher.TickAsync(Ct).WaitAsync(deadline, Ct)).Started);
        await server.ReachedAsync(ScriptedStage.DataEnd, 2);

        // 07:01: with a notice and a report stuck in the server for a minute, the sensor boards start on time.
        time.SetUtcNow(Morning.AddSeconds(70));
        var sensors = Assert.Single((await engine.Dispatcher.TickAsync(Ct).WaitAsync(deadline, Ct)).Started);
        await server.ReachedAsync(ScriptedStage.DataEnd, 3);
        Assert.False(production.IsCompleted);
        Assert.Equal(0, server.MessagesAccepted);

        // The server heals: each stalled session ends at its 2 min deadline and its retry delivers.
        server.Heal();
        var clock = new StalledSmtpClock(time, server, ScriptedStage.DataEnd, TimeSpan.FromMinutes(2));
        clock.Skip(3);
        time.Advance(TimeSpan.FromMinutes(2));
        var done = await clock.StepThroughBackoffAsync(Task.WhenAll(production, sensors));
        await engine.NoticesSentAsync();

        var (productionRun, sensorsRun) = (done[0].Run!.Summary, done[1].Run!.Summary);
        Assert.Equal((RunTrigger.Schedule, Morning.AddSeconds(10), Morning.AddSeconds(10)),
            (productionRun.Trigger, productionRun.ScheduledFor, productionRun.StartedAt));
        Assert.Equal((RunTrigger.Schedule, Morning.AddSeconds(70), Morning.AddSeconds(70)),
            (sensorsRun.Trigger, sensorsRun.ScheduledFor, sensorsRun.StartedAt));
        Assert.All(done, o => Assert.Equal((DeliveryOutcome.Sent, 2), (o.Run!.Summary.EmailOutcome, o.Run.Delivery!.Attempts)));
        Assert.Equal(
            ["[MonitorDashboard] List invalid: Broken schedule", ReportSubject, "[MonitorDashboard] Sensor boards, daily: 0 to order, 1 to build — changed"],
            server.Messages.Select(m => m.Message.Subject).Order(StringComparer.Ordinal));
    }

    /// <summary>Two runs while the server is broken, and what a user, the history and the admins see after them.</summary>
    /// <returns>The two failed runs; their errors are for the row to judge.</returns>
    private static async Task<IReadOnlyList<RunSummary>> WhileBrokenAsync(EngineHarness engine, ScriptedSmtpServer server, Func<Task<CheckOutcome>> run)
    {
        CheckOutcome[] outcomes = [await run(), await run()];

        var runs = outcomes.Select(o => o.Run!.Summary).ToList();
        Assert.All(outcomes, o =>
        {
            var s = o.Run!.Summary;
            Assert.Equal((RunOutcome.EmailFailed, DeliveryOutcome.Failed), (s.Outcome, s.EmailOutcome));
            Assert.Contains(Endpoint(engine), s.Error, StringComparison.Ordinal);
            // What "Run now" shows in its snackbar and monitor run prints.
            Assert.Equal($"report could not be sent: {s.Error}", o.Message);
        });

        // The dashboard: the list is marked, with the reason.
        var view = engine.State.Find(ListId)!;
        Assert.Equal((ListStatus.EmailFailed, runs[1].Error), (view.Status, view.LastError));

        // The history keeps each run with what it calculated and the report it could not send.
        foreach (var summary in runs)
        {
            var kept = (await engine.History.GetAsync(summary.RunId, Ct))!;
            Assert.Equal((RunOutcome.EmailFailed, summary.Error, true), (kept.Summary.Outcome, kept.Summary.Error, kept.Summary.Changed));
            Assert.Equal(19, kept.Result!.PartsToOrder.Count);
            Assert.Equal(ReportSubject, kept.Email!.Subject);
            Assert.Equal(DeliveryOutcome.Failed, kept.Delivery!.Outcome);
        }
        Assert.Equal(2, await engine.History.CountAsync(ListId, Ct));

        // The admins: their notice went through the same server after each run, failed the same way, and is logged;
        // no email reached anyone, and the streak is not marked as told.
        var notTold = engine.AllLogs().Where(r => r.Message.StartsWith($"Admin notice DeliveryFailingNotice for list {ListId} could not be delivered: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, notTold.Count);
        Assert.All(notTold, r => Assert.Contains(Endpoint(engine), r.Message, StringComparison.Ordinal));
        Assert.Empty(server.Messages);
        Assert.False((await engine.History.GetStateAsync(ListId, Ct))?.DeliveryFailureNoticeSent ?? false);

        // Nothing lost: last_hash is not written, so the report is still owed.
        Assert.Null(engine.LastHashOnDisk(ListId));
        AssertNoSecret(engine, outcomes);
        return runs;
    }

    /// <summary>The server heals: the next run sends the report once and writes last_hash, the run after it sends nothing.</summary>
    private static async Task AfterHealingAsync(EngineHarness engine, ScriptedSmtpServer server)
    {
        server.Heal();

        var sent = await engine.RunAsync(ListId);
        var quiet = await engine.RunAsync(ListId);

        var run = sent.Run!.Summary;
        Assert.Equal((RunOutcome.Shortages, DeliveryOutcome.Sent, true), (run.Outcome, run.EmailOutcome, run.Changed));
        Assert.Equal("report sent to 1 recipient", sent.Message);
        var report = Assert.Single(server.MessagesTo(EngineHarness.Planner));
        Assert.Equal(ReportSubject, report.Message.Subject);
        // No report ever reached the planner before, and the email says so.
        Assert.Contains("This is the first report for this list", report.Message.TextBody, StringComparison.Ordinal);
        Assert.Equal(run.Hash, engine.LastHashOnDisk(ListId));
        var view = engine.State.Find(ListId)!;
        Assert.Equal((ListStatus.Shortages, null), (view.Status, view.LastError));

        Assert.Equal(RunOutcome.SkippedUnchanged, quiet.Run!.Summary.Outcome);
        Assert.Single(server.MessagesTo(EngineHarness.Planner));
        // The "failing" notice could never get through the same server; once it works, the admins hear of the whole
        // streak in one "recovered" notice that says they could not be told before.
        var recovered = Assert.Single(server.MessagesTo(EngineHarness.Admin)).Message;
        Assert.Equal(DeliveryRecoveredSubject, recovered.Subject);
        Assert.Contains("You were not told when delivery started failing", recovered.TextBody, StringComparison.Ordinal);
        Assert.False((await engine.History.GetStateAsync(ListId, Ct))?.DeliveryFailureNoticeSent ?? false);
        Assert.Equal(
            [RunOutcome.SkippedUnchanged, RunOutcome.Shortages, RunOutcome.EmailFailed, RunOutcome.EmailFailed],
            (await engine.History.ListAsync(ListId, 0, 10, Ct)).Select(r => r.Outcome));
        AssertNoSecret(engine, [sent, quiet]);
    }

    /// <summary>The password, and what AUTH PLAIN puts on the wire, in no log line, run message, history error or email.</summary>
    private static void AssertNoSecret(EngineHarness engine, IEnumerable<CheckOutcome> outcomes)
    {
        string[] secrets =
        [
            EngineHarness.SmtpPassword,
            Convert.ToBase64String(Encoding.UTF8.GetBytes(EngineHarness.SmtpPassword)),
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{EngineHarness.SmtpUser}\0{EngineHarness.SmtpPassword}")),
        ];
        var seen = new List<string?> { engine.AllLogText(), engine.State.Find(ListId)?.LastError };
        foreach (var outcome in outcomes)
        {
            seen.Add(outcome.Message);
            seen.Add(outcome.Run?.Summary.Error);
            seen.Add(outcome.Run?.Email?.TextBody);
        }
        foreach (var secret in secrets)
        {
            Assert.All(seen, text => Assert.DoesNotContain(secret, text ?? "", StringComparison.Ordinal));
        }
    }
}

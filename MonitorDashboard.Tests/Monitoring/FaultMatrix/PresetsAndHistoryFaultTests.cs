using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using MonitorDashboard.Email;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.Health;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Presets;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.FaultMatrix;

/// <summary>
/// The fault matrix rows for presets.json (read-only, deleted, emptied, malformed, rewritten by the Python tool without
/// its monitoring lists, changed by another process during a save or a run) and for the history database locked by
/// another process: with the engine as the app builds it over files on disk, a real InvenTree emulator and a real SMTP
/// server, and the app as a process where /healthz and the file watcher matter. Each test asserts what a user would
/// notice: what the dashboard shows, what the history records, what the admins get, and that nothing is lost.
/// </summary>
[ProcessTests]
public sealed class PresetsAndHistoryFaultTests
{
    private const string ProductionId = EngineLists.ProductionId;
    private const string SensorsId = EngineLists.AlwaysId;
    private const string NoticePrefix = "[MonitorDashboard] ";
    private const string PresetsUnreadable = NoticePrefix + "Presets file unreadable: presets.json";
    private const string ListsRestored = NoticePrefix + "Monitoring lists restored in presets.json";
    private const string HistoryNotWritten = NoticePrefix + "Run history cannot be written";
    private const string Conflict = "presets.json was changed by someone else since it was loaded; reload and try again";

    /// <summary>Before the lists' first due time of the day (sensor boards 06:00, production plan 07:00).</summary>
    private static readonly DateTimeOffset Morning = new(2026, 11, 26, 5, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SensorsDue = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ProductionDue = new(2026, 11, 26, 7, 0, 0, TimeSpan.Zero);

    /// <summary>Generous: processes on a 2-core machine shared with other test runs.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<string?> AdminSubjects(EngineHarness engine) =>
        [.. engine.MessagesTo(EngineHarness.Admin).Select(m => m.Message.Subject)];

    private static string ListsFile() => EngineLists.File(EngineLists.Production(), EngineLists.SensorBoards());

    // Row: presets.json read-only.
    [Fact]
    public async Task Presets_folder_read_only_the_report_goes_out_once_and_its_last_hash_is_kept_until_it_can_be_written()
    {
        await using var engine = await EngineHarness.StartAsync(
            EngineLists.File(EngineLists.Production(), EngineLists.SensorBoards(NotifyConditions.OnChange)));
        var original = JsonNode.Parse(await File.ReadAllTextAsync(engine.PresetsPath, Ct))!;
        using var readOnly = UnwritableFolder.Make(engine.Folder);

        var sent = await engine.RunAsync(ProductionId);
        var sensors = await engine.RunAsync(SensorsId);

        // The user sees: the report went out, the hash did not stick, and why.
        var run = sent.Run!.Summary;
        Assert.Equal((RunOutcome.SentHashNotSaved, DeliveryOutcome.Sent), (run.Outcome, run.EmailOutcome));
        Assert.StartsWith("report sent to 1 recipient, but last_hash could not be saved to presets.json (", sent.Message, StringComparison.Ordinal);
        Assert.Contains("presets.json", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("it is kept in the run history, so the same report is not sent again, and written to presets.json once it can be",
            run.Error, StringComparison.Ordinal);
        Assert.Equal(RunOutcome.SentHashNotSaved, sensors.Run!.Summary.Outcome);
        var view = engine.State.Find(ProductionId)!;
        Assert.Equal((ListStatus.Shortages, run.Error, run.RunId), (view.Status, view.LastError, view.LastRun?.RunId));
        Assert.Equal(EngineLists.ProductionSubject + " — changed", Assert.Single(engine.MessagesTo(EngineHarness.Planner),
            m => m.Message.Subject!.StartsWith(EngineLists.ProductionSubject, StringComparison.Ordinal)).Message.Subject);
        Assert.Equal(2, engine.MessagesTo(EngineHarness.Planner).Count);
        // History: the run as it happened, and the delivered hash kept beside it.
        var recorded = (await engine.History.LatestAsync(ProductionId, Ct))!;
        Assert.Equal((run.RunId, RunOutcome.SentHashNotSaved, run.Hash, run.Error), (recorded.RunId, recorded.Outcome, recorded.Hash, recorded.Error));
        Assert.Equal(run.Hash, (await engine.History.GetStateAsync(ProductionId, Ct))!.UnsavedHash);
        Assert.Null(engine.LastHashOnDisk(ProductionId));
        // The admins: one notice per list.
        Assert.Equal(
            [NoticePrefix + "Report sent but last_hash not saved: " + EngineLists.ProductionName,
             NoticePrefix + "Report sent but last_hash not saved: " + EngineLists.AlwaysName],
            AdminSubjects(engine).Order(StringComparer.Ordinal));

        // The next run, the folder still read-only: the same report is not sent again, nor the admins told again.
        var again = await engine.RunAsync(ProductionId);

        Assert.Equal((RunOutcome.SkippedUnchanged, "no change, no email"), (again.Run!.Summary.Outcome, again.Message));
        Assert.Equal(2, engine.MessagesTo(EngineHarness.Planner).Count);
        Assert.Equal(2, AdminSubjects(engine).Count);
        Assert.Null(engine.LastHashOnDisk(ProductionId));

        // Writable again: the next check writes its list's kept hash, the scheduler tick the other list's.
        readOnly.MakeWritable();
        var afterwards = await engine.RunAsync(ProductionId);

        Assert.Equal(RunOutcome.SkippedUnchanged, afterwards.Run!.Summary.Outcome);
        Assert.Equal(run.Hash, engine.LastHashOnDisk(ProductionId));
        Assert.Null(engine.LastHashOnDisk(SensorsId));
        Assert.Empty((await engine.Dispatcher.TickAsync(Ct)).Started);
        Assert.Equal(sensors.Run.Summary.Hash, engine.LastHashOnDisk(SensorsId));
        Assert.All((await engine.History.GetAllStatesAsync(Ct)).Values, s => Assert.Null(s.UnsavedHash));

        // Nothing lost: presets.json is as before but for the two hashes; every run is in the history; two reports in all.
        var onDisk = JsonNode.Parse(await File.ReadAllTextAsync(engine.PresetsPath, Ct))!;
        foreach (var list in onDisk["monitoring_lists"]!.AsArray())
        {
            list!["last_hash"] = null;
        }
        Assert.True(JsonNode.DeepEquals(original, onDisk), onDisk.ToJsonString());
        Assert.Equal(
            [RunOutcome.SkippedUnchanged, RunOutcome.SkippedUnchanged, RunOutcome.SentHashNotSaved],
            (await engine.History.ListAsync(ProductionId, 0, 10, Ct)).Select(r => r.Outcome));
        Assert.Equal(2, engine.MessagesTo(EngineHarness.Planner).Count);
        await engine.NoticesSentAsync();
        Assert.Equal(2, AdminSubjects(engine).Count);
    }

    // Rows: presets.json deleted, emptied, malformed while the app runs.
    [Theory]
    [InlineData("deleted", PresetsFileProblem.Missing)]
    [InlineData("emptied", PresetsFileProblem.Empty)]
    [InlineData("malformed", PresetsFileProblem.Malformed)]
    public async Task Presets_json_broken_while_the_app_runs_stops_every_run_keeps_schedule_and_history_and_tells_the_admins_once(
        string fault, PresetsFileProblem problem)
    {
        var time = new FakeTimeProvider(Morning);
        await using var engine = await EngineHarness.StartAsync(ListsFile(), time);
        Assert.Empty((await engine.Dispatcher.TickAsync(Ct)).Started);
        // Before: a failure streak the admins were told about, a delivered report, next due times.
        engine.Emulator.Faults.Unauthorized = true;
        Assert.Equal(RunOutcome.Failed, (await engine.RunAsync(ProductionId)).Run!.Summary.Outcome);
        engine.Emulator.Faults.Reset();
        Assert.Equal(RunOutcome.Shortages, (await engine.RunAsync(SensorsId)).Run!.Summary.Outcome);
        var content = await File.ReadAllBytesAsync(engine.PresetsPath, Ct);
        var states = await engine.History.GetAllStatesAsync(Ct);
        Assert.Equal((SensorsDue, ProductionDue, 1), (states[SensorsId].NextDue, states[ProductionId].NextDue, states[ProductionId].ConsecutiveFailures));
        var reportsBefore = engine.MessagesTo(EngineHarness.Planner).Count;

        await BreakAsync(engine.PresetsPath, fault);
        await engine.Presets.LoadAsync(Ct); // what the file watcher does within a second

        // The user sees an error, and the lists as they were, none runnable — never "no lists".
        var error = engine.State.FileError;
        Assert.Equal(problem, error?.Problem);
        Assert.Equal([EngineLists.ProductionName, EngineLists.AlwaysName], engine.State.Lists.Select(l => l.Name));
        Assert.All(engine.State.Lists, l =>
        {
            Assert.Equal((false, ListStatus.Invalid), (l.Valid, l.Status));
            Assert.Equal("presets.json cannot be used: " + error!.Message, Assert.Single(l.Problems));
        });
        var health = await new PresetsHealthCheck(engine.Presets).CheckHealthAsync(new HealthCheckContext(), Ct);
        Assert.Equal((HealthStatus.Unhealthy, error!.ToString()), (health.Status, health.Description));
        var runNow = await engine.RunAsync(SensorsId);
        Assert.Equal((CheckStatus.Invalid, "not run: " + error), (runNow.Status, runNow.Message));

        // Nothing runs while it is broken, however many ticks pass, also when a list comes due.
        time.SetUtcNow(SensorsDue);
        for (var i = 0; i < 3; i++)
        {
            var tick = await engine.Dispatcher.TickAsync(Ct);
            Assert.Equal((0, 0), (tick.Started.Count, tick.Missed));
            time.Advance(TimeSpan.FromSeconds(1));
        }
        await engine.NoticesSentAsync();
        Assert.Equal([NoticePrefix + "Check failing: " + EngineLists.ProductionName, PresetsUnreadable], AdminSubjects(engine));
        Assert.Equal(reportsBefore, engine.MessagesTo(EngineHarness.Planner).Count);
        // Schedule state, the failure streak and the history are kept as they were.
        Assert.Equal(states.Values.OrderBy(s => s.ListId), (await engine.History.GetAllStatesAsync(Ct)).Values.OrderBy(s => s.ListId));
        Assert.Equal((1, 1), (await engine.History.CountAsync(ProductionId, Ct), await engine.History.CountAsync(SensorsId, Ct)));
        // The broken file is not overwritten; the last good version is kept where the message says.
        if (problem == PresetsFileProblem.Malformed)
        {
            Assert.Equal(Broken, await File.ReadAllTextAsync(engine.PresetsPath, Ct));
        }
        else
        {
            var copy = error.Message[(error.Message.IndexOf("The last version is in ", StringComparison.Ordinal) + "The last version is in ".Length)..];
            Assert.Equal(content, await File.ReadAllBytesAsync(copy, Ct));
        }

        // The file comes back (the user restores it): the run owed meanwhile is caught up, the next one runs on time.
        await File.WriteAllBytesAsync(engine.PresetsPath, content, Ct);
        await engine.Presets.LoadAsync(Ct);
        Assert.Null(engine.State.FileError);
        Assert.All(engine.State.Lists, l => Assert.True(l.Valid));
        time.SetUtcNow(SensorsDue.AddMinutes(5));
        var caughtUp = (await Assert.Single((await engine.Dispatcher.TickAsync(Ct)).Started)).Run!.Summary;
        Assert.Equal((SensorsId, RunTrigger.CatchUp, SensorsDue, RunOutcome.Shortages),
            (caughtUp.ListId, caughtUp.Trigger, caughtUp.ScheduledFor, caughtUp.Outcome));
        time.SetUtcNow(ProductionDue);
        var onTime = (await Assert.Single((await engine.Dispatcher.TickAsync(Ct)).Started)).Run!.Summary;
        Assert.Equal((ProductionId, RunTrigger.Schedule, ProductionDue, RunOutcome.Shortages),
            (onTime.ListId, onTime.Trigger, onTime.ScheduledFor, onTime.Outcome));

        await engine.NoticesSentAsync();
        Assert.Equal(
            [NoticePrefix + "Check failing: " + EngineLists.ProductionName, PresetsUnreadable, NoticePrefix + "Check recovered: " + EngineLists.ProductionName],
            AdminSubjects(engine));
        Assert.Equal(reportsBefore + 2, engine.MessagesTo(EngineHarness.Planner).Count);
        Assert.Equal([RunOutcome.Shortages, RunOutcome.Failed], (await engine.History.ListAsync(ProductionId, 0, 10, Ct)).Select(r => r.Outcome));
        Assert.Equal([RunOutcome.Shortages, RunOutcome.Shortages], (await engine.History.ListAsync(SensorsId, 0, 10, Ct)).Select(r => r.Outcome));
    }

    // Row: presets.json deleted while the app runs, seen as a monitoring system and the admins see it.
    [Fact]
    public async Task The_running_app_whose_presets_json_is_deleted_answers_healthz_503_tells_the_admins_once_and_is_healthy_when_it_is_back()
    {
        await using var app = await AppServer.StartAsync(new Dictionary<string, string?> { ["ADMIN_EMAIL_RECIPIENTS"] = EngineHarness.Admin });
        using var client = app.CreateMonitoringClient(Patience);
        await HealthUntilAsync(client, app, HttpStatusCode.OK);
        var content = await File.ReadAllBytesAsync(app.PresetsPath, Ct);
        var lists = JsonNode.Parse(content)!["monitoring_lists"]!.AsArray().Count;

        File.Delete(app.PresetsPath);

        var broken = await HealthUntilAsync(client, app, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Unhealthy", broken.GetProperty("status").GetString());
        var presets = Checks(broken)["presets"];
        Assert.Equal("Unhealthy", presets.Status);
        Assert.Contains($"presets.json has disappeared (it had {lists} monitoring lists); nothing runs until it is back.", presets.Description,
            StringComparison.Ordinal);
        await UntilAsync(() => Task.FromResult(AdminNotices(app).Contains(PresetsUnreadable)), app, "the admins were not told");

        // Put back, as a user moving a copy back into place (in one step, so the watcher never sees it half-written).
        var copy = Path.Combine(app.DataFolder, "presets.json.restore");
        await File.WriteAllBytesAsync(copy, content, Ct);
        File.Move(copy, app.PresetsPath);

        var healthy = await HealthUntilAsync(client, app, HttpStatusCode.OK);
        Assert.Equal("Healthy", Checks(healthy)["presets"].Status);
        Assert.Equal(1, AdminNotices(app).Count(s => s == PresetsUnreadable));
        Assert.Equal(content, await File.ReadAllBytesAsync(app.PresetsPath, Ct));
    }

    // Row: presets.json rewritten by the Python tool without monitoring_lists.
    [Fact]
    public async Task The_Python_tool_saving_without_monitoring_lists_gets_them_put_back_with_its_change_kept_and_they_run_on()
    {
        var time = new FakeTimeProvider(Morning);
        await using var engine = await EngineHarness.StartAsync(ListsFile(), time);
        await engine.Dispatcher.TickAsync(Ct);
        var reported = (await engine.RunAsync(ProductionId)).Run!.Summary;
        Assert.Equal(reported.Hash, engine.LastHashOnDisk(ProductionId));
        var listsBefore = JsonNode.Parse(await File.ReadAllTextAsync(engine.PresetsPath, Ct))!["monitoring_lists"]!.DeepClone();
        var states = await engine.History.GetAllStatesAsync(Ct);

        var pythonVersion = await PythonToolProcess.SavePresetAsync(engine.PresetsPath, "Field stations", [(101, 60), (112, 5)]);
        Assert.DoesNotContain("monitoring_lists", System.Text.Encoding.UTF8.GetString(pythonVersion), StringComparison.Ordinal);
        var snapshot = await engine.Presets.LoadAsync(Ct); // what the file watcher does within a second

        // The lists are back on disk as they were (ids, last_hash), beside the Python tool's preset; its version is kept.
        Assert.Equal([EngineLists.ProductionName, EngineLists.AlwaysName], snapshot.Restoration?.ListNames);
        var onDisk = JsonNode.Parse(await File.ReadAllTextAsync(engine.PresetsPath, Ct))!;
        Assert.True(JsonNode.DeepEquals(listsBefore, onDisk["monitoring_lists"]), onDisk.ToJsonString());
        Assert.Equal(reported.Hash, engine.LastHashOnDisk(ProductionId));
        Assert.Equal(["Field stations"], onDisk["presets"]!.AsArray().Select(p => (string?)p!["name"]));
        Assert.Equal(60, (int)onDisk["presets"]![0]!["items"]![0]!["quantity"]!);
        Assert.Equal("presets.json", (string?)onDisk["filepath"]);
        Assert.Equal(pythonVersion, await File.ReadAllBytesAsync(snapshot.Restoration!.BackupPath, Ct));
        Assert.StartsWith(engine.Presets.BackupFolder, snapshot.Restoration.BackupPath, StringComparison.Ordinal);
        // The user sees the lists as before, and on the status page that they were put back.
        Assert.Null(engine.State.FileError);
        Assert.All(engine.State.Lists, l => Assert.True(l.Valid));
        var notice = Assert.Single(engine.State.RecentErrors, e => e.Source == "presets.json");
        Assert.Contains("monitoring lists dropped by another program were restored", notice.Message, StringComparison.Ordinal);
        // The watcher then sees our own write: nothing more to put back, nobody told twice.
        Assert.Null((await engine.Presets.LoadAsync(Ct)).Restoration);
        await engine.NoticesSentAsync();
        Assert.Equal([ListsRestored], AdminSubjects(engine));

        // The lists run on their schedule; the production plan's kept last_hash means no repeated report.
        time.SetUtcNow(SensorsDue);
        var sensors = (await Assert.Single((await engine.Dispatcher.TickAsync(Ct)).Started)).Run!.Summary;
        time.SetUtcNow(ProductionDue);
        var production = (await Assert.Single((await engine.Dispatcher.TickAsync(Ct)).Started)).Run!.Summary;

        Assert.Equal((SensorsId, RunTrigger.Schedule, RunOutcome.Shortages), (sensors.ListId, sensors.Trigger, sensors.Outcome));
        Assert.Equal((ProductionId, RunTrigger.Schedule, RunOutcome.SkippedUnchanged), (production.ListId, production.Trigger, production.Outcome));
        Assert.Equal(2, engine.MessagesTo(EngineHarness.Planner).Count);
        Assert.Equal([RunOutcome.SkippedUnchanged, RunOutcome.Shortages], (await engine.History.ListAsync(ProductionId, 0, 10, Ct)).Select(r => r.Outcome));
        Assert.Equal(states[ProductionId] with { NextDue = ProductionDue.AddDays(1), LastScheduled = ProductionDue },
            await engine.History.GetStateAsync(ProductionId, Ct));
        Assert.Equal(["Field stations"], JsonNode.Parse(await File.ReadAllTextAsync(engine.PresetsPath, Ct))!["presets"]!.AsArray()
            .Select(p => (string?)p!["name"]));
        await engine.NoticesSentAsync();
        Assert.Equal([ListsRestored], AdminSubjects(engine));
    }

    // Row: a user's edit is never lost — a dashboard save based on a version another process has since changed.
    [Theory]
    [InlineData("monitor update")]
    [InlineData("Python tool")]
    public async Task A_dashboard_save_after_another_process_changed_the_file_is_refused_and_the_other_change_is_kept(string other)
    {
        await using var engine = await EngineHarness.StartAsync(ListsFile());
        var loaded = engine.Presets.Current!;
        var edited = loaded.FindList(ProductionId)! with { Name = "Production plan, edited in the dashboard" };

        Func<JsonNode, bool> otherChangeKept;
        if (other == "monitor update")
        {
            var result = await AppProcess.RunAsync(["monitor", "update", ProductionId, "--recipients", "buyer@example.com"],
                new Dictionary<string, string?> { ["PRESETS_FILE_PATH"] = engine.PresetsPath }, timeout: Patience);
            Assert.True(result.ExitCode == 0, result.StdErr);
            otherChangeKept = file => ListOf(file, ProductionId)["recipients"]!.AsArray().Select(r => (string?)r).SequenceEqual(["buyer@example.com"]);
        }
        else
        {
            await PythonToolProcess.SavePresetAsync(engine.PresetsPath, "Field stations", [(101, 60)], keepOtherKeys: true);
            otherChangeKept = file => file["presets"]!.AsArray().Any(p => (string?)p!["name"] == "Field stations");
        }

        var refused = await Assert.ThrowsAsync<PresetsConflictException>(() => engine.Presets.UpdateListAsync(edited, loaded.Version, Ct));

        Assert.Equal(Conflict, refused.Message);
        var onDisk = JsonNode.Parse(await File.ReadAllTextAsync(engine.PresetsPath, Ct))!;
        Assert.True(otherChangeKept(onDisk), onDisk.ToJsonString());
        Assert.Equal(EngineLists.ProductionName, (string?)ListOf(onDisk, ProductionId)["name"]);

        // The user reloads (the watcher did already) and saves again: both changes are in the file.
        var reloaded = await engine.Presets.LoadAsync(Ct);
        await engine.Presets.UpdateListAsync(reloaded.FindList(ProductionId)! with { Name = edited.Name }, reloaded.Version, Ct);

        onDisk = JsonNode.Parse(await File.ReadAllTextAsync(engine.PresetsPath, Ct))!;
        Assert.True(otherChangeKept(onDisk), onDisk.ToJsonString());
        Assert.Equal(edited.Name, (string?)ListOf(onDisk, ProductionId)["name"]);
    }

    // Row: a user's edit is never lost — a run's last_hash write while another of our processes is writing the file.
    [Fact]
    public async Task A_run_finishing_while_another_process_holds_the_presets_lock_writes_its_last_hash_after_that_change_and_keeps_it()
    {
        await using var engine = await EngineHarness.StartAsync(ListsFile(),
            settings: new Dictionary<string, string?> { ["Presets:LockTimeout"] = "00:02:00" });
        await using var otherWriter = await LockHolderProcess.StartAsync(engine.Presets.LockPath);

        var run = engine.RunAsync(ProductionId);
        await Poll.UntilAsync(() => engine.MessagesTo(EngineHarness.Planner).Count == 1, Patience, "the report was not sent");
        // Mid-write, the other process (e.g. `monitor update` adding a recipient) replaces the file, then lets go of the lock.
        await EditAsync(engine.PresetsPath, file => ListOf(file, ProductionId)["recipients"]!.AsArray().Add("buyer@example.com"));
        Assert.False(run.IsCompleted, "the run wrote last_hash without the lock");
        await otherWriter.ReleaseAsync();

        var outcome = await run.WaitAsync(Patience, Ct);
        Assert.Equal((RunOutcome.Shortages, "report sent to 1 recipient"), (outcome.Run!.Summary.Outcome, outcome.Message));
        var list = ListOf(JsonNode.Parse(await File.ReadAllTextAsync(engine.PresetsPath, Ct))!, ProductionId);
        Assert.Equal([EngineHarness.Planner, "buyer@example.com"], list["recipients"]!.AsArray().Select(r => (string?)r));
        Assert.Equal(outcome.Run.Summary.Hash, (string?)list["last_hash"]);
        Assert.Empty(engine.MessagesTo(EngineHarness.Admin));
    }

    // Row: a user's edit is never lost — the Python tool (no lock, drops monitoring_lists) saves while a run is under way.
    [Fact]
    public async Task A_run_finishing_after_the_Python_tool_saved_during_it_keeps_the_tools_change_and_puts_the_lists_back()
    {
        await using var engine = await EngineHarness.StartAsync(ListsFile(),
            settings: new Dictionary<string, string?> { ["InvenTree:RequestTimeout"] = "00:02:00" });
        engine.Emulator.Faults.Paused = true;

        var run = engine.RunAsync(ProductionId);
        await Poll.UntilAsync(() => engine.Emulator.RequestCount > 0, Patience, "the run did not ask InvenTree");
        var pythonVersion = await PythonToolProcess.SavePresetAsync(engine.PresetsPath, "Field stations", [(101, 60)]);
        engine.Emulator.Faults.Paused = false;

        var outcome = await run.WaitAsync(Patience, Ct);
        Assert.Equal((RunOutcome.Shortages, "report sent to 1 recipient"), (outcome.Run!.Summary.Outcome, outcome.Message));
        var onDisk = JsonNode.Parse(await File.ReadAllTextAsync(engine.PresetsPath, Ct))!;
        Assert.Equal(["Field stations"], onDisk["presets"]!.AsArray().Select(p => (string?)p!["name"]));
        Assert.Equal([ProductionId, SensorsId], onDisk["monitoring_lists"]!.AsArray().Select(l => (string?)l!["id"]));
        Assert.Equal(outcome.Run.Summary.Hash, engine.LastHashOnDisk(ProductionId));
        Assert.Contains(Directory.GetFiles(engine.Presets.BackupFolder), f => File.ReadAllBytes(f).AsSpan().SequenceEqual(pythonVersion));
        Assert.Equal([ListsRestored], AdminSubjects(engine));
    }

    // Row: the history database locked by another process.
    [Fact]
    public async Task History_database_locked_by_another_process_the_check_runs_and_reports_once_and_the_run_is_written_when_it_is_free()
    {
        await using var engine = await EngineHarness.StartAsync(ListsFile(),
            settings: new Dictionary<string, string?> { ["History:BusyTimeout"] = "00:00:00.300" });
        var app = engine.Services.GetRequiredService<MonitoringEngine>();
        var pending = engine.Services.GetRequiredService<PendingRuns>();
        await app.TickAsync(); // the app has been ticking: next due times are in the database
        var states = await engine.History.GetAllStatesAsync(Ct);
        await using var locker = await LockHolderProcess.HoldDatabaseAsync(engine.DatabasePath);

        var outcome = await engine.RunAsync(ProductionId);

        // The check ran (without a claim on the list: the database could not be asked) and the report went out.
        var run = outcome.Run!.Summary;
        Assert.Equal((RunOutcome.Shortages, DeliveryOutcome.Sent, "report sent to 1 recipient"), (run.Outcome, run.EmailOutcome, outcome.Message));
        Assert.Single(engine.MessagesTo(EngineHarness.Planner));
        Assert.Equal(run.Hash, engine.LastHashOnDisk(ProductionId));
        Assert.Contains("could not be claimed in the history database; it is checked without a claim", engine.AllLogText(), StringComparison.Ordinal);
        // The run waits beside the database; the dashboard shows it anyway, and says why the history lags.
        Assert.Equal([run.RunId.ToString("N") + ".json"], Directory.GetFiles(pending.Folder).Select(Path.GetFileName));
        Assert.Null(await engine.History.LatestAsync(ProductionId, Ct));
        Assert.Equal((run.RunId, ListStatus.Shortages), (engine.State.Find(ProductionId)!.LastRun?.RunId, engine.State.Find(ProductionId)!.Status));
        var problem = Assert.Single(engine.State.RecentErrors, e => e.Source == "run history");
        Assert.Contains(pending.Folder, problem.Message, StringComparison.Ordinal);
        Assert.Equal([HistoryNotWritten], AdminSubjects(engine));

        // Ticks while it is still locked keep the run waiting and the dashboard showing it.
        await app.TickAsync();
        Assert.Equal(1, pending.Count);
        Assert.Equal(run.RunId, engine.State.Find(ProductionId)!.LastRun?.RunId);

        await locker.ReleaseAsync();
        await app.TickAsync();

        // Written with the same id, with what was sent; nothing waits any more.
        Assert.Equal(0, pending.Count);
        var recorded = await engine.History.GetAsync(run.RunId, Ct);
        Assert.Equal((RunOutcome.Shortages, DeliveryOutcome.Sent, run.Hash), (recorded?.Summary.Outcome, recorded?.Summary.EmailOutcome, recorded?.Summary.Hash));
        Assert.Equal(EngineLists.ProductionSubject + " — changed", recorded!.Email?.Subject);
        Assert.Equal(run.RunId, engine.State.Find(ProductionId)!.LastRun?.RunId);
        Assert.Empty(await engine.Services.GetRequiredService<IRunLeases>().ListAsync(Ct));
        Assert.Equal(states, await engine.History.GetAllStatesAsync(Ct));

        // Reported exactly once: the next run finds nothing new; the admins were told once.
        var next = await engine.RunAsync(ProductionId);
        Assert.Equal(RunOutcome.SkippedUnchanged, next.Run!.Summary.Outcome);
        Assert.Single(engine.MessagesTo(EngineHarness.Planner));
        Assert.Equal([RunOutcome.SkippedUnchanged, RunOutcome.Shortages], (await engine.History.ListAsync(ProductionId, 0, 10, Ct)).Select(r => r.Outcome));
        Assert.Equal([HistoryNotWritten], AdminSubjects(engine));
    }

    private const string Broken = "{ \"presets\": [], \"monitoring_lists\": [";

    private static Task BreakAsync(string path, string fault)
    {
        switch (fault)
        {
            case "deleted":
                File.Delete(path);
                return Task.CompletedTask;
            case "emptied":
                return File.WriteAllTextAsync(path, "", Ct);
            case "malformed":
                return File.WriteAllTextAsync(path, Broken, Ct);
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }
    }

    private static JsonObject ListOf(JsonNode file, string listId) =>
        file["monitoring_lists"]!.AsArray().Single(l => (string?)l!["id"] == listId)!.AsObject();

    /// <summary>Changes presets.json as another of our processes does: a new file renamed over the old one.</summary>
    private static async Task EditAsync(string path, Action<JsonNode> edit)
    {
        var file = JsonNode.Parse(await File.ReadAllTextAsync(path, Ct))!;
        edit(file);
        var temporary = path + ".other-process.tmp";
        await File.WriteAllTextAsync(temporary, file.ToJsonString(), Ct);
        File.Move(temporary, path, overwrite: true);
    }

    private static List<string> AdminNotices(AppServer app) =>
        Directory.Exists(app.OutboxFolder)
            ? [.. Directory.GetFiles(app.OutboxFolder, "*-admin-notice-*.eml").Select(f => MimeMessage.Load(f).Subject ?? "")]
            : [];

    private static Dictionary<string, (string Status, string Description)> Checks(JsonElement body) =>
        body.GetProperty("checks").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => (c.GetProperty("status").GetString()!, c.GetProperty("description").GetString() ?? ""));

    /// <summary>Asks /healthz until it answers <paramref name="wanted"/>; the body of that answer.</summary>
    private static async Task<JsonElement> HealthUntilAsync(HttpClient client, AppServer app, HttpStatusCode wanted)
    {
        JsonElement body = default;
        var status = HttpStatusCode.OK;
        await UntilAsync(async () =>
        {
            using var response = await client.GetAsync("healthz", Ct);
            status = response.StatusCode;
            body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
            return status == wanted;
        }, app, $"/healthz did not answer {wanted}");
        return body;
    }

    /// <summary>Polls an asynchronous condition every 200 ms until <see cref="Patience"/> runs out.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, AppServer app, string because)
    {
        var deadline = DateTime.UtcNow + Patience;
        using var interval = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{because}. App output:\n{app.Output}");
            await interval.WaitForNextTickAsync(Ct);
        }
    }
}

using MonitorDashboard.Cron;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Tests.Monitoring.State;

public sealed class MonitorStateTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-26T09:00:00Z"));
    private readonly MonitorState _state;

    public MonitorStateTests() =>
        _state = new MonitorState(_time, Options.Create(new ScheduleOptions { TimeZone = "Europe/Berlin" }), NullLogger<MonitorState>.Instance);

    private static MonitoringList List(string id, string name, bool active = true, string cron = "0 7 * * 1-5") => new()
    {
        Id = id,
        Name = name,
        Active = active,
        CronSchedule = cron,
        Recipients = ["planning@example.com"],
        Parts = [new MonitoredPart { Name = "Widget", Quantity = 10 }],
    };

    private static PresetsSnapshot Snapshot(params (MonitoringList List, bool Valid)[] lists) => new(
        "/tmp/presets.json",
        "v1",
        new PresetsDocument { MonitoringLists = lists.Select(l => l.List).ToList() },
        null,
        lists.Select((l, i) => new ListValidationResult(i, l.List.Id, l.List.Name,
            l.Valid ? [] : [new ValidationError("cron_schedule", "bad", $"List \"{l.List.Name}\": cron_schedule is bad")], [])).ToList(),
        DateTimeOffset.Parse("2026-11-26T09:00:00Z"));

    private static RunSummary Run(string listId, RunOutcome outcome, DateTimeOffset at, RunCounts? counts = null, string? error = null) =>
        new(Guid.NewGuid(), listId, "name", RunTrigger.Schedule, at, at, at.AddSeconds(2), outcome, counts ?? RunCounts.None, "h", true, null, error, "c");

    [Fact]
    public void Lists_show_definitions_with_plain_language_schedule_and_default_time_zone()
    {
        _state.ApplyPresets(Snapshot((List("a", "Widgets"), true)));

        var view = Assert.Single(_state.Lists);
        Assert.Equal(("Widgets", "Europe/Berlin", ListStatus.Pending), (view.Name, view.TimeZone, view.Status));
        Assert.Contains("07:00", view.ScheduleText, StringComparison.Ordinal);
        Assert.Equal(["Widget:10"], view.Parts);
    }

    [Theory]
    [InlineData(RunOutcome.Ok, ListStatus.Ok)]
    [InlineData(RunOutcome.Shortages, ListStatus.Shortages)]
    [InlineData(RunOutcome.Failed, ListStatus.Failing)]
    [InlineData(RunOutcome.EmailFailed, ListStatus.EmailFailed)]
    public void The_status_follows_the_last_run(RunOutcome outcome, ListStatus expected)
    {
        _state.ApplyPresets(Snapshot((List("a", "Widgets"), true)));

        _state.MarkRunFinished(Run("a", outcome, _time.GetUtcNow()));

        Assert.Equal(expected, _state.Find("a")!.Status);
    }

    [Fact]
    public void A_run_starting_and_finishing_changes_only_its_own_lists_view()
    {
        var lists = Enumerable.Range(0, 1000).Select(i => (List($"id-{i}", $"List {i}"), true)).ToArray();
        _state.ApplyPresets(Snapshot(lists));
        var before = _state.Lists;

        _state.MarkRunStarted("id-500", RunTrigger.Schedule);
        var running = _state.Lists;
        _state.MarkRunFinished(Run("id-500", RunOutcome.Shortages, _time.GetUtcNow()));

        Assert.Equal(ListStatus.Running, running[500].Status);
        Assert.Equal(ListStatus.Shortages, _state.Find("ID-500")!.Status);
        Assert.Equal(ListStatus.Pending, before[500].Status); // a page holding the earlier list never sees it change
        Assert.All(Enumerable.Range(0, 1000).Where(i => i != 500), i => Assert.Same(before[i], _state.Lists[i]));
    }

    [Fact]
    public void Invalid_paused_and_running_lists_say_so()
    {
        _state.ApplyPresets(Snapshot((List("a", "Bad"), false), (List("b", "Paused", active: false), true), (List("c", "Busy"), true)));
        _state.MarkRunStarted("c", RunTrigger.Manual);

        Assert.Equal(ListStatus.Invalid, _state.Find("a")!.Status);
        Assert.Equal(["List \"Bad\": cron_schedule is bad"], _state.Find("a")!.Problems);
        Assert.Equal(ListStatus.Paused, _state.Find("b")!.Status);
        Assert.Equal(ListStatus.Running, _state.Find("c")!.Status);
        Assert.Equal(_time.GetUtcNow(), _state.Find("c")!.RunningSince);
    }

    [Fact]
    public void Subscribers_hear_a_run_start_and_finish_and_stop_hearing_after_dispose()
    {
        _state.ApplyPresets(Snapshot((List("a", "Widgets"), true)));
        var heard = new List<MonitorEvent>();
        var subscription = _state.Subscribe(heard.Add);

        _state.MarkRunStarted("a", RunTrigger.Schedule);
        _state.MarkRunFinished(Run("a", RunOutcome.Shortages, _time.GetUtcNow()));
        subscription.Dispose();
        _state.MarkRunStarted("a", RunTrigger.Schedule);

        Assert.Collection(heard,
            e => Assert.Equal("a", Assert.IsType<RunStarted>(e).ListId),
            e => Assert.Equal(RunOutcome.Shortages, Assert.IsType<RunFinished>(e).Run.Outcome));
        Assert.Equal(ListStatus.Running, _state.Find("a")!.Status);
    }

    [Fact]
    public void A_failing_subscriber_does_not_stop_the_others()
    {
        _state.ApplyPresets(Snapshot((List("a", "Widgets"), true)));
        var heard = 0;
        using var broken = _state.Subscribe(_ => throw new InvalidOperationException("closed tab"));
        using var working = _state.Subscribe(_ => heard++);

        _state.MarkRunStarted("a", RunTrigger.Manual);

        Assert.Equal(1, heard);
    }

    [Fact]
    public void Next_runs_are_shown_only_for_active_valid_lists()
    {
        _state.ApplyPresets(Snapshot((List("a", "On"), true), (List("b", "Off", active: false), true)));
        var next = DateTimeOffset.Parse("2026-11-27T06:00:00Z");

        _state.SetNextRuns(new Dictionary<string, DateTimeOffset?> { ["a"] = next, ["b"] = next });

        Assert.Equal(next, _state.Find("a")!.NextRun);
        Assert.Null(_state.Find("b")!.NextRun);
    }

    [Fact]
    public void The_last_error_stays_until_a_run_succeeds()
    {
        _state.ApplyPresets(Snapshot((List("a", "Widgets"), true)));

        _state.MarkRunFinished(Run("a", RunOutcome.Failed, _time.GetUtcNow(), error: "InvenTree unreachable"));
        Assert.Equal("InvenTree unreachable", _state.Find("a")!.LastError);

        _state.MarkRunFinished(Run("a", RunOutcome.Ok, _time.GetUtcNow().AddMinutes(5)));
        Assert.Null(_state.Find("a")!.LastError);
    }

    [Fact]
    public void An_older_run_reported_late_does_not_replace_a_newer_one()
    {
        _state.ApplyPresets(Snapshot((List("a", "Widgets"), true)));
        var newer = Run("a", RunOutcome.Ok, _time.GetUtcNow());

        _state.MarkRunFinished(newer);
        _state.MarkRunFinished(Run("a", RunOutcome.Failed, _time.GetUtcNow().AddHours(-1)));

        Assert.Equal(newer.RunId, _state.Find("a")!.LastRun!.RunId);
    }

    [Fact]
    public void Recent_system_errors_are_kept_newest_first_and_bounded()
    {
        for (var i = 0; i < 60; i++)
        {
            _state.ReportSystemError("scheduler", $"error {i}");
        }

        Assert.Equal(50, _state.RecentErrors.Count);
        Assert.Equal("error 59", _state.RecentErrors[0].Message);
    }

    [Fact]
    public void An_occurrence_missed_while_the_list_was_running_neither_ends_the_run_nor_hides_its_outcome()
    {
        _state.ApplyPresets(Snapshot((List("a", "Widgets"), true)));
        var runId = Guid.NewGuid();
        _state.MarkRunStarted("a", RunTrigger.Schedule, runId);
        var start = _time.GetUtcNow();

        _state.MarkRunFinished(Run("a", RunOutcome.Missed, start.AddMinutes(5), error: "not run: the previous run of 'Widgets' was still running"));

        Assert.Equal(ListStatus.Running, _state.Find("a")!.Status);
        _state.MarkRunFinished(Run("a", RunOutcome.Shortages, start, new RunCounts(2, 0, 0, 0, 0)) with { RunId = runId });
        var view = _state.Find("a")!;
        Assert.Equal((ListStatus.Shortages, RunOutcome.Shortages, null), (view.Status, view.LastRun!.Outcome, view.LastError));
    }

    [Fact]
    public void While_presets_json_is_broken_the_lists_stay_on_the_dashboard_marked_as_not_running()
    {
        _state.ApplyPresets(Snapshot((List("a", "Widgets"), true), (List("b", "Gadgets"), true)));

        _state.ApplyPresets(new PresetsSnapshot("/tmp/presets.json", "missing", PresetsDocument.Empty,
            new PresetsFileError("/tmp/presets.json", "has disappeared (it had 2 monitoring lists)", null, null), [], _time.GetUtcNow()));

        Assert.Equal(["Widgets", "Gadgets"], _state.Lists.Select(l => l.Name));
        Assert.All(_state.Lists, l =>
        {
            Assert.Equal(ListStatus.Invalid, l.Status);
            Assert.Contains("has disappeared", Assert.Single(l.Problems), StringComparison.Ordinal);
        });
        Assert.NotNull(_state.FileError);
    }
}

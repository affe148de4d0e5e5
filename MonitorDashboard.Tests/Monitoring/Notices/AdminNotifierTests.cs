using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Email;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Notices;
using MonitorDashboard.Presets;
using MonitorDashboard.Tests.Email.Templates;
using MonitorDashboard.Tests.Monitoring.History;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.Notices;

/// <summary>
/// What the admins are told and when a streak counts as told: the notifier, the queue, the sender in the background
/// and the list state in a real database, with a mail server that can hold a notice on its way.
/// </summary>
public sealed class AdminNotifierTests : IAsyncDisposable
{
    private const string Failing = "[MonitorDashboard] Check failing: Morning build";

    private static readonly MonitoringList List = new() { Id = "morning", Name = "Morning build", Recipients = ["planning@example.com"] };

    private readonly HistoryTestDatabase _db = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.Zero));
    private readonly EmailRendering _rendering = EmailRendering.Create();
    private readonly RecordingEmailSender _mail = new();
    private readonly AdminNoticeQueue _queue = new(NullLogger<AdminNoticeQueue>.Instance);
    private readonly IListStateStore _states;
    private readonly AdminNotifier _notifier;
    private readonly AdminNoticeSender _sender;

    public AdminNotifierTests()
    {
        _states = _db.Open();
        _notifier = new AdminNotifier(_states, _queue, _clock, NullLogger<AdminNotifier>.Instance);
        _sender = new AdminNoticeSender(_queue, _rendering.Notices, _mail, Options.Create(new EmailOptions { AdminRecipients = ["admin@example.com"] }),
            Options.Create(new MonitoringOptions()), _clock, NullLogger<AdminNoticeSender>.Instance);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        _mail.Release();
        await _sender.StopAsync(CancellationToken.None);
        _sender.Dispose();
        _rendering.Dispose();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task A_presets_json_caught_half_written_for_a_moment_is_not_worth_an_email_one_that_stays_broken_is_told_once()
    {
        await _sender.StartAsync(Ct);
        var halfWritten = new PresetsFileError("/srv/presets.json", "is not valid JSON: unexpected end", 40, 1);
        var deleted = new PresetsFileError("/srv/presets.json", "has disappeared (it had 2 monitoring lists)", null, null);

        _notifier.PresetsUnreadable(halfWritten);
        _clock.Advance(TimeSpan.FromSeconds(1));
        _notifier.PresetsReadable();
        await IdleAsync();
        Assert.Empty(_mail.Subjects);

        for (var tick = 0; tick < 5; tick++)
        {
            _notifier.PresetsUnreadable(deleted);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
        await IdleAsync();

        Assert.Equal(["[MonitorDashboard] Presets file unreadable: presets.json"], _mail.Subjects);
    }

    [Fact]
    public async Task A_failure_streak_counts_as_told_only_once_its_notice_was_delivered()
    {
        await _sender.StartAsync(Ct);
        _mail.Hold();

        await _notifier.AfterRunAsync(List, Run(RunOutcome.Failed), Ct);
        await _mail.ReachedAsync();
        Assert.False((await _states.GetStateAsync(List.Id, Ct))!.FailureNoticeSent);
        _mail.Release();
        await IdleAsync();

        var state = (await _states.GetStateAsync(List.Id, Ct))!;
        Assert.Equal((1, true), (state.ConsecutiveFailures, state.FailureNoticeSent));
        await _notifier.AfterRunAsync(List, Run(RunOutcome.Failed), Ct);
        await IdleAsync();
        Assert.Equal([Failing], _mail.Subjects);
        Assert.Equal(2, (await _states.GetStateAsync(List.Id, Ct))!.ConsecutiveFailures);
    }

    [Fact]
    public async Task A_streak_that_ended_while_its_notice_was_on_its_way_does_not_silence_the_next_streak()
    {
        await _sender.StartAsync(Ct);
        _mail.Hold();
        await _notifier.AfterRunAsync(List, Run(RunOutcome.Failed), Ct);
        await _mail.ReachedAsync();

        // While the first streak's notice is being sent (well within its deadline), the list recovers and fails again.
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _notifier.AfterRunAsync(List, Run(RunOutcome.Ok), Ct);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _notifier.AfterRunAsync(List, Run(RunOutcome.Failed), Ct);
        _mail.Release();
        await IdleAsync();

        var state = (await _states.GetStateAsync(List.Id, Ct))!;
        Assert.Equal((_clock.GetUtcNow(), false), (state.FailingSince, state.FailureNoticeSent));
        await _notifier.AfterRunAsync(List, Run(RunOutcome.Failed), Ct);
        await IdleAsync();
        Assert.Equal([Failing, Failing], _mail.Subjects);
        Assert.True((await _states.GetStateAsync(List.Id, Ct))!.FailureNoticeSent);
    }

    [Fact]
    public async Task A_failing_notice_the_mail_server_refused_is_tried_again_at_the_next_failure()
    {
        _mail.Refuse = true;
        await _notifier.AfterRunAsync(List, Run(RunOutcome.Failed), Ct);
        await _sender.DrainAsync(Ct);
        Assert.False((await _states.GetStateAsync(List.Id, Ct))!.FailureNoticeSent);

        _mail.Refuse = false;
        await _notifier.AfterRunAsync(List, Run(RunOutcome.Failed), Ct);
        await _sender.DrainAsync(Ct);

        Assert.Equal([Failing], _mail.Subjects);
        Assert.Contains("2 attempt(s) so far", _mail.Sent[0].TextBody, StringComparison.Ordinal);
        Assert.True((await _states.GetStateAsync(List.Id, Ct))!.FailureNoticeSent);
    }

    [Fact]
    public async Task A_recovery_is_told_only_for_a_streak_the_admins_were_told_about()
    {
        await _notifier.AfterRunAsync(List, Run(RunOutcome.Failed), Ct);
        await _sender.DrainAsync(Ct);
        await _notifier.AfterRunAsync(List, Run(RunOutcome.Ok), Ct);
        await _sender.DrainAsync(Ct);

        // A streak whose notice never went out (withdrawn on recovery) ends without a "recovered" notice.
        await _notifier.AfterRunAsync(List, Run(RunOutcome.Failed), Ct);
        await _notifier.AfterRunAsync(List, Run(RunOutcome.Ok), Ct);
        await _sender.DrainAsync(Ct);

        Assert.Equal([Failing, "[MonitorDashboard] Check recovered: Morning build"], _mail.Subjects);
    }

    [Fact]
    public async Task A_system_problem_is_told_once_until_it_is_resolved_whatever_each_occurrence_says()
    {
        _notifier.SystemProblem("history", "Run history cannot be written", "The run of 'Morning build' could not be written", "Check the disk.");
        await _sender.DrainAsync(Ct);
        _notifier.SystemProblem("history", "Run history cannot be written", "The run of 'Evening build' could not be written", "Check the disk.");
        await _sender.DrainAsync(Ct);
        Assert.Equal(["[MonitorDashboard] Run history cannot be written"], _mail.Subjects);

        _notifier.SystemProblemResolved("history");
        _notifier.SystemProblem("history", "Run history cannot be written", "The run of 'Evening build' could not be written", "Check the disk.");
        await _sender.DrainAsync(Ct);

        Assert.Equal(2, _mail.Subjects.Count);
    }

    private Task IdleAsync() => _queue.WhenIdleAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

    private RunSummary Run(RunOutcome outcome)
    {
        var now = _clock.GetUtcNow();
        return new RunSummary(Guid.NewGuid(), List.Id, List.Name, RunTrigger.Schedule, now, now, now, outcome, RunCounts.None, null, false,
            outcome == RunOutcome.Failed ? null : DeliveryOutcome.Sent, outcome == RunOutcome.Failed ? "InvenTree did not answer" : null, null);
    }
}

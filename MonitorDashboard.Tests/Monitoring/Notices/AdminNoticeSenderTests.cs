using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Email;
using MonitorDashboard.Email.Templates;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.Notices;
using MonitorDashboard.Tests.Email.Templates;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.Notices;

/// <summary>The sender of admin notices, over the real templates, against a mail server that accepts, refuses, holds or hangs.</summary>
public sealed class AdminNoticeSenderTests : IDisposable
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromMinutes(2);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.Zero));
    private readonly EmailRendering _rendering = EmailRendering.Create();
    private readonly RecordingEmailSender _mail = new();
    private readonly FakeLogger<AdminNoticeSender> _logger = new();
    private readonly AdminNoticeQueue _queue = new(NullLogger<AdminNoticeQueue>.Instance);
    private readonly List<string> _delivered = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _rendering.Dispose();

    [Fact]
    public async Task Drain_sends_everything_queued_and_returns()
    {
        using var sender = Sender();
        _queue.Enqueue(Notice("a", "First"));
        _queue.Enqueue(Notice("b", "Second"));

        await sender.DrainAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(["[MonitorDashboard] First", "[MonitorDashboard] Second"], _mail.Subjects);
        Assert.All(_mail.Sent, m => Assert.Equal(["admin@example.com"], m.To));
        Assert.Equal(["a", "b"], _delivered);
        Assert.True(_queue.WhenIdleAsync(Ct).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_withdrawn_notice_is_not_sent_and_not_marked_as_told()
    {
        using var sender = Sender();
        _queue.Enqueue(Notice("failing:morning", "Check failing: Morning"));
        _queue.Withdraw("failing:morning");

        await sender.DrainAsync(Ct);

        Assert.Empty(_mail.Sent);
        Assert.Empty(_delivered);
        Assert.Equal(0, _queue.Pending);
    }

    [Fact]
    public async Task A_notice_the_server_refused_is_not_marked_as_told()
    {
        using var sender = Sender();
        _mail.Refuse = true;
        _queue.Enqueue(Notice("failing:morning", "Check failing: Morning"));

        await sender.DrainAsync(Ct);

        Assert.Empty(_delivered);
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains("could not be delivered: 550 refused", StringComparison.Ordinal));
        Assert.Equal(0, _queue.Pending);
    }

    [Fact]
    public async Task A_mail_server_that_hangs_is_cut_off_at_the_check_timeout_on_the_clock_and_the_next_notice_still_goes_out()
    {
        using var sender = Sender();
        _mail.Hang = true;
        _queue.Enqueue(Notice("a", "Stuck"));
        _queue.Enqueue(Notice("b", "Next"));

        var drain = sender.DrainAsync(Ct);
        await _mail.ReachedAsync();
        _mail.Hang = false;
        _clock.Advance(CheckTimeout - TimeSpan.FromSeconds(1));
        Assert.False(drain.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await drain.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(["[MonitorDashboard] Next"], _mail.Subjects);
        Assert.Equal(["b"], _delivered);
        Assert.Contains(_logger.Collector.GetSnapshot(), r =>
            r.Level == LogLevel.Error && r.Message == "Admin notice SystemNotice for list (null) was not sent within 00:02:00");
    }

    [Fact]
    public async Task Without_admin_recipients_a_notice_is_only_logged_and_counts_as_told()
    {
        using var sender = Sender(admins: []);
        _queue.Enqueue(Notice("a", "Nobody listens"));

        await sender.DrainAsync(Ct);

        Assert.Empty(_mail.Sent);
        Assert.Equal(["a"], _delivered);
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task As_a_background_service_it_sends_notices_as_they_are_queued_and_stops_when_asked()
    {
        using var sender = Sender();
        await sender.StartAsync(Ct);
        _mail.Hold();
        _queue.Enqueue(Notice("a", "First"));
        await _mail.ReachedAsync();
        // While the first is on its way the second waits in the queue; the engine never waits for either.
        _queue.Enqueue(Notice("b", "Second"));
        _mail.Release();

        await _queue.WhenIdleAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await sender.StopAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(["[MonitorDashboard] First", "[MonitorDashboard] Second"], _mail.Subjects);
    }

    private AdminNoticeSender Sender(IReadOnlyList<string>? admins = null) => new(
        _queue,
        _rendering.Notices,
        _mail,
        Options.Create(new EmailOptions { AdminRecipients = admins ?? ["admin@example.com"] }),
        Options.Create(new MonitoringOptions { CheckTimeout = CheckTimeout }),
        _clock,
        _logger);

    private QueuedNotice Notice(string key, string title) =>
        new(key, new SystemNotice(title, "what happened", "what to do", _clock.GetUtcNow()), null, _ =>
        {
            lock (_delivered)
            {
                _delivered.Add(key);
            }
            return Task.CompletedTask;
        });
}

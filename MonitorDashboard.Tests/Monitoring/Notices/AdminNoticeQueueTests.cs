using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using MonitorDashboard.Email.Templates;
using MonitorDashboard.Monitoring.Notices;

namespace MonitorDashboard.Tests.Monitoring.Notices;

/// <summary>The bounded queue between the engine and the notice sender: one notice per problem, never a wait, withdrawals honoured.</summary>
public sealed class AdminNoticeQueueTests
{
    private readonly FakeLogger<AdminNoticeQueue> _logger = new();
    private readonly AdminNoticeQueue _queue;

    public AdminNoticeQueueTests() => _queue = new AdminNoticeQueue(_logger);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_notice_about_a_problem_already_waiting_is_not_queued_twice()
    {
        Assert.True(_queue.Enqueue(Notice("failing:morning")));
        Assert.False(_queue.Enqueue(Notice("failing:morning")));
        Assert.True(_queue.Enqueue(Notice("failing:evening")));

        Assert.Equal(2, _queue.Pending);
        Assert.Equal(["failing:morning", "failing:evening"], ReadAll().Select(n => n.Key));
    }

    [Fact]
    public void A_full_queue_drops_the_next_notice_at_once_with_an_error_in_the_log()
    {
        for (var i = 0; i < AdminNoticeQueue.Capacity; i++)
        {
            Assert.True(_queue.Enqueue(Notice($"event:{i}")));
        }

        Assert.False(_queue.Enqueue(Notice("failing:morning", "morning")));

        var error = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Equal($"Admin notice SystemNotice for list morning dropped: {AdminNoticeQueue.Capacity} notices are already waiting", error.Message);
        Assert.Equal(AdminNoticeQueue.Capacity, _queue.Pending);
        // The dropped problem is not "waiting": once there is room it can be told.
        Assert.True(_queue.Reader.TryRead(out var first));
        _queue.Done(first!.Key);
        Assert.True(_queue.Enqueue(Notice("failing:morning", "morning")));
    }

    [Fact]
    public async Task Idle_at_once_when_nothing_waits_and_again_once_every_notice_is_done()
    {
        await _queue.WhenIdleAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        _queue.Enqueue(Notice("a"));
        _queue.Enqueue(Notice("b"));

        var idle = _queue.WhenIdleAsync(Ct);
        var read = ReadAll();
        _queue.Done(read[0].Key);
        Assert.False(idle.IsCompleted);
        _queue.Done(read[1].Key);

        await idle.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(0, _queue.Pending);
    }

    [Fact]
    public void A_withdrawn_notice_is_marked_for_the_sender_and_a_notice_true_again_before_it_went_out_is_not()
    {
        _queue.Enqueue(Notice("failing:morning"));
        _queue.Enqueue(Notice("delivery:morning"));
        _queue.Withdraw("failing:morning");
        _queue.Withdraw("delivery:morning");
        // The delivery problem is back before the sender got to it: it goes out after all, still once.
        Assert.True(_queue.Enqueue(Notice("delivery:morning")));

        Assert.True(_queue.IsWithdrawn("failing:morning"));
        Assert.False(_queue.IsWithdrawn("delivery:morning"));
        Assert.Equal(2, ReadAll().Count);
    }

    [Fact]
    public void Withdrawing_a_notice_that_is_not_waiting_changes_nothing()
    {
        _queue.Withdraw("failing:morning");

        Assert.True(_queue.Enqueue(Notice("failing:morning")));
        Assert.False(_queue.IsWithdrawn("failing:morning"));
    }

    private List<QueuedNotice> ReadAll()
    {
        var read = new List<QueuedNotice>();
        while (_queue.Reader.TryRead(out var notice))
        {
            read.Add(notice);
        }
        return read;
    }

    private static QueuedNotice Notice(string key, string? listId = null) =>
        new(key, new SystemNotice("Something", "happened", "nothing to do", DateTimeOffset.UnixEpoch, listId), listId);
}

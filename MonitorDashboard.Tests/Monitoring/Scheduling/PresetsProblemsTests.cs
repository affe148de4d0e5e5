using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Email.Templates;
using MonitorDashboard.Monitoring.Notices;
using MonitorDashboard.Monitoring.Scheduling;
using MonitorDashboard.Presets;
using MonitorDashboard.Tests.Monitoring.History;
using MonitorDashboard.Tests.Presets;

namespace MonitorDashboard.Tests.Monitoring.Scheduling;

/// <summary>
/// What the scheduler does about presets.json it cannot use or lists it cannot schedule: the notices queued for the
/// admins, and since when the file was unusable (which decides why runs that came due meanwhile were missed).
/// </summary>
public sealed class PresetsProblemsTests : IAsyncDisposable
{
    private static readonly PresetsFileError Broken = new("/srv/presets.json", "is not valid JSON: unexpected end", 3, 1);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.Zero));
    private readonly HistoryTestDatabase _db = new();
    private readonly AdminNoticeQueue _queue = new(NullLogger<AdminNoticeQueue>.Instance);
    private readonly PresetsProblems _problems;

    public PresetsProblemsTests() =>
        _problems = new PresetsProblems(new AdminNotifier(_db.Open(), _queue, _clock, NullLogger<AdminNotifier>.Instance), _clock);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public void An_outage_starts_at_the_first_tick_the_file_cannot_be_used_and_is_handed_over_once_when_it_ends()
    {
        var start = _clock.GetUtcNow();
        _problems.FileUnusable(Broken);
        _clock.Advance(TimeSpan.FromMinutes(10));
        _problems.FileUnusable(Broken);
        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(start, _problems.FileUsable());
        Assert.Null(_problems.FileUsable());
    }

    [Fact]
    public void Without_an_outage_there_is_nothing_to_hand_over()
    {
        Assert.Null(_problems.FileUsable());
    }

    [Fact]
    public void An_unusable_file_is_told_to_the_admins_once_it_lasted_the_grace_and_not_again_at_every_tick()
    {
        for (var tick = 0; tick < 5; tick++)
        {
            _problems.FileUnusable(Broken);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var notice = Assert.IsType<PresetsUnreadableNotice>(Assert.Single(Queued()).Notice);
        Assert.Equal((Broken.FilePath, Broken.Message, Broken.Line), (notice.File, notice.Message, notice.Line));
    }

    [Fact]
    public void An_invalid_list_is_told_to_the_admins_with_its_validation_errors_once()
    {
        var list = new MonitoringList { Id = "bad", Name = "Bad list", CronSchedule = "*/2 * * * *", Recipients = ["planning@example.com"] };
        var validator = TempPresetsFolder.CreateValidator(_clock);
        var snapshot = new PresetsSnapshot("presets.json", "v1", new PresetsDocument { MonitoringLists = [list] }, null,
            validator.ValidateAll([list]), _clock.GetUtcNow());

        _problems.ListInvalid(list, snapshot);
        _problems.ListInvalid(list, snapshot);

        var queued = Assert.Single(Queued());
        var notice = Assert.IsType<ListInvalidNotice>(queued.Notice);
        Assert.Equal(("bad", "Bad list"), (notice.ListId, notice.ListName));
        Assert.Equal(snapshot.ValidationOf("bad")!.Errors.Select(e => e.Message), notice.Reasons);
        Assert.Contains(notice.Reasons, r => r.Contains("cron_schedule", StringComparison.Ordinal));
    }

    private List<QueuedNotice> Queued()
    {
        var read = new List<QueuedNotice>();
        while (_queue.Reader.TryRead(out var notice))
        {
            read.Add(notice);
        }
        return read;
    }
}

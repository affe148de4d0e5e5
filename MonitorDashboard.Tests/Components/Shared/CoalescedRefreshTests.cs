using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Components.Shared;

namespace MonitorDashboard.Tests.Components.Shared;

/// <summary>A page hears about every run starting and finishing; it renders at once after a quiet moment, then at most every interval.</summary>
public sealed class CoalescedRefreshTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));
    private int _renders;

    private CoalescedRefresh Create() => new(() =>
    {
        Interlocked.Increment(ref _renders);
        return Task.CompletedTask;
    }, _time);

    [Fact]
    public void The_first_change_after_a_quiet_moment_renders_at_once()
    {
        using var refresh = Create();

        refresh.Request();

        Assert.Equal(1, _renders);
    }

    [Fact]
    public void A_thousand_changes_within_the_interval_render_once_more_at_its_end()
    {
        using var refresh = Create();
        refresh.Request();

        for (var i = 0; i < 1000; i++)
        {
            refresh.Request();
        }
        Assert.Equal(1, _renders);
        _time.Advance(CoalescedRefresh.Interval);

        Assert.Equal(2, _renders);
        _time.Advance(CoalescedRefresh.Interval * 4);
        Assert.Equal(2, _renders); // nothing changed since: no render
        refresh.Request();
        Assert.Equal(3, _renders); // quiet long enough: at once again
    }

    [Fact]
    public void A_closed_page_is_not_rendered_again()
    {
        var refresh = Create();
        refresh.Request();
        refresh.Request();

        refresh.Dispose();
        _time.Advance(CoalescedRefresh.Interval);

        Assert.Equal(1, _renders);
    }
}

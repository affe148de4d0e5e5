using MonitorDashboard.Benchmarks.Scale;

namespace MonitorDashboard.Tests.Benchmarks.Scale;

public sealed class BurstMinuteTests
{
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(40);

    [Theory]
    [InlineData("2026-11-30T07:00:00Z", "2026-11-30T07:01:00Z")]
    [InlineData("2026-11-30T06:59:10Z", "2026-11-30T07:00:00Z")]
    [InlineData("2026-11-30T06:59:20.001Z", "2026-11-30T07:01:00Z")]
    [InlineData("2026-11-30T06:59:25Z", "2026-11-30T07:01:00Z")]
    [InlineData("2026-12-31T23:59:30Z", "2027-01-01T00:01:00Z")]
    public void The_burst_is_the_first_whole_minute_at_least_the_lead_away(string now, string expected)
    {
        var burst = BurstMinute.First(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), Lead);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), burst);
        Assert.Equal(TimeSpan.Zero, burst.Offset);
    }

    [Fact]
    public void A_time_given_in_another_zone_gets_a_utc_minute()
    {
        var burst = BurstMinute.First(new DateTimeOffset(2026, 11, 30, 8, 0, 5, TimeSpan.FromHours(1)), Lead);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 1, 0, TimeSpan.Zero), burst);
        Assert.Equal("1 * * * *", BurstMinute.Cron(burst));
    }

    [Fact]
    public void Every_list_is_due_hourly_at_the_burst_minute()
    {
        Assert.Equal("37 * * * *", BurstMinute.Cron(new DateTimeOffset(2026, 11, 30, 16, 37, 0, TimeSpan.Zero)));
    }
}

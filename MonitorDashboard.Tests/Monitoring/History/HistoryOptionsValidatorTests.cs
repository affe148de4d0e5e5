using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.History;

public sealed class HistoryOptionsValidatorTests
{
    private static IReadOnlyList<string> Problems(HistoryOptions options) =>
        new HistoryOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(Problems(new HistoryOptions()));

    public static TheoryData<Action<HistoryOptions>, string> BrokenFields => new()
    {
        { o => o.DatabasePath = " ", "History:DatabasePath must not be empty" },
        { o => o.DatabasePath = "data/mon\0itor.db", "History:DatabasePath: \"data/mon\0itor.db\" is not a valid path" },
        { o => o.BusyTimeout = TimeSpan.FromMilliseconds(-1), "History:BusyTimeout: -00:00:00.0010000 is outside 00:00:00–00:01:00" },
        { o => o.BusyTimeout = TimeSpan.FromMinutes(1).Add(TimeSpan.FromSeconds(1)), "History:BusyTimeout: 00:01:01 is outside 00:00:00–00:01:00" },
    };

    [Theory]
    [MemberData(nameof(BrokenFields))]
    public void Each_broken_field_is_named(Action<HistoryOptions> breakIt, string expected)
    {
        var options = new HistoryOptions();
        breakIt(options);

        Assert.Equal(expected, Assert.Single(Problems(options)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(200)]
    [InlineData(60_000)]
    public void A_busy_timeout_from_zero_to_a_minute_is_valid(int milliseconds) =>
        Assert.Empty(Problems(new HistoryOptions { BusyTimeout = TimeSpan.FromMilliseconds(milliseconds) }));
}

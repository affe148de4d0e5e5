using MonitorDashboard.Monitoring;

namespace MonitorDashboard.Tests.Monitoring;

public sealed class MonitoringOptionsValidatorTests
{
    private static IReadOnlyList<string> Problems(MonitoringOptions options) =>
        new MonitoringOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(Problems(new MonitoringOptions()));

    public static TheoryData<Action<MonitoringOptions>, string> BrokenFields => new()
    {
        { o => o.TimeZone = "Mars/Olympus", "Monitoring:TimeZone: \"Mars/Olympus\"" },
        { o => o.MinimumInterval = TimeSpan.Zero, "Monitoring:MinimumInterval" },
        { o => o.MaxConcurrentChecks = 0, "Monitoring:MaxConcurrentChecks" },
        { o => o.MisfireGrace = TimeSpan.FromMinutes(-1), "Monitoring:MisfireGrace" },
        { o => o.HistoryRetention = 0, "Monitoring:HistoryRetention" },
    };

    [Theory]
    [MemberData(nameof(BrokenFields))]
    public void Each_broken_field_is_named(Action<MonitoringOptions> breakIt, string expected)
    {
        var options = new MonitoringOptions();
        breakIt(options);

        Assert.Contains(expected, Assert.Single(Problems(options)), StringComparison.Ordinal);
    }
}

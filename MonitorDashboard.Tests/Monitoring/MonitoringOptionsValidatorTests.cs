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
        { o => o.MaxConcurrentChecks = 0, "Monitoring:MaxConcurrentChecks" },
        { o => o.MisfireGrace = TimeSpan.FromMinutes(-1), "Monitoring:MisfireGrace" },
        { o => o.HistoryRetention = 0, "Monitoring:HistoryRetention" },
        { o => o.CheckTimeout = TimeSpan.FromMilliseconds(999), "Monitoring:CheckTimeout: 00:00:00.9990000 is outside 00:00:01–01:00:00" },
        { o => o.CheckTimeout = TimeSpan.FromHours(1).Add(TimeSpan.FromSeconds(1)), "Monitoring:CheckTimeout: 01:00:01 is outside" },
        { o => o.RunLease = TimeSpan.FromSeconds(2), "Monitoring:RunLease: 00:00:02 is shorter than three seconds" },
        { o => o.StopGrace = TimeSpan.FromSeconds(-1), "Monitoring:StopGrace: -00:00:01 is outside 00:00:00–00:00:20" },
        { o => o.StopGrace = TimeSpan.FromSeconds(21), "Monitoring:StopGrace: 00:00:21 is outside" },
    };

    public static TheoryData<Action<MonitoringOptions>> EdgesThatAreValid => new()
    {
        o => o.CheckTimeout = TimeSpan.FromSeconds(1),
        o => o.CheckTimeout = TimeSpan.FromHours(1),
        o => o.RunLease = TimeSpan.FromSeconds(3),
        o => o.StopGrace = TimeSpan.Zero,
        o => o.StopGrace = TimeSpan.FromSeconds(20),
    };

    [Theory]
    [MemberData(nameof(EdgesThatAreValid))]
    public void The_edges_of_each_range_are_valid(Action<MonitoringOptions> setEdge)
    {
        var options = new MonitoringOptions();
        setEdge(options);

        Assert.Empty(Problems(options));
    }

    [Theory]
    [MemberData(nameof(BrokenFields))]
    public void Each_broken_field_is_named(Action<MonitoringOptions> breakIt, string expected)
    {
        var options = new MonitoringOptions();
        breakIt(options);

        Assert.Contains(expected, Assert.Single(Problems(options)), StringComparison.Ordinal);
    }
}

using MonitorDashboard.Cron;

namespace MonitorDashboard.Tests.Cron;

public sealed class ScheduleOptionsValidatorTests
{
    private static IReadOnlyList<string> Problems(ScheduleOptions options) =>
        new ScheduleOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(Problems(new ScheduleOptions()));

    [Fact]
    public void An_unknown_time_zone_is_named_with_an_example() =>
        Assert.Contains("Monitoring:TimeZone: \"Mars/Olympus\" is not a known IANA time zone", Assert.Single(Problems(new ScheduleOptions { TimeZone = "Mars/Olympus" })), StringComparison.Ordinal);

    [Fact]
    public void A_minimum_interval_under_one_second_is_named() =>
        Assert.Contains("Monitoring:MinimumInterval", Assert.Single(Problems(new ScheduleOptions { MinimumInterval = TimeSpan.Zero })), StringComparison.Ordinal);

    [Theory]
    [InlineData(null, "Europe/Berlin")]
    [InlineData("  ", "Europe/Berlin")]
    [InlineData(" America/New_York ", "America/New_York")]
    public void A_lists_own_zone_wins_over_the_default(string? listZone, string expected) =>
        Assert.Equal(expected, new ScheduleOptions { TimeZone = "Europe/Berlin" }.ZoneIdOf(listZone));

    [Fact]
    public void An_unknown_list_zone_falls_back_to_the_default_zone() =>
        Assert.Equal("Europe/Berlin", new ScheduleOptions { TimeZone = "Europe/Berlin" }.ZoneOf("Nowhere/Atlantis").Id);
}

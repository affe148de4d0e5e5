using MonitorDashboard.Monitoring.Health;

namespace MonitorDashboard.Tests.Monitoring.Health;

public sealed class HealthOptionsValidatorTests
{
    private static IReadOnlyList<string> Validate(HealthOptions options) =>
        new HealthOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdef")]
    public void No_token_or_one_of_at_least_sixteen_characters_passes(string? token) =>
        Assert.Empty(Validate(new HealthOptions { Token = token }));

    public static TheoryData<string, Action<HealthOptions>, string> Broken => new()
    {
        { "short token", o => o.Token = "short-secret", "Health:Token: must be at least 16 characters long (it has 12)" },
        { "token with a space", o => o.Token = "0123456789 abcdef", "Health:Token: must be printable ASCII without spaces" },
        { "zero cache", o => o.AnonymousCacheDuration = TimeSpan.Zero, "Health:AnonymousCacheDuration: 00:00:00 must be between 00:00:01 and 01:00:00" },
        { "long cache", o => o.AnonymousCacheDuration = TimeSpan.FromHours(2), "Health:AnonymousCacheDuration: 02:00:00 must be between 00:00:01 and 01:00:00" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void One_broken_field_gives_one_problem_naming_its_key(string because, Action<HealthOptions> breakIt, string expected)
    {
        var options = new HealthOptions();
        breakIt(options);

        var problem = Assert.Single(Validate(options));
        Assert.True(problem.StartsWith(expected, StringComparison.Ordinal), $"{because}: {problem}");
    }

    [Fact]
    public void A_rejected_token_is_never_echoed()
    {
        var problem = Assert.Single(Validate(new HealthOptions { Token = "short-secret" }));

        Assert.DoesNotContain("short-secret", problem, StringComparison.Ordinal);
    }
}

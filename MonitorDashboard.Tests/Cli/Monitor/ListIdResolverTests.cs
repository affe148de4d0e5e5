using MonitorDashboard.Cli.Monitor;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Tests.Cli.Monitor;

public sealed class ListIdResolverTests
{
    private static readonly IReadOnlyList<MonitoringList> Lists =
    [
        new() { Id = "abc", Name = "Short" },
        new() { Id = "abcdef-1", Name = "Long one" },
        new() { Id = "abcdef-2", Name = "Long two" },
        new() { Id = "", Name = "No id" },
        new() { Id = "ffff", Name = "Other" },
    ];

    [Theory]
    [InlineData("abc", 0)] // an exact id wins over being the prefix of longer ones
    [InlineData("ABCDEF-2", 2)]
    [InlineData("f", 4)]
    [InlineData(" ffff ", 4)]
    public void Finds_an_exact_id_or_a_unique_prefix_ignoring_case(string input, int expected)
    {
        var resolution = ListIdResolver.Resolve(Lists, input);

        Assert.Null(resolution.Error);
        Assert.Equal(expected, resolution.Index);
    }

    [Theory]
    [InlineData("abcd", "id prefix 'abcd' matches 2 lists: abcdef-1 (Long one), abcdef-2 (Long two); give more of the id")]
    [InlineData("zz", "no list with id 'zz' (see 'monitor list' for the ids)")]
    [InlineData("", "no list with id '' (see 'monitor list' for the ids)")]
    public void Refuses_an_ambiguous_or_unknown_id_with_the_reason(string input, string expected)
    {
        var resolution = ListIdResolver.Resolve(Lists, input);

        Assert.Equal(-1, resolution.Index);
        Assert.Equal(expected, resolution.Error);
    }
}

using MonitorDashboard.Benchmarks;

namespace MonitorDashboard.Tests.Benchmarks;

public sealed class BenchmarkOptionsTests
{
    [Fact]
    public void Without_arguments_both_parts_run_with_a_thousand_lists()
    {
        Assert.True(BenchmarkOptions.TryParse([], out var options, out _));

        Assert.True(options.RunsRequests);
        Assert.True(options.RunsScale);
        Assert.Equal(1000, options.ScaleLists);
    }

    [Fact]
    public void Short_mode_still_runs_the_scale_burst()
    {
        Assert.True(BenchmarkOptions.TryParse(["--short"], out var options, out _));

        Assert.True(options.RunsScale);
        Assert.Equal(1000, options.ScaleLists);
    }

    [Theory]
    [InlineData(new[] { "--scale" }, 1000)]
    [InlineData(new[] { "--scale", "5000" }, 5000)]
    [InlineData(new[] { "--scale", "10", "--latency-ms", "5" }, 10)]
    [InlineData(new[] { "--scale", "--short" }, 1000)]
    public void Scale_runs_only_the_burst_with_an_optional_list_count(string[] args, int lists)
    {
        Assert.True(BenchmarkOptions.TryParse(args, out var options, out var error), error);

        Assert.False(options.RunsRequests);
        Assert.True(options.RunsScale);
        Assert.Equal(lists, options.ScaleLists);
    }

    [Fact]
    public void Only_requests_skips_the_burst()
    {
        Assert.True(BenchmarkOptions.TryParse(["--only", "requests"], out var options, out _));

        Assert.True(options.RunsRequests);
        Assert.False(options.RunsScale);
    }

    [Theory]
    [InlineData("--only everything")]
    [InlineData("--scale 0")]
    [InlineData("--scale -5")]
    public void A_wrong_value_is_refused_with_the_argument_named(string commandLine)
    {
        Assert.False(BenchmarkOptions.TryParse(commandLine.Split(' '), out _, out var error));

        Assert.Contains("\"", error);
    }
}

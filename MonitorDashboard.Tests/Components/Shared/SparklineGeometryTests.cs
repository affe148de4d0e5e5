using MonitorDashboard.Components.Shared;

namespace MonitorDashboard.Tests.Components.Shared;

public sealed class SparklineGeometryTests
{
    [Fact]
    public void A_gap_breaks_the_line_and_a_value_between_gaps_becomes_a_dot()
    {
        // 100 × 20 without padding, values 1, –, 3, 4: the largest (4) is the top; x at 0, 33.33, 66.67, 100;
        // y = 20 − v / 4 × 20 → 15, 5, 0.
        var geometry = new SparklineGeometry(100, 20, [[1, null, 3, 4]], padding: 0);

        Assert.Equal(["66.67,5 100,0"], geometry.Lines(0));
        Assert.Equal([(0d, 15d)], geometry.Dots(0));
    }

    [Fact]
    public void All_series_share_one_scale_and_zero_sits_on_the_bottom()
    {
        // Largest of both series is 10: the 5 of the second sits half-way up, its 0 on the bottom edge.
        var geometry = new SparklineGeometry(10, 10, [[10, 10], [0, 5]], padding: 0);

        Assert.Equal(["0,0 10,0"], geometry.Lines(0));
        Assert.Equal(["0,10 10,5"], geometry.Lines(1));
    }

    [Fact]
    public void A_single_run_is_a_dot_in_the_middle_and_only_zeros_still_draw_on_the_bottom()
    {
        var geometry = new SparklineGeometry(100, 20, [[0]], padding: 0);

        Assert.Empty(geometry.Lines(0));
        Assert.Equal([(50d, 20d)], geometry.Dots(0));
    }
}

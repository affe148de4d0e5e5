using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Tests.InvenTree;

public sealed class FetchActivityTests
{
    [Fact]
    public void Nothing_in_flight_is_described_as_null() => Assert.Null(new FetchActivity().Describe());

    [Fact]
    public void One_step_in_flight_is_described_as_it_was_begun()
    {
        var activity = new FetchActivity();

        using var step = activity.Begin("fetching the BOM of Widget Assembly");

        Assert.Equal("fetching the BOM of Widget Assembly", activity.Describe());
    }

    [Fact]
    public void Several_steps_are_described_by_the_oldest_and_how_many_more()
    {
        var activity = new FetchActivity();
        var bom = activity.Begin("fetching the BOM of Widget Assembly");
        var parts = activity.Begin("fetching the parts in the BOM of Widget Assembly");
        using var suppliers = activity.Begin("fetching the supplier list");

        Assert.Equal("fetching the BOM of Widget Assembly (and 2 more)", activity.Describe());
        bom.Dispose();
        Assert.Equal("fetching the parts in the BOM of Widget Assembly (and 1 more)", activity.Describe());
        parts.Dispose();
        Assert.Equal("fetching the supplier list", activity.Describe());
    }

    [Fact]
    public void A_step_ended_twice_ends_only_itself()
    {
        var activity = new FetchActivity();
        var first = activity.Begin("asking InvenTree for its version");
        using var second = activity.Begin("fetching the supplier list");

        first.Dispose();
        first.Dispose();

        Assert.Equal("fetching the supplier list", activity.Describe());
    }

    [Fact]
    public void What_was_in_flight_when_the_fetch_was_given_up_is_kept_after_the_steps_end()
    {
        var activity = new FetchActivity();
        var bom = activity.Begin("fetching the BOM of Widget Assembly");
        var parts = activity.Begin("fetching the parts in the BOM of Widget Assembly");
        Assert.Null(activity.GivenUpWhile);

        activity.GivingUp();
        parts.Dispose();
        activity.GivingUp();
        bom.Dispose();

        Assert.Null(activity.Describe());
        Assert.Equal("fetching the BOM of Widget Assembly (and 1 more)", activity.GivenUpWhile);
    }

    [Fact]
    public void A_blank_description_is_refused() => Assert.Throws<ArgumentException>(() => new FetchActivity().Begin(" "));

    [Fact]
    public async Task Steps_begun_and_ended_concurrently_leave_nothing_behind()
    {
        var activity = new FetchActivity();

        await Parallel.ForAsync(0, 2_000, TestContext.Current.CancellationToken, (i, _) =>
        {
            using (activity.Begin($"fetching the BOM of part #{i}"))
            {
                Assert.NotNull(activity.Describe());
            }
            return ValueTask.CompletedTask;
        });

        Assert.Null(activity.Describe());
    }
}

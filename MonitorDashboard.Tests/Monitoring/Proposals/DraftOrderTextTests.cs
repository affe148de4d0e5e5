using MonitorDashboard.Monitoring.Proposals;

namespace MonitorDashboard.Tests.Monitoring.Proposals;

public sealed class DraftOrderTextTests
{
    private static readonly Guid RunId = Guid.Parse("0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");

    [Fact]
    public void The_description_names_the_list_the_run_id_and_its_time_in_UTC()
    {
        var run = new DraftRun(RunId, "3f1c", "Gateways", new DateTimeOffset(2026, 11, 30, 7, 5, 0, TimeSpan.FromHours(1)));

        Assert.Equal("Drafted by MonitorDashboard from monitoring list \"Gateways\", run 0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a of 2026-11-30 06:05 UTC",
            DraftOrderText.Description(run));
        Assert.Equal("monitoring list Gateways", DraftOrderText.LineReference(run));
    }

    [Fact]
    public void A_very_long_list_name_is_shortened_so_InvenTree_takes_the_texts_and_the_run_id_stays_whole()
    {
        var run = new DraftRun(RunId, "3f1c", new string('x', 400), DateTimeOffset.UnixEpoch);

        var description = DraftOrderText.Description(run);

        Assert.True(description.Length <= 250, $"{description.Length} characters");
        Assert.Contains(RunId.ToString("D"), description, StringComparison.Ordinal);
        Assert.Equal(100, DraftOrderText.LineReference(run).Length);
        Assert.EndsWith("…", DraftOrderText.LineReference(run), StringComparison.Ordinal);
    }
}

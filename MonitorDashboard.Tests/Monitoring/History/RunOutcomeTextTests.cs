using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.History;

public sealed class RunOutcomeTextTests
{
    public static TheoryData<RunOutcome> Outcomes() => [.. Enum.GetValues<RunOutcome>()];

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Every_outcome_reads_as_words_not_as_its_code_name(RunOutcome outcome)
    {
        var label = RunOutcomeText.Label(outcome);

        Assert.False(string.IsNullOrWhiteSpace(label));
        Assert.NotEqual(outcome.ToString(), label);
    }

    [Fact]
    public void No_two_outcomes_read_the_same()
    {
        var labels = Enum.GetValues<RunOutcome>().Select(RunOutcomeText.Label).ToList();

        Assert.Equal(labels.Count, labels.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void A_run_skipped_because_nothing_changed_reads_no_change_no_email()
    {
        Assert.Equal("no change, no email", RunOutcomeText.Label(RunOutcome.SkippedUnchanged));
    }
}

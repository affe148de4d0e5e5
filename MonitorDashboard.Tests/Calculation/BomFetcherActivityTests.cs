using MonitorDashboard.Calculation;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTree;

/// <summary>What a fetch says it is waiting for while InvenTree holds one kind of request (real HTTP, sample catalog).</summary>
public sealed class BomFetcherActivityTests
{
    private static readonly PartRequest[] MasterAssembly = [new("Master Assembly", null, null, 60)];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/part/?name_regex=", "looking up Master Assembly in InvenTree")]
    [InlineData("/api/bom/", "fetching the BOM of Master Assembly")]
    [InlineData("/api/part/?in_bom_for=", "fetching the parts in the BOM of Master Assembly")]
    public async Task A_held_request_is_described_in_words_while_it_waits_and_nothing_once_the_calculation_is_done(
        string heldRequests, string expected)
    {
        await using var harness = await InvenTreeHarness.StartAsync();
        harness.Emulator.Faults.PathFilter = heldRequests;
        harness.Emulator.Faults.Paused = true;
        var activity = new FetchActivity();

        var run = harness.Calculation.RunAsync(MasterAssembly, CalculationOptions.Default, Ct, activity: activity);
        await Poll.UntilAsync(() => activity.Describe() == expected, because: $"the activity never said \"{expected}\"");
        Assert.False(run.IsCompleted);
        harness.Emulator.Faults.Paused = false;

        Assert.NotEmpty((await run).Result.SubassembliesToBuild);
        Assert.Null(activity.Describe());
    }

    [Fact]
    public async Task A_bom_that_stalls_mid_body_is_described_until_the_fetch_is_given_up()
    {
        await using var harness = await InvenTreeHarness.StartAsync();
        harness.Emulator.Faults.PathFilter = "/api/bom/";
        harness.Emulator.Faults.StallMidBody = true;
        var activity = new FetchActivity();
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var fetch = harness.Fetcher.FetchAsync(MasterAssembly, CalculationOptions.Default, giveUp.Token, activity);
        await Poll.UntilAsync(() => activity.Describe() == "fetching the BOM of Master Assembly");
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch);
        await Poll.UntilAsync(() => activity.Describe() is null, because: "every step ends when its call is cancelled");
    }
}

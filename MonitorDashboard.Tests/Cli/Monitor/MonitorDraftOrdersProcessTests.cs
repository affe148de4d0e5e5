using Microsoft.Extensions.DependencyInjection;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Cli.Monitor;

/// <summary>
/// <c>MonitorDashboard monitor draft-orders &lt;id&gt; [--yes]</c> as its own process against the emulator: the list's
/// latest run with a result becomes Pending purchase orders, recorded where the dashboard reads them.
/// </summary>
[ProcessTests]
public sealed class MonitorDraftOrdersProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<ProcessResult> DraftAsync(EngineHarness engine, params string[] args) =>
        AppProcess.RunAsync(["monitor", "draft-orders", .. args],
            engine.Settings.ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value),
            engine.Folder);

    private static IReadOnlyList<string> Posts(EngineHarness engine) =>
        [.. engine.Emulator.Requests.Where(r => r.Method == "POST").Select(r => r.PathAndQuery)];

    [Fact]
    public async Task Without_a_terminal_it_shows_the_plan_and_refuses_then_with_yes_it_creates_the_orders_once()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()));

        var noRun = await DraftAsync(engine, EngineLists.ProductionId, "--yes");

        Assert.Equal(1, noRun.ExitCode);
        Assert.Contains("no run with a result", noRun.SingleErrorLine(), StringComparison.Ordinal);

        var run = (await engine.RunAsync(EngineLists.ProductionId)).Run!.Summary;
        var asked = await DraftAsync(engine, EngineLists.ProductionId[..8]);

        Assert.Equal(2, asked.ExitCode);
        Assert.Contains($"Order proposal of 'Production plan', run {run.RunId}", asked.StdOut, StringComparison.Ordinal);
        Assert.Contains(": new Pending order with ", asked.StdOut, StringComparison.Ordinal);
        Assert.Equal("error: refusing to create draft orders without --yes when stdin is not a terminal; nothing was sent", asked.SingleErrorLine());
        Assert.Empty(Posts(engine));

        var created = await DraftAsync(engine, EngineLists.ProductionId, "--yes");

        Assert.True(created.ExitCode == 0, created.StdErr);
        var drafts = await engine.Services.GetRequiredService<IDraftOrderStore>().ForRunAsync(run.RunId, Ct);
        Assert.NotEmpty(drafts.Orders);
        Assert.All(drafts.Orders, o => Assert.Contains($"Created {o.OrderReference} for {o.SupplierName} with ", created.StdOut, StringComparison.Ordinal));
        Assert.Equal(drafts.Orders.Count, Posts(engine).Count(p => p == "/api/order/po/"));
        Assert.All(drafts.Lines, l => Assert.Equal(DraftLineStatus.Created, l.Status));
        var posts = Posts(engine).Count;

        var again = await DraftAsync(engine, EngineLists.ProductionId, "--yes");

        Assert.True(again.ExitCode == 0, again.StdErr);
        Assert.Contains("Nothing to create: this run's orders exist already: " + drafts.Orders[0].OrderReference, again.StdOut, StringComparison.Ordinal);
        Assert.Equal(posts, Posts(engine).Count);
    }

    [Fact]
    public async Task A_refused_line_is_printed_with_InvenTrees_reason_and_the_exit_code_is_1()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()));
        await engine.RunAsync(EngineLists.ProductionId);
        // The first line InvenTree is asked to add is refused; the reads of the same path (open orders' lines) are not.
        engine.Emulator.Faults.PathFilter = "/api/order/po-line/";
        engine.Emulator.Faults.MethodFilter = "POST";
        engine.Emulator.Faults.FailNext(400);

        var result = await DraftAsync(engine, EngineLists.ProductionId, "--yes");

        Assert.True(result.ExitCode == 1, result.StdErr);
        Assert.Contains("  refused: ", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("InvenTree rejected POST /api/order/po-line/: HTTP 400: Emulated failure (400).", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("run the command again to create only what is missing", result.SingleErrorLine(), StringComparison.Ordinal);
    }
}

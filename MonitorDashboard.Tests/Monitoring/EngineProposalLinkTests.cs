using AngleSharp.Html.Parser;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring;

/// <summary>The report a real run sends (emulator, SMTP on loopback) links to that run's proposal page.</summary>
public sealed class EngineProposalLinkTests
{
    [Fact]
    public async Task The_report_of_a_run_links_to_the_proposal_of_that_very_run()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()),
            settings: new Dictionary<string, string?> { ["Dashboard:PublicUrl"] = "https://monitor.example.com/" });

        var run = (await engine.RunAsync(EngineLists.ProductionId)).Run!.Summary;

        var report = Assert.Single(engine.MessagesTo(EngineHarness.Planner));
        var links = new HtmlParser().ParseDocument(report.Message.HtmlBody ?? "").QuerySelectorAll("a")
            .Where(a => a.TextContent.Trim() == "Review order proposal").Select(a => a.GetAttribute("href"));
        Assert.Equal([$"https://monitor.example.com/runs/{run.RunId}/proposal"], links);
    }
}

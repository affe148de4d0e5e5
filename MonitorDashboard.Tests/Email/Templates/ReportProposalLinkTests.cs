using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MonitorDashboard.Calculation;
using MonitorDashboard.Email;
using MonitorDashboard.Email.Templates;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Email.Templates;

/// <summary>"Review order proposal" in a run's report: only with <c>Dashboard:PublicUrl</c> set and parts to order.</summary>
public sealed class ReportProposalLinkTests
{
    private static readonly Guid RunId = Guid.Parse("0b7e3a52-9c1d-4f6e-8a20-5d3c1e7f9a64");

    private static EmailMessage Render(string? publicUrl, CalculationResult result, Guid? runId = null)
    {
        using var rendering = EmailRendering.Create(publicUrl: publicUrl);
        return rendering.Reports.RenderReport(ReportSamples.Model(result, runId: runId ?? RunId));
    }

    private static IReadOnlyList<string?> ProposalLinks(EmailMessage message) =>
        new HtmlParser().ParseDocument(message.HtmlBody).QuerySelectorAll("a")
            .Where(a => a.TextContent.Trim() == "Review order proposal").Select(a => a.GetAttribute("href")).ToList();

    [Theory]
    [InlineData("https://monitor.example.com")]
    [InlineData("https://monitor.example.com/")]
    public void With_a_public_address_and_parts_to_order_both_parts_of_the_report_link_to_the_run_s_proposal(string publicUrl)
    {
        var message = Render(publicUrl, ReportSamples.Everything());

        const string expected = "https://monitor.example.com/runs/0b7e3a52-9c1d-4f6e-8a20-5d3c1e7f9a64/proposal";
        Assert.Equal([expected], ProposalLinks(message));
        Assert.Contains($"Review order proposal (by supplier, in packs, with prices): {expected}", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_address_with_a_path_base_keeps_it() =>
        Assert.Equal(["https://intranet.example.com/monitor/runs/0b7e3a52-9c1d-4f6e-8a20-5d3c1e7f9a64/proposal"],
            ProposalLinks(Render("https://intranet.example.com/monitor/", ReportSamples.Everything())));

    [Fact]
    public void Without_a_public_address_there_is_no_link()
    {
        var message = Render(null, ReportSamples.Everything());

        Assert.Empty(ProposalLinks(message));
        Assert.DoesNotContain("order proposal", message.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/proposal", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void With_nothing_to_order_there_is_no_link()
    {
        var result = ReportSamples.Everything() with { PartsToOrder = [] };

        var message = Render("https://monitor.example.com", result);

        Assert.Empty(ProposalLinks(message));
        Assert.DoesNotContain("order proposal", message.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("monitor.example.com")]
    [InlineData("ftp://monitor.example.com")]
    [InlineData("/monitor")]
    [InlineData("https://monitor.example.com/?a=1")]
    public void A_public_address_that_is_not_an_absolute_http_address_stops_the_start_with_its_key_named(string value)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = TestPaths.RepoRoot });
        builder.Configuration["Dashboard:PublicUrl"] = value;
        builder.AddEmailTemplates();
        using var host = builder.Build();

        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<DashboardOptions>>().Value);

        Assert.Contains("Dashboard:PublicUrl", ex.Message, StringComparison.Ordinal);
        Assert.Contains(value, ex.Message, StringComparison.Ordinal);
    }
}

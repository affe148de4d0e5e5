using System.Text.Encodings.Web;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MonitorDashboard.Calculation;
using MonitorDashboard.Cron;
using MonitorDashboard.Email.Templates;
using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Tests.Email.Templates;

/// <summary>
/// The inliner remembers what PreMailer gives each kind of element, so a burst of reports does not run PreMailer
/// over every one of them; the emails must come out exactly as PreMailer makes them, on the first report and the later ones.
/// </summary>
public sealed class CssInlinerTests
{
    private readonly CssInliner _inliner = new(NullLogger<CssInliner>.Instance);

    public static TheoryData<string> Results => ["everything", "previous", "all clear", "many rows"];

    [Theory]
    [MemberData(nameof(Results))]
    public void A_report_comes_out_exactly_as_premailer_inlines_it_the_first_time_and_every_time_after(string which)
    {
        var html = RawReport(which);

        var first = _inliner.Inline(html);
        var again = _inliner.Inline(html);

        var reference = _inliner.InlineWithPreMailer(html);
        Assert.Equal(reference, first);
        Assert.Equal(reference, again);
        Assert.Equal(0, _inliner.WholeDocumentRuns); // the remembered styles were used, not PreMailer over the whole email
    }

    [Fact]
    public void Reports_of_different_results_share_what_was_learned_and_still_match_premailer()
    {
        foreach (var which in new[] { "all clear", "everything", "many rows", "previous" })
        {
            var html = RawReport(which);
            Assert.Equal(_inliner.InlineWithPreMailer(html), _inliner.Inline(html));
        }
        Assert.Equal(0, _inliner.WholeDocumentRuns);
    }

    [Theory]
    [InlineData("tr:first-child td { color: red; } td { padding: 2px; }")]
    [InlineData("td + td { color: red; }")]
    [InlineData("a[href] { color: red; }")]
    [InlineData("* { margin: 0; } p { color: blue; }")]
    [InlineData("title { color: red; } p { color: blue; }")]
    public void A_stylesheet_with_rules_beyond_ancestry_is_inlined_by_premailer_as_a_whole(string css)
    {
        var html = $"<!DOCTYPE html><html><head><title>t</title><style>{css}</style></head><body><!-- c --><table><tr><td>1</td><td><a href=\"x\">2</a></td></tr></table><p>p</p></body></html>";

        Assert.Equal(_inliner.InlineWithPreMailer(html), _inliner.Inline(html));
        Assert.Equal(1, _inliner.WholeDocumentRuns);
    }

    [Fact]
    public void An_elements_own_style_is_kept_beside_the_stylesheets_and_the_important_ones_win()
    {
        const string html = "<!DOCTYPE html><html><head><style>p.note { color: gray; margin: 0 !important; } p { padding: 1px; }</style></head>"
            + "<body><p class=\"note\" style=\"color: red; margin: 4px\">a</p><p class=\"note\">b</p><p style=\"color: red; margin: 4px\">c</p></body></html>";

        var inlined = _inliner.Inline(html);

        Assert.Equal(_inliner.InlineWithPreMailer(html), inlined);
        Assert.Equal(0, _inliner.WholeDocumentRuns);
        Assert.DoesNotContain("<style", inlined, StringComparison.OrdinalIgnoreCase);
    }

    private static string RawReport(string which)
    {
        using var rendering = EmailRendering.Create();
        var result = which switch
        {
            "everything" => ReportSamples.Everything(),
            "previous" => ReportSamples.Previous(),
            "all clear" => new CalculationResult([], [], [], [], []),
            _ => ReportSamples.Everything() with
            {
                PartsToOrder = [.. Enumerable.Range(1, 120).Select(i => ReportSamples.Order(1000 + i, $"Part {i}", i))],
            },
        };
        var model = ReportSamples.Model(result, previous: which == "everything" ? ReportSamples.Previous() : null);
        var formatting = new EmailFormatting(
            Options.Create(new EmailTemplateOptions()), Options.Create(new ScheduleOptions()), Options.Create(new InvenTreeOptions()),
            new InvenTreeServerVersion());
        var view = new ReportViewBuilder(formatting, Options.Create(new DashboardOptions())).Build(model);
        return rendering.Store.Render(ReportRenderer.HtmlTemplate, "report", view, HtmlEncoder.Default, TimeZoneInfo.Utc);
    }
}

using System.Text.Encodings.Web;
using AngleSharp;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MonitorDashboard.Calculation;
using MonitorDashboard.Cron;
using MonitorDashboard.Email.Templates;
using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Tests.Email.Templates;

/// <summary>
/// The inliner remembers what PreMailer gives each kind of element, so a burst of reports does not run PreMailer
/// over every one of them; the emails must be the documents PreMailer makes, on the first report and the later ones.
/// A report is written in one pass over its source, so it keeps the template's layout of tags and whitespace where
/// PreMailer re-serialises the document: the comparison is of the documents a mail client parses.
/// </summary>
public sealed class CssInlinerTests
{
    private static readonly HtmlParser Parser = new();
    private readonly CssInliner _inliner = new(NullLogger<CssInliner>.Instance);

    public static TheoryData<string> Results => ["everything", "previous", "all clear", "many rows"];

    [Theory]
    [MemberData(nameof(Results))]
    public void A_report_comes_out_as_premailer_inlines_it_the_first_time_and_every_time_after(string which)
    {
        var html = RawReport(which);

        var first = _inliner.Inline(html);
        var again = _inliner.Inline(html);

        var reference = _inliner.InlineWithPreMailer(html);
        AssertSameDocument(reference, first);
        Assert.Equal(first, again);
        Assert.Equal(0, _inliner.WholeDocumentRuns); // the remembered styles were used, not PreMailer over the whole email
        Assert.Equal(0, _inliner.ParsedRuns); // and the report was written in one pass over its source, not parsed
    }

    [Fact]
    public void Reports_of_different_results_share_what_was_learned_and_still_match_premailer()
    {
        foreach (var which in new[] { "all clear", "everything", "many rows", "previous" })
        {
            var html = RawReport(which);
            AssertSameDocument(_inliner.InlineWithPreMailer(html), _inliner.Inline(html));
        }
        Assert.Equal(0, _inliner.WholeDocumentRuns);
        Assert.Equal(0, _inliner.ParsedRuns);
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

        AssertSameDocument(_inliner.InlineWithPreMailer(html), _inliner.Inline(html));
        Assert.Equal(1, _inliner.WholeDocumentRuns);
    }

    [Fact]
    public void An_elements_own_style_is_kept_beside_the_stylesheets_and_the_important_ones_win()
    {
        const string html = "<!DOCTYPE html><html><head><style>p.note { color: gray; margin: 0 !important; } p { padding: 1px; }</style></head>"
            + "<body><p class=\"note\" style=\"color: red; margin: 4px\">a</p><p class=\"note\">b</p><p style=\"color: red; margin: 4px\">c</p></body></html>";

        var inlined = _inliner.Inline(html);

        AssertSameDocument(_inliner.InlineWithPreMailer(html), inlined);
        Assert.Equal(0, _inliner.WholeDocumentRuns);
        Assert.Equal(0, _inliner.ParsedRuns);
        Assert.DoesNotContain("<style", inlined, StringComparison.OrdinalIgnoreCase);
    }

    private const string Css = "p { margin: 0; } td { padding: 2px; } table td.n { text-align: right; } li { color: gray; } b { color: red; } tbody td { border: 0; }";

    [Theory]
    [InlineData("<table><tr><td class=\"n\">1</td><td>2</td></tr></table>")] // rows straight in a table: the parser implies tbody
    [InlineData("<table>\n <tbody>\n  <tr><td class='n' style='color: blue'>1</td></tr>\n </tbody>\n</table>")]
    [InlineData("<p id=intro class=\"lead\"   data-x=\"a &amp; b\">x<br/>y<img src=\"a.png\" alt=\"\"></p><!-- gone --><ul><li>a</li><li><b>b</b></li></ul>")]
    [InlineData("<div><table><tbody><tr><td><table><tr><td class=\"n\">nested</td></tr></table></td></tr></tbody></table></div>")]
    public void A_document_written_as_the_parser_reads_it_is_inlined_in_one_pass_to_what_premailer_makes(string body)
    {
        var html = $"<!DOCTYPE html>\n<html>\n<head>\n<title>t</title>\n<style>{Css}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n";

        var inlined = _inliner.Inline(html);

        AssertSameDocument(_inliner.InlineWithPreMailer(html), inlined);
        Assert.Equal(0, _inliner.ParsedRuns);
        Assert.DoesNotContain("<style", inlined, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--", inlined, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p>open paragraph<div>a block closes it</div>")]
    [InlineData("<ul><li>a<li>b</ul>")]
    [InlineData("<table><td class=\"n\">a cell straight in a table</td></table>")]
    [InlineData("<table>text in a table<tbody><tr><td>1</td></tr></tbody></table>")]
    [InlineData("<b><p>misnested</b></p>")]
    [InlineData("<p class=\"a&amp;b\">a character reference in a class</p>")]
    [InlineData("<form><p>a form</p></form>")]
    public void A_document_the_parser_repairs_is_parsed_first_and_still_gets_what_premailer_makes(string body)
    {
        var html = $"<!DOCTYPE html><html><head><style>{Css}</style></head><body>{body}</body></html>";

        var inlined = _inliner.Inline(html);

        AssertSameDocument(_inliner.InlineWithPreMailer(html), inlined);
        Assert.Equal(1, _inliner.ParsedRuns);
        Assert.Equal(0, _inliner.WholeDocumentRuns);
    }

    [Fact]
    public void A_styled_element_the_parser_implies_is_written_by_the_parser()
    {
        const string html = "<!DOCTYPE html><html><head><style>tbody { color: red; } td { padding: 1px; }</style></head>"
            + "<body><table><tr><td>1</td></tr></table></body></html>";

        var inlined = _inliner.Inline(html);

        AssertSameDocument(_inliner.InlineWithPreMailer(html), inlined);
        Assert.Contains("<tbody style=", inlined, StringComparison.Ordinal);
        Assert.Equal(1, _inliner.ParsedRuns);
    }

    /// <summary>The same document for a mail client: both parse to the same tree, attributes and text.</summary>
    private static void AssertSameDocument(string expected, string actual) => Assert.Equal(Parser.ParseDocument(expected).ToHtml(), Parser.ParseDocument(actual).ToHtml());

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

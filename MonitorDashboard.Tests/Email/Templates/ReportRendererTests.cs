using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using MonitorDashboard.Calculation;
using MonitorDashboard.Email;

namespace MonitorDashboard.Tests.Email.Templates;

public sealed class ReportRendererTests
{
    private const string Xss = "<script>alert(1)</script>";

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static EmailMessage Render(CalculationResult result, string? instanceUrl = null, string listName = "Widget line, weekly",
        CalculationResult? previous = null, string culture = "en")
    {
        using var rendering = EmailRendering.Create(instanceUrl, culture);
        return rendering.Reports.RenderReport(ReportSamples.Model(result, listName, previous: previous));
    }

    [Fact]
    public void A_result_with_everything_shows_every_section_in_both_parts()
    {
        var message = Render(ReportSamples.Everything(), previous: ReportSamples.Previous());

        var headings = Parse(message.HtmlBody).QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        Assert.Equal(
        [
            "What changed since the last report", "Parts to order (2)", "Substitutes for parts to order", "Subassemblies to build (2)",
            "Critical parts: below minimum stock (1)", "Parts not found or ambiguous (2)", "Warnings (1)",
        ], headings);
        foreach (var expected in new[]
        {
            "WHAT CHANGED SINCE THE LAST REPORT", "New shortages:", "Resolved shortages:", "More to order:", "Less to build:", "Became critical:",
            "PARTS TO ORDER (2)", "SUBSTITUTES FOR PARTS TO ORDER", "Resistor 10k 0805", "SUBASSEMBLIES TO BUILD (2)",
            "CRITICAL PARTS: BELOW MINIMUM STOCK (1)", "PARTS NOT FOUND OR AMBIGUOUS (2)", "ambiguous: 3 parts match", "WARNINGS (1)",
            "Widget line, weekly", "2 to order, 1 to build, 1 critical, 2 not found, 1 warning",
        })
        {
            Assert.Contains(expected, message.TextBody);
        }
        Assert.Contains("2 to order, 1 to build, 1 critical, 2 not found, 1 warning", Parse(message.HtmlBody).Body!.TextContent);
        Assert.Equal(EmailKind.Report, message.Kind);
        Assert.Equal(["planning@example.com"], message.To);
        Assert.Equal("3f1c-list", message.ListId);
    }

    [Fact]
    public void The_header_names_the_list_and_the_check_time_in_the_lists_zone()
    {
        var message = Render(ReportSamples.Everything());

        var document = Parse(message.HtmlBody);
        Assert.Equal("Widget line, weekly", document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Checked Wed 26 Nov 2025 07:00 UTC+01:00 (Europe/Berlin)", document.Body!.TextContent);
        Assert.StartsWith("Widget line, weekly\nChecked Wed 26 Nov 2025 07:00 UTC+01:00 (Europe/Berlin)\n", message.TextBody);
        Assert.Contains("This is the first report for this list", message.TextBody);
    }

    [Fact]
    public void An_empty_result_is_a_friendly_all_clear_and_nothing_else()
    {
        var message = Render(CalculationResult.Empty, previous: ReportSamples.Previous());

        var document = Parse(message.HtmlBody);
        Assert.Empty(document.QuerySelectorAll("h2"));
        Assert.Empty(document.QuerySelectorAll("table.data"));
        Assert.Contains("All clear: nothing to order or build", document.QuerySelector("div.clear")!.TextContent);
        Assert.Contains("All clear: nothing to order or build", message.TextBody);
        Assert.DoesNotContain("WHAT CHANGED", message.TextBody);
        Assert.DoesNotContain("PARTS TO ORDER", message.TextBody);
        Assert.Equal("[MonitorDashboard] Widget line, weekly: 0 to order, 0 to build — changed", message.Subject);
    }

    [Fact]
    public void Names_are_html_encoded_in_the_html_part_and_verbatim_in_the_text_part()
    {
        var message = Render(ReportSamples.Everything(partName: Xss), instanceUrl: "https://inventree.example.com", listName: Xss);

        var document = Parse(message.HtmlBody);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.DoesNotContain(Xss, message.HtmlBody);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", message.HtmlBody);
        Assert.Equal(Xss, document.QuerySelector("h1")!.TextContent);
        Assert.Contains(document.QuerySelectorAll("table.data a"), a => a.TextContent == Xss);
        Assert.StartsWith(Xss + "\n", message.TextBody);
        Assert.Contains(Xss + "  IPN-101", message.TextBody);
    }

    [Theory]
    [InlineData("https://inventree.example.com", "https://inventree.example.com/web/part/101/")]
    [InlineData("http://inventree.local:8000/", "http://inventree.local:8000/web/part/101/")]
    [InlineData("https://example.com/inventree/", "https://example.com/inventree/web/part/101/")]
    [InlineData("https://admin:secret@inventree.example.com", "https://inventree.example.com/web/part/101/")]
    [InlineData(null, null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("ftp://inventree.example.com", null)]
    [InlineData("/inventree", null)]
    [InlineData("inventree.example.com", null)]
    public void Part_names_link_to_inventree_only_for_http_and_https_instance_urls(string? instanceUrl, string? expectedLink)
    {
        var message = Render(ReportSamples.Everything(), instanceUrl);

        var links = Parse(message.HtmlBody).QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        if (expectedLink is null)
        {
            Assert.Empty(links);
        }
        else
        {
            Assert.Contains(expectedLink, links);
            Assert.All(links, href => Assert.StartsWith(expectedLink[..expectedLink.IndexOf("/web/", StringComparison.Ordinal)], href));
        }
        Assert.DoesNotContain("secret", message.HtmlBody);
    }

    [Fact]
    public void Css_is_inlined_and_no_style_element_is_left()
    {
        var message = Render(ReportSamples.Everything());

        var document = Parse(message.HtmlBody);
        Assert.Empty(document.QuerySelectorAll("style"));
        var cells = document.QuerySelectorAll("table.data td, table.data th");
        Assert.NotEmpty(cells);
        Assert.All(cells, cell =>
        {
            var style = cell.GetAttribute("style") ?? "";
            Assert.Contains("border: 1px solid", style);
            Assert.Contains("padding: 6px 8px", style);
        });
        // Clients that drop styles altogether still get a bordered, padded table.
        Assert.All(document.QuerySelectorAll("table.data"), t => Assert.Equal("1", t.GetAttribute("border")));
        Assert.Contains("text-align: right", document.QuerySelector("table.data td.num")!.GetAttribute("style"));
    }

    [Fact]
    public void Numbers_follow_the_configured_culture()
    {
        var english = Render(ReportSamples.Everything());
        var german = Render(ReportSamples.Everything(), culture: "de");

        Assert.Contains("1,234.5", english.TextBody);
        Assert.Contains("1.234,5", german.TextBody);
        Assert.Contains("1.234,5", Parse(german.HtmlBody).QuerySelector("table.data")!.TextContent);
        Assert.Contains("Mi 26 Nov. 2025 07:00", german.TextBody);
    }

    [Theory]
    [InlineData("2025-07-01T05:00:00Z", "Europe/Berlin", "Tue 1 Jul 2025 07:00 UTC+02:00 (Europe/Berlin)")]
    [InlineData("2025-11-26T06:00:00Z", "Europe/Berlin", "Wed 26 Nov 2025 07:00 UTC+01:00 (Europe/Berlin)")]
    [InlineData("2025-03-30T00:30:00Z", "Europe/Berlin", "Sun 30 Mar 2025 01:30 UTC+01:00 (Europe/Berlin)")]
    [InlineData("2025-03-30T01:30:00Z", "Europe/Berlin", "Sun 30 Mar 2025 03:30 UTC+02:00 (Europe/Berlin)")]
    [InlineData("2025-11-02T13:00:00Z", "America/New_York", "Sun 2 Nov 2025 08:00 UTC-05:00 (America/New_York)")]
    [InlineData("2025-11-26T06:00:00Z", null, "Wed 26 Nov 2025 06:00 UTC")]
    [InlineData("2025-11-26T06:00:00Z", "Not/AZone", "Wed 26 Nov 2025 06:00 UTC")]
    public void The_check_time_is_shown_in_the_lists_time_zone_across_daylight_saving(string utc, string? zone, string expected)
    {
        using var rendering = EmailRendering.Create();
        var model = ReportSamples.Model(CalculationResult.Empty, timeZone: zone, checkedAt: DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        var message = rendering.Reports.RenderReport(model);

        Assert.Contains("Checked " + expected + "\n", message.TextBody);
    }

    [Fact]
    public void The_text_part_has_aligned_columns_that_fit_a_terminal()
    {
        var result = ReportSamples.Everything() with
        {
            PartsToOrder = [.. ReportSamples.Everything().PartsToOrder, ReportSamples.Order(104, new string('W', 90), 7)],
        };
        var message = Render(result);

        var lines = message.TextBody.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("Part ", StringComparison.Ordinal) && l.Contains("To order", StringComparison.Ordinal));
        var table = lines.Skip(header).TakeWhile(l => l.Length > 0).ToList();
        Assert.Equal(5, table.Count); // header, rule, 3 rows
        var toOrderEnd = table[0].IndexOf("To order", StringComparison.Ordinal) + "To order".Length;
        Assert.All(table.Skip(2), row => Assert.Equal(' ', row[toOrderEnd]));
        Assert.All(table.Skip(2), row => Assert.NotEqual(' ', row[toOrderEnd - 1]));
        Assert.Contains(table, row => row.Contains("WWW…", StringComparison.Ordinal));
        Assert.All(lines, line => Assert.True(line.Length <= 120, $"line of {line.Length} characters: {line}"));
    }

    [Fact]
    public void Replenished_lines_show_how_much_is_demand_and_how_much_replenishment_in_both_parts()
    {
        // Resistor: 1234.5 to order, 34.5 of them for the demand, 1200 back to a minimum of 1200.
        var everything = ReportSamples.Everything();
        var result = everything with
        {
            PartsToOrder = [everything.PartsToOrder[0] with { Replenishment = 1200, MinimumStock = 1200 }, everything.PartsToOrder[1]],
        };

        var message = Render(result);

        var table = Parse(message.HtmlBody).QuerySelectorAll("table.data").First(t => t.TextContent.Contains("To order", StringComparison.Ordinal));
        var headers = table.QuerySelectorAll("th").Select(th => th.TextContent).ToList();
        Assert.Equal(["To order", "For demand", "Replenish", "Minimum"], headers.Skip(headers.IndexOf("To order")).Take(4));
        var cells = table.QuerySelectorAll("tr")[1].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["1,234.5", "34.5", "1,200", "1,200"], cells.Skip(headers.IndexOf("To order")).Take(4));
        Assert.Contains("To order = for demand + replenish", Parse(message.HtmlBody).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("To order = for demand + replenish (what brings the part back to its minimum stock after the demand).", message.TextBody);
        Assert.Matches(@"(?m)^Resistor 10k 0603\s+1,254.5\s+20\s+0\s+1,234.5\s+34.5\s+1,200\s+1,200$", message.TextBody);
        Assert.Matches(@"(?m)^Capacitor 100nF\s+100\s+20\s+0\s+80\s+80\s+0\s+0$", message.TextBody);
        Assert.All(message.TextBody.Split('\n'), line => Assert.True(line.Length <= 120, $"line of {line.Length} characters: {line}"));
    }

    [Fact]
    public void Without_replenishment_the_parts_to_order_look_as_before()
    {
        var message = Render(ReportSamples.Everything());

        Assert.DoesNotContain("Replenish", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Replenish", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("For demand", message.TextBody, StringComparison.Ordinal);
    }
}

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging.Abstractions;
using MonitorDashboard.Components.Pages.Runs;
using MudBlazor.Services;

namespace MonitorDashboard.Tests.Components.Pages.Runs;

/// <summary>The prerendered page is the first thing a browser parses: the report's HTML must arrive there encoded.</summary>
public sealed class EmailPreviewTests
{
    [Fact]
    public async Task Prerendered_html_puts_the_report_into_srcdoc_encoded_so_its_markup_cannot_escape_the_iframe()
    {
        // bUnit's service provider only for its JS runtime, which MudBlazor's services want even when nothing calls it.
        await using var bunit = new Bunit.BunitContext();
        bunit.JSInterop.Mode = Bunit.JSRuntimeMode.Loose;
        bunit.Services.AddMudServices();
        await using var renderer = new HtmlRenderer(bunit.Services, NullLoggerFactory.Instance);
        var email = RunPageData.ReportEmail();

        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<EmailPreview>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Email"] = email }));
            return output.ToHtmlString();
        });

        var frame = html[html.IndexOf("<iframe", StringComparison.Ordinal)..];
        frame = frame[..(frame.IndexOf("</iframe>", StringComparison.Ordinal) + 9)];
        Assert.Contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\"", frame, StringComparison.Ordinal);
        Assert.Contains("srcdoc=\"&lt;html&gt;&lt;body&gt;&lt;h1&gt;Parts to order&lt;/h1&gt;", frame, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", frame, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }
}

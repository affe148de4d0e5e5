using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MonitorDashboard.Cron;
using MonitorDashboard.Email.Templates;
using MonitorDashboard.InvenTree;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Email.Templates;

public sealed class PartLinksTests
{
    [Theory]
    [InlineData("https://inventree.example.com", "https://inventree.example.com/web/part/42/")]
    [InlineData("https://inventree.example.com/?next=x#top", "https://inventree.example.com/web/part/42/")]
    [InlineData("HTTP://INVENTREE.local", "http://inventree.local/web/part/42/")]
    [InlineData("javascript:alert(1)//", "")]
    [InlineData("data:text/html,hi", "")]
    [InlineData("file:///etc/passwd", "")]
    [InlineData("relative/path", "")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void Only_absolute_http_and_https_urls_make_links(string instanceUrl, string expected)
    {
        var links = new PartLinks(instanceUrl);

        Assert.Equal(expected, links.For(42));
        Assert.Equal(expected.Length > 0, links.Enabled);
    }

    [Theory]
    [InlineData("https://example.com/inventree", InvenTreeWebUi.Platform, "https://example.com/inventree/web/part/7/")]
    [InlineData("https://example.com/inventree/", InvenTreeWebUi.Platform, "https://example.com/inventree/web/part/7/")]
    [InlineData("https://example.com/inventree//", InvenTreeWebUi.Platform, "https://example.com/inventree/web/part/7/")]
    [InlineData("https://example.com/inventree", InvenTreeWebUi.Classic, "https://example.com/inventree/part/7/")]
    [InlineData("https://example.com/", InvenTreeWebUi.Classic, "https://example.com/part/7/")]
    [InlineData("https://example.com:8443", InvenTreeWebUi.Classic, "https://example.com:8443/part/7/")]
    public void Links_keep_the_instance_urls_path_with_or_without_trailing_slashes(string instanceUrl, InvenTreeWebUi ui, string expected) =>
        Assert.Equal(expected, new PartLinks(instanceUrl, ui).For(7));

    [Theory]
    [InlineData("https://example.com/inventree", InvenTreeWebUi.Platform, "https://example.com/inventree/web/purchasing/purchase-order/14")]
    [InlineData("https://example.com/", InvenTreeWebUi.Classic, "https://example.com/order/purchase-order/14/")]
    [InlineData("javascript:alert(1)//", InvenTreeWebUi.Platform, "")]
    public void A_drafted_purchase_order_links_to_its_page_in_the_same_ui(string instanceUrl, InvenTreeWebUi ui, string expected) =>
        Assert.Equal(expected, new PartLinks(instanceUrl, ui).ForPurchaseOrder(14));

    [Theory]
    [InlineData("auto", 196, "https://inv.example.com/part/7/")]
    [InlineData("auto", 511, "https://inv.example.com/web/part/7/")]
    [InlineData("auto", null, "https://inv.example.com/web/part/7/")]
    [InlineData("classic", 511, "https://inv.example.com/part/7/")]
    [InlineData("platform", 196, "https://inv.example.com/web/part/7/")]
    public void Links_follow_the_setting_and_the_servers_api_version(string webUi, int? apiVersion, string expected)
    {
        var options = new InvenTreeOptions { InstanceUrl = "https://inv.example.com", WebUi = webUi };

        Assert.Equal(expected, PartLinks.From(options, apiVersion).For(7));
    }

    [Fact]
    public async Task Email_links_open_the_classic_ui_of_an_old_server_once_it_has_answered()
    {
        await using var harness = await InvenTreeHarness.StartAsync(emulatorOptions: new EmulatorOptions { ApiVersion = 196, ServerVersion = "0.15.8" });
        var formatting = new EmailFormatting(
            Options.Create(new EmailTemplateOptions()),
            Options.Create(new ScheduleOptions()),
            Options.Create(new InvenTreeOptions { InstanceUrl = "https://inv.example.com/" }),
            harness.Services.GetRequiredService<InvenTreeServerVersion>());
        var before = formatting.Links.For(7);

        await harness.Client.GetServerInfoAsync(TestContext.Current.CancellationToken);

        Assert.Equal(("https://inv.example.com/web/part/7/", "https://inv.example.com/part/7/"), (before, formatting.Links.For(7)));
    }
}

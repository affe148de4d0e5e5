using MonitorDashboard.Email.Templates;

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
}

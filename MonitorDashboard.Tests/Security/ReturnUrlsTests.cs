using MonitorDashboard.Security;

namespace MonitorDashboard.Tests.Security;

public sealed class ReturnUrlsTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/status", "/status")]
    [InlineData("/lists?id=3#x", "/lists?id=3#x")]
    [InlineData("https://evil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("http:/evil.example", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("/\r\nLocation: https://evil.example", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void Only_local_paths_are_followed(string? returnUrl, string expected) => Assert.Equal(expected, ReturnUrls.OrHome(returnUrl));
}

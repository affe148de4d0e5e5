using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Tests.InvenTree;

public sealed class InvenTreeOptionsValidatorTests
{
    private static InvenTreeOptions Valid() => new() { Url = "https://inventree.example.com", ApiToken = "t0ken" };

    private static IReadOnlyList<string> Problems(InvenTreeOptions options) =>
        new InvenTreeOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void A_url_and_a_token_are_valid() => Assert.Empty(Problems(Valid()));

    [Fact]
    public void Answers_are_capped_at_32_MiB_unless_configured() => Assert.Equal(33_554_432, new InvenTreeOptions().MaxResponseBytes);

    [Fact]
    public void No_url_is_demo_mode_and_valid() => Assert.Empty(Problems(new InvenTreeOptions()));

    public static TheoryData<Action<InvenTreeOptions>, string> BrokenFields => new()
    {
        { o => o.Url = "ftp://inventree.example.com", "INVENTREE_URL: \"ftp://inventree.example.com\"" },
        { o => o.Url = "inventree.example.com", "INVENTREE_URL" },
        { o => o.ApiToken = "", "INVENTREE_API_TOKEN is required" },
        { o => o.InstanceUrl = "javascript:alert(1)", "INVENTREE_INSTANCE_URL" },
        { o => o.WebUi = "modern", "InvenTree:WebUi: \"modern\" is not auto, platform or classic" },
        { o => o.MaxConcurrency = 0, "InvenTree:MaxConcurrency" },
        { o => o.PageSize = 0, "InvenTree:PageSize" },
        { o => o.MaxRetries = 11, "InvenTree:MaxRetries" },
        { o => o.RequestTimeout = TimeSpan.Zero, "InvenTree:RequestTimeout" },
        { o => o.RetryBaseDelay = TimeSpan.FromSeconds(-1), "InvenTree:RetryBaseDelay" },
        { o => o.MaxResponseBytes = 0, "InvenTree:MaxResponseBytes: 0" },
        { o => o.MaxResponseBytes = InvenTreeOptions.MaxResponseBytesLimit + 1, "InvenTree:MaxResponseBytes" },
        { o => o.CaCertificateFile = "/nonexistent/company-ca.pem", "InvenTree:CaCertificateFile: \"/nonexistent/company-ca.pem\" does not exist" },
        { o => o.CaCertificateFile = typeof(InvenTreeOptions).Assembly.Location, "holds no PEM certificate" },
    };

    [Theory]
    [MemberData(nameof(BrokenFields))]
    public void Each_broken_field_is_named(Action<InvenTreeOptions> breakIt, string expected)
    {
        var options = Valid();
        breakIt(options);

        Assert.Contains(expected, Assert.Single(Problems(options)), StringComparison.Ordinal);
    }
}

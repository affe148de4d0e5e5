using MonitorDashboard.Demo;

namespace MonitorDashboard.Tests.Demo;

public sealed class SampleCatalogLoadTests
{
    [Fact]
    public void The_sample_catalog_loads_when_embedded_and_fails_clearly_when_not()
    {
        var embedded = typeof(SampleCatalog).Assembly.GetManifestResourceNames().Contains(SampleCatalog.Resource);

        if (embedded)
        {
            Assert.True(SampleCatalog.Load().PartCount > 0);
        }
        else
        {
            var error = Assert.Throws<InvalidOperationException>(SampleCatalog.Load);
            Assert.Contains("sample-catalog.json", error.Message);
        }
    }
}

using System.Security.Cryptography.X509Certificates;
using MonitorDashboard.InvenTree;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Tests.Email.Smtp;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTree;

/// <summary>InvenTree behind HTTPS with a company CA: the emulator serves TLS with a test CA, validation always on.</summary>
public sealed class InvenTreeCertificateTrustTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("inventree-tls-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_server_certificate_from_the_configured_company_CA_is_trusted()
    {
        using var certificate = TestCertificate.CreateSelfSigned();
        await using var harness = await StartAsync(certificate, caFile: WritePem("company-ca.pem", certificate));

        Assert.Equal("https", harness.Emulator.BaseAddress.Scheme);
        var pk = harness.Emulator.Data.PartPks()[0];
        var part = await harness.Client.GetPartAsync(pk, TestContext.Current.CancellationToken);

        Assert.Equal(pk, part.Pk);
    }

    [Fact]
    public async Task Without_the_CA_the_error_says_the_certificate_is_untrusted_and_which_setting_fixes_it_without_retrying()
    {
        using var certificate = TestCertificate.CreateSelfSigned();
        await using var harness = await StartAsync(certificate, caFile: null);

        var error = await RefusedAsync(harness);

        Assert.Contains($"InvenTree at {harness.Emulator.BaseAddress.GetLeftPart(UriPartial.Authority)} is not trusted", error, StringComparison.Ordinal);
        Assert.Contains("set InvenTree:CaCertificateFile", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_signed_by_another_CA_is_refused_naming_the_configured_CA_file()
    {
        using var certificate = TestCertificate.CreateSelfSigned();
        using var otherCa = TestCertificate.CreateSelfSigned();
        var caFile = WritePem("other-ca.pem", otherCa);
        await using var harness = await StartAsync(certificate, caFile);

        var error = await RefusedAsync(harness);

        Assert.Contains($"is not signed by the CA in {caFile}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_issued_for_another_host_name_is_refused_even_from_the_trusted_CA()
    {
        using var certificate = TestCertificate.CreateSelfSigned("inventree.example.com");
        await using var harness = await StartAsync(certificate, caFile: WritePem("company-ca.pem", certificate));

        var error = await RefusedAsync(harness);

        Assert.Contains("CN=inventree.example.com is not issued for this host name", error, StringComparison.Ordinal);
    }

    private string WritePem(string name, X509Certificate2 certificate)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }

    private static Task<InvenTreeHarness> StartAsync(X509Certificate2 certificate, string? caFile) =>
        InvenTreeHarness.StartAsync(
            emulatorOptions: new EmulatorOptions { Certificate = certificate },
            settings: new Dictionary<string, string?>
            {
                ["InvenTree:CaCertificateFile"] = caFile,
                // A retry would wait a minute: the deadline below turns one into a failure.
                ["InvenTree:RetryBaseDelay"] = "00:01:00",
            });

    /// <summary>The message of the error a request ends in; within 20 s, so a refused certificate is not retried.</summary>
    private static async Task<string> RefusedAsync(InvenTreeHarness harness)
    {
        var request = harness.Client.GetServerInfoAsync(TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<InvenTreeUnreachableException>(() => request.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(0, harness.Emulator.RequestCount);
        return error.Message;
    }
}

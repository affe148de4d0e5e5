namespace MonitorDashboard.Tests.Email.Smtp;

/// <summary>One <see cref="TestCertificate"/> for a whole test class: an RSA key is slow to make on a small machine.</summary>
public sealed class TestCertificateFixture : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("md-smtp-ca-");

    public TestCertificateFixture() => Certificate = TestCertificate.Create(folder.FullName);

    internal TestCertificate Certificate { get; }

    public void Dispose()
    {
        Certificate.Dispose();
        folder.Delete(recursive: true);
    }
}

namespace MonitorDashboard.Tests.Email.Smtp;

/// <summary>One <see cref="TestCertificate"/> for a whole test class: an RSA key is slow to make on a small machine.</summary>
public sealed class TestCertificateFixture : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("md-smtp-ca-");

    public TestCertificateFixture() => Certificate = TestCertificate.Create(_folder.FullName);

    internal TestCertificate Certificate { get; }

    public void Dispose()
    {
        Certificate.Dispose();
        _folder.Delete(recursive: true);
    }
}

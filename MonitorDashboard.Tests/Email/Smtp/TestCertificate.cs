using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MonitorDashboard.Tests.Email.Smtp;

/// <summary>
/// A self-signed server certificate for localhost/127.0.0.1, and its public part as a PEM file: the "private CA"
/// the sender is told to trust, so certificate validation stays on in the tests.
/// </summary>
internal sealed class TestCertificate : IDisposable
{
    private TestCertificate(X509Certificate2 certificate, string pemFile)
    {
        Certificate = certificate;
        PemFile = pemFile;
    }

    /// <summary>With its private key, for the server side of TLS.</summary>
    public X509Certificate2 Certificate { get; }

    public string PemFile { get; }

    public static TestCertificate Create(string folder)
    {
        var certificate = CreateSelfSigned();
        var pemFile = Path.Combine(folder, "test-ca.pem");
        File.WriteAllText(pemFile, certificate.ExportCertificatePem());
        return new TestCertificate(certificate, pemFile);
    }

    /// <summary>
    /// A fresh self-signed certificate with its private key, trusted by nobody until its PEM is: for localhost and
    /// 127.0.0.1, or only for <paramref name="hostName"/> (a certificate issued for another server).
    /// </summary>
    public static X509Certificate2 CreateSelfSigned(string hostName = "localhost")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={hostName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(hostName);
        if (hostName == "localhost")
        {
            names.AddIpAddress(IPAddress.Loopback);
        }
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign, critical: false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));

        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        // Round-trip through PKCS#12 so SslStream can use the private key on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }

    public void Dispose() => Certificate.Dispose();
}

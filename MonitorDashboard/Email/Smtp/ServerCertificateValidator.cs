using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace MonitorDashboard.Email.Smtp;

/// <summary>
/// Certificate validation stays on. Without a private CA the operating system's trust store decides; with
/// <c>Email:CaCertificateFile</c> the chain must end at that CA and nowhere else, and the name must still match.
/// </summary>
internal sealed class ServerCertificateValidator
{
    private readonly X509Certificate2Collection? _privateCa;
    private readonly string? _caFile;

    public ServerCertificateValidator(string? caCertificateFile)
    {
        if (!string.IsNullOrWhiteSpace(caCertificateFile))
        {
            _caFile = caCertificateFile;
            _privateCa = [];
            _privateCa.ImportFromPemFile(caCertificateFile);
        }
    }

    public bool UsesPrivateCa => _privateCa is not null;

    /// <returns>Null when the certificate is trusted, otherwise why not.</returns>
    public string? Check(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return "the server presented no certificate";
        }
        var subject = certificate.Subject;
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return $"{subject} is not issued for this host name";
        }
        if (_privateCa is null)
        {
            return errors == SslPolicyErrors.None
                ? null
                : $"{subject}: {ChainProblems(chain)} (for a server certificate from a private CA, set Email:CaCertificateFile)";
        }
        return CheckAgainstPrivateCa(certificate, chain, subject);
    }

    private string? CheckAgainstPrivateCa(X509Certificate certificate, X509Chain? presented, string subject)
    {
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_privateCa!);
        // A private CA rarely publishes revocation lists; trusting only this CA is the control that matters here.
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements.Skip(1))
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return custom.Build(leaf) ? null : $"{subject} is not signed by the CA in {_caFile}: {ChainProblems(custom)}";
    }

    private static string ChainProblems(X509Chain? chain) =>
        chain is null || chain.ChainStatus.Length == 0
            ? "the certificate chain is not valid"
            : string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
}

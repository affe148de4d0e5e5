using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MonitorDashboard.Security;

/// <summary>
/// Certificate validation of a server we connect to (the SMTP server, InvenTree) stays on. Without a private CA the
/// operating system's trust store decides; with a CA file (<c>Email:CaCertificateFile</c>,
/// <c>InvenTree:CaCertificateFile</c>) the chain must end at that CA and nowhere else, and the name must still match.
/// </summary>
public sealed class ServerCertificateValidator
{
    private readonly X509Certificate2Collection? _privateCa;
    private readonly string? _caFile;
    private readonly string _setting;

    /// <param name="caCertificateFile">A PEM file of the private CA, or null for the system trust store.</param>
    /// <param name="setting">The configuration key of that file, named in the advice of a rejection.</param>
    public ServerCertificateValidator(string? caCertificateFile, string setting)
    {
        _setting = setting;
        if (!string.IsNullOrWhiteSpace(caCertificateFile))
        {
            _caFile = caCertificateFile;
            _privateCa = [];
            _privateCa.ImportFromPemFile(caCertificateFile);
        }
    }

    public bool UsesPrivateCa => _privateCa is not null;

    /// <returns>Null when the certificate is trusted, otherwise why not and what to do about it.</returns>
    public string? Check(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return "the server presented no certificate";
        }
        var subject = certificate.Subject;
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return $"{subject} is not issued for this host name (connect with a host name the certificate names)";
        }
        if (_privateCa is null)
        {
            return errors == SslPolicyErrors.None
                ? null
                : $"{subject}: {ChainProblems(chain)} (for a server certificate from a private CA, set {_setting})";
        }
        return CheckAgainstPrivateCa(certificate, chain, subject);
    }

    /// <summary>Whether <paramref name="path"/> is a readable PEM file holding at least one certificate.</summary>
    public static bool HoldsPemCertificate(string path)
    {
        try
        {
            var certificates = new X509Certificate2Collection();
            certificates.ImportFromPemFile(path);
            return certificates.Count > 0;
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The start-up check of a CA file setting: null when it is usable, otherwise the error naming the key.</summary>
    public static string? ProblemOfCaFile(string setting, string? path) =>
        string.IsNullOrWhiteSpace(path) ? null
        : !File.Exists(path) ? $"{setting}: \"{path}\" does not exist"
        : !HoldsPemCertificate(path) ? $"{setting}: \"{path}\" holds no PEM certificate"
        : null;

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
        return custom.Build(leaf)
            ? null
            : $"{subject} is not signed by the CA in {_caFile}: {ChainProblems(custom)} (set {_setting} to the CA that signed it)";
    }

    private static string ChainProblems(X509Chain? chain) =>
        chain is null || chain.ChainStatus.Length == 0
            ? "the certificate chain is not valid"
            : string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
}

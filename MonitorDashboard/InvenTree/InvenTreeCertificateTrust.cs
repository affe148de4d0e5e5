using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using MonitorDashboard.Security;

namespace MonitorDashboard.InvenTree;

/// <summary>
/// Whether InvenTree's HTTPS certificate is trusted: the system trust store, or only the private CA in
/// <c>InvenTree:CaCertificateFile</c> (self-hosted servers often use a company CA). Validation is never switched off.
/// The last rejection is kept so that the client's error says which problem it was and how to fix it; the TLS stack
/// itself only reports "the remote certificate was rejected".
/// </summary>
public sealed class InvenTreeCertificateTrust(IOptions<InvenTreeOptions> options)
{
    public const string Setting = "InvenTree:CaCertificateFile";

    private readonly Lazy<ServerCertificateValidator> _validator = new(() => new ServerCertificateValidator(options.Value.CaCertificateFile, Setting));
    private string? _lastRejection;

    /// <summary>Why the latest certificate was refused, with advice; null when none was.</summary>
    public string? LastRejection => Volatile.Read(ref _lastRejection);

    /// <summary>The TLS callback of InvenTree's HTTP handler.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var why = _validator.Value.Check(certificate, chain, errors);
        // A later handshake failure for another reason must not be explained by an old rejection.
        Volatile.Write(ref _lastRejection, why);
        return why is null;
    }
}

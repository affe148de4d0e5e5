using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;
using MonitorDashboard.Security;

namespace MonitorDashboard.Email.Smtp;

/// <summary>
/// Opens an SMTP session exactly as configured: the security mode is explicit (never "auto"), the certificate is
/// checked, and the password is only sent over an encrypted connection unless clear text was allowed on purpose.
/// Shared by the sender and the probe so both see the server the same way.
/// </summary>
internal sealed class SmtpConnector(EmailOptions options)
{
    private readonly ServerCertificateValidator certificates = new(options.CaCertificateFile, "Email:CaCertificateFile");

    public EmailOptions Options => options;

    /// <summary><c>host:port</c>, for messages and logs.</summary>
    public string Endpoint => $"{options.SmtpServer}:{options.SmtpPort}";

    public bool HasCredentials => !string.IsNullOrEmpty(options.Username);

    /// <summary>TCP, TLS as configured, greeting and EHLO; authentication is <see cref="AuthenticateAsync"/>.</summary>
    public async Task ConnectAsync(SmtpClient client, ConnectionDiagnostics diagnostics, CancellationToken cancellationToken)
    {
        if (HasCredentials && options.Security == SmtpSecurity.None && !options.AllowPlainTextAuth)
        {
            throw new PlainTextAuthRefusedException();
        }
        client.Timeout = (int)Math.Min(int.MaxValue, options.Timeout.TotalMilliseconds);
        client.ServerCertificateValidationCallback = (_, certificate, chain, errors) =>
        {
            diagnostics.CertificateProblem = certificates.Check(certificate, chain, errors);
            return diagnostics.CertificateProblem is null;
        };
        if (certificates.UsesPrivateCa)
        {
            // Our callback rebuilds the chain without revocation checks; MailKit's own check would fail first.
            client.CheckCertificateRevocation = false;
        }

        var host = options.SmtpServer ?? throw new InvalidOperationException("EMAIL_SMTP_SERVER is not set");
        await client.ConnectAsync(host, options.SmtpPort, SocketOptions(options.Security), cancellationToken);
    }

    /// <summary>AUTH with the configured credentials; call only when <see cref="HasCredentials"/>.</summary>
    public Task AuthenticateAsync(SmtpClient client, CancellationToken cancellationToken) =>
        AuthenticateOnceAsync(client, new NetworkCredential(options.Username, options.Password), cancellationToken);

    /// <summary>
    /// MailKit on its own tries every mechanism the server offers, so one wrong password counts as several failures
    /// against the account's lockout policy. Here: one mechanism, tried once.
    /// </summary>
    private static async Task AuthenticateOnceAsync(SmtpClient client, NetworkCredential credential, CancellationToken cancellationToken)
    {
        var chosen = ChooseMechanism(client.AuthenticationMechanisms);
        if (chosen is null)
        {
            // Throws MailKit's NotSupportedException ("does not support authentication"), which names the problem.
            await client.AuthenticateAsync(credential, cancellationToken);
            return;
        }
        var mechanism = SaslMechanism.Create(chosen, credential) ?? throw new NotSupportedException($"SASL mechanism {chosen} is not supported");
        await client.AuthenticateAsync(mechanism, cancellationToken);
    }

    /// <summary>The mechanism a send would use with a password, or null when the server offers none of them.</summary>
    public static string? ChooseMechanism(ICollection<string> offered) =>
        PreferredMechanisms.FirstOrDefault(offered.Contains)
            ?? offered.FirstOrDefault(m => SaslMechanism.IsSupported(m) && !TokenMechanisms.Contains(m));

    /// <summary>
    /// SCRAM keeps the password from the server; PLAIN (always over TLS here, unless clear text was allowed) works
    /// with any password storage, unlike CRAM-MD5 or DIGEST-MD5.
    /// </summary>
    private static readonly string[] PreferredMechanisms = ["SCRAM-SHA-512", "SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN", "LOGIN"];

    /// <summary>Mechanisms that need an OAuth token, not a password.</summary>
    private static readonly HashSet<string> TokenMechanisms = new(StringComparer.OrdinalIgnoreCase) { "XOAUTH2", "OAUTHBEARER" };

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.ImplicitTls => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        // Not Auto: "Auto" would quietly pick STARTTLS or not; the configuration says which one.
        _ => SecureSocketOptions.None,
    };
}

using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace MonitorDashboard.Email.Smtp;

/// <summary>
/// Opens an SMTP session exactly as configured: the security mode is explicit (never "auto"), the certificate is
/// checked, and the password is only sent over an encrypted connection unless clear text was allowed on purpose.
/// Shared by the sender and the probe so both see the server the same way.
/// </summary>
internal sealed class SmtpConnector(EmailOptions options)
{
    private readonly ServerCertificateValidator certificates = new(options.CaCertificateFile);

    public EmailOptions Options => options;

    /// <summary><c>host:port</c>, for messages and logs.</summary>
    public string Endpoint => $"{options.SmtpServer}:{options.SmtpPort}";

    public bool HasCredentials => !string.IsNullOrEmpty(options.Username);

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
        diagnostics.Connected = true;
        if (HasCredentials)
        {
            diagnostics.Authenticating = true;
            await client.AuthenticateAsync(new NetworkCredential(options.Username, options.Password), cancellationToken);
            diagnostics.Authenticating = false;
        }
    }

    /// <summary>Closes politely (QUIT); a failure here does not undo a message the server already accepted.</summary>
    public static async Task QuitAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Nothing to report: the session is over either way.
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.ImplicitTls => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        // Not Auto: "Auto" would quietly pick STARTTLS or not; the configuration says which one.
        _ => SecureSocketOptions.None,
    };
}

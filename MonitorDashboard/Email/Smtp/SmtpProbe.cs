using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Email.Smtp;

/// <summary>What the probe found out about the configured SMTP server.</summary>
/// <param name="Configured">False in outbox mode: there is no server to probe.</param>
/// <param name="Reachable">The server answered with a greeting.</param>
/// <param name="Encrypted">The session ended up on TLS (implicit or STARTTLS).</param>
/// <param name="CredentialsConfigured">EMAIL_USERNAME is set; the probe still never tries them (see <see cref="SmtpProbe"/>).</param>
/// <param name="Capabilities">EHLO extensions MailKit understood, e.g. <c>Pipelining</c>, <c>AUTH PLAIN LOGIN</c>.</param>
/// <param name="Error">Why the probe failed, safe to show (never the password).</param>
public sealed record SmtpProbeResult(
    bool Configured,
    bool Reachable,
    string Server,
    SmtpSecurity Security,
    bool Encrypted,
    bool CredentialsConfigured,
    string? Greeting,
    IReadOnlyList<string> Capabilities,
    TimeSpan Elapsed,
    string? Error)
{
    public bool Healthy => Configured && Reachable && Error is null;
}

/// <summary>
/// Connects as a send would (EHLO, STARTTLS or implicit TLS, the certificate checked), then says QUIT without sending.
/// It never authenticates: health checks and the status page run it again and again, and repeated AUTH can lock the
/// mail account (and a wrong password would count against it each time). With credentials it only checks that the
/// server offers a mechanism a send could use. It bypasses retries and the circuit breaker on purpose.
/// </summary>
public sealed partial class SmtpProbe(IOptions<EmailOptions> options, TimeProvider time, ILogger<SmtpProbe> logger)
{
    private readonly SmtpConnector _connector = new(options.Value);

    public async Task<SmtpProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.UsesOutbox)
        {
            return new SmtpProbeResult(false, false, "", o.Security, false, false, null, [], TimeSpan.Zero,
                "no SMTP server configured (EMAIL_SMTP_SERVER): emails go to the outbox folder");
        }

        var started = time.GetTimestamp();
        var greeting = new GreetingRecorder();
        // The same session deadline as a send, and the same bounded QUIT.
        using var session = new SmtpSession(_connector, time, logger, cancellationToken, greeting);
        var client = session.Client;
        string? error = null;
        try
        {
            await session.ConnectAsync();
            error = MissingAuthentication(client);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            error = session.Describe(ex).Message;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new OperationCanceledException("the probe was cancelled", ex, cancellationToken);
        }
        if (error is not null)
        {
            LogProbeFailed(_connector.Endpoint, error);
        }
        var result = new SmtpProbeResult(
            Configured: true,
            Reachable: greeting.Greeting is not null,
            Server: _connector.Endpoint,
            Security: o.Security,
            Encrypted: client.IsEncrypted,
            CredentialsConfigured: _connector.HasCredentials,
            Greeting: greeting.Greeting,
            Capabilities: Capabilities(client),
            Elapsed: time.GetElapsedTime(started),
            Error: error);
        await session.CloseAsync();
        return result;
    }

    /// <summary>A send with credentials would fail at AUTH when the server offers no mechanism it can use.</summary>
    private string? MissingAuthentication(SmtpClient client)
    {
        if (!_connector.HasCredentials || SmtpConnector.ChooseMechanism(client.AuthenticationMechanisms) is not null)
        {
            return null;
        }
        var offered = client.AuthenticationMechanisms.Count == 0 ? "none" : string.Join(' ', client.AuthenticationMechanisms);
        return $"SMTP server {_connector.Endpoint} offers no authentication mechanism a send could use with EMAIL_USERNAME "
            + $"(offered: {offered}{(client.IsEncrypted ? "" : ", on an unencrypted connection")})";
    }

    private static List<string> Capabilities(SmtpClient client)
    {
        var names = Enum.GetValues<SmtpCapabilities>()
            .Where(c => c != SmtpCapabilities.None && client.Capabilities.HasFlag(c))
            .Select(c => c.ToString())
            .ToList();
        if (client.AuthenticationMechanisms.Count > 0)
        {
            names.Add("AUTH " + string.Join(' ', client.AuthenticationMechanisms));
        }
        return names;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP probe of {Server} failed: {Error}")]
    private partial void LogProbeFailed(string server, string error);
}

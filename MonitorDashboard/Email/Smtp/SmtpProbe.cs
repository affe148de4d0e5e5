using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Email.Smtp;

/// <summary>What the probe found out about the configured SMTP server.</summary>
/// <param name="Configured">False in outbox mode: there is no server to probe.</param>
/// <param name="Reachable">The server answered with a greeting.</param>
/// <param name="Encrypted">The session ended up on TLS (implicit or STARTTLS).</param>
/// <param name="Authenticated">Null when no credentials are configured.</param>
/// <param name="Capabilities">EHLO extensions MailKit understood, e.g. <c>Pipelining</c>, <c>AUTH PLAIN LOGIN</c>.</param>
/// <param name="Error">Why the probe failed, safe to show (never the password).</param>
public sealed record SmtpProbeResult(
    bool Configured,
    bool Reachable,
    string Server,
    SmtpSecurity Security,
    bool Encrypted,
    bool? Authenticated,
    string? Greeting,
    IReadOnlyList<string> Capabilities,
    TimeSpan Elapsed,
    string? Error)
{
    public bool Healthy => Configured && Reachable && Error is null;
}

/// <summary>
/// Connects as a send would (EHLO, STARTTLS or implicit TLS, AUTH when configured), then says QUIT without sending.
/// Used by the status page and health checks; it bypasses retries and the circuit breaker on purpose.
/// </summary>
public sealed class SmtpProbe(IOptions<EmailOptions> options, TimeProvider time, ILogger<SmtpProbe> logger)
{
    private readonly SmtpConnector connector = new(options.Value);

    public async Task<SmtpProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.UsesOutbox)
        {
            return new SmtpProbeResult(false, false, "", o.Security, false, null, null, [], TimeSpan.Zero,
                "no SMTP server configured (EMAIL_SMTP_SERVER): emails go to the outbox folder");
        }

        var started = time.GetTimestamp();
        var greeting = new GreetingRecorder();
        // The same session deadline as a send, and the same bounded QUIT.
        using var session = new SmtpSession(connector, time, logger, cancellationToken, greeting);
        var client = session.Client;
        string? error = null;
        try
        {
            await session.OpenAsync();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            error = session.Describe(ex).Message;
            logger.LogWarning("SMTP probe of {Server} failed: {Error}", connector.Endpoint, error);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new OperationCanceledException("the probe was cancelled", ex, cancellationToken);
        }
        var result = new SmtpProbeResult(
            Configured: true,
            Reachable: greeting.Greeting is not null,
            Server: connector.Endpoint,
            Security: o.Security,
            Encrypted: client.IsEncrypted,
            Authenticated: connector.HasCredentials ? client.IsAuthenticated : null,
            Greeting: greeting.Greeting,
            Capabilities: Capabilities(client),
            Elapsed: time.GetElapsedTime(started),
            Error: error);
        await session.CloseAsync();
        return result;
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
}

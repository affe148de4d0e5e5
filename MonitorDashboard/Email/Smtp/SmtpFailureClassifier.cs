using System.Globalization;
using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace MonitorDashboard.Email.Smtp;

/// <summary>
/// Names what went wrong in one sentence a user can act on, and decides whether a retry can help: the network and
/// 4xx replies are transient; a wrong password, a 5xx rejection or an untrusted certificate are not.
/// </summary>
internal static class SmtpFailureClassifier
{
    public static SmtpFailure Classify(Exception exception, EmailOptions options, ConnectionDiagnostics diagnostics)
    {
        var failure = Describe(exception, options, diagnostics);
        return failure with { Message = Redact(failure.Message, options) };
    }

    private static SmtpFailure Describe(Exception exception, EmailOptions options, ConnectionDiagnostics diagnostics)
    {
        var host = options.SmtpServer;
        var endpoint = $"{host}:{options.SmtpPort}";
        return exception switch
        {
            PlainTextAuthRefusedException => new($"SMTP server {endpoint}: {exception.Message}", false),
            SslHandshakeException when diagnostics.CertificateProblem is { } problem =>
                new($"certificate of {endpoint} not trusted: {problem}", false),
            // MailKit's per-operation timeout (Email:Timeout) ran out in the handshake: a silent server, worth another try.
            SslHandshakeException when IsTimeout(exception) => new(
                $"TLS handshake with {endpoint} did not finish within {options.Timeout.TotalSeconds:0.#} s", true),
            SslHandshakeException when options.Security == SmtpSecurity.ImplicitTls => new(
                $"TLS handshake with {endpoint} failed: {Innermost(exception)} (if this port expects STARTTLS, set EMAIL_USE_TLS instead of EMAIL_USE_SSL)", false),
            SslHandshakeException => new($"TLS handshake with {endpoint} failed: {Innermost(exception)}", false),
            AuthenticationException => new(
                $"SMTP authentication failed for user {options.Username} at {endpoint} ({exception.Message})", false),
            RecipientsRejectedException rejected => new(
                $"SMTP server {endpoint} rejected every recipient: "
                + string.Join("; ", rejected.Outcomes.Select(o => $"{o.Address} ({o.Reason})")), rejected.Transient),
            SmtpCommandException command => new(
                $"SMTP server {endpoint} answered {(int)command.StatusCode} {command.Message}", IsTransient(command.StatusCode)),
            SmtpProtocolException => new($"SMTP server {endpoint} broke the protocol or closed the connection: {exception.Message}", true),
            ServiceNotConnectedException => new($"the connection to SMTP server {endpoint} was lost", true),
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } =>
                new($"SMTP server {endpoint} refused the connection", true),
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } =>
                new($"SMTP server {host} could not be found (DNS)", true),
            SocketException { SocketErrorCode: SocketError.TimedOut } or TimeoutException or OperationCanceledException =>
                new($"SMTP server {endpoint} did not answer within {options.Timeout.TotalSeconds:0.#} s", true),
            // Reset, aborted or a broken pipe: the server was reached and then hung up, which "could not reach" would hide.
            SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown } socket =>
                new($"SMTP server {endpoint} closed the connection: {socket.Message}", true),
            SocketException socket => new($"could not reach SMTP server {endpoint}: {socket.Message}", true),
            IOException when exception.InnerException is TimeoutException or SocketException =>
                Describe(exception.InnerException, options, diagnostics),
            IOException => new($"the connection to SMTP server {endpoint} failed: {exception.Message}", true),
            NotSupportedException => new($"SMTP server {endpoint}: {exception.Message}", false),
            _ => new($"sending through SMTP server {endpoint} failed: {exception.GetType().Name}: {exception.Message}", false),
        };
    }

    /// <summary>One session ran past <see cref="EmailOptions.SessionTimeout"/>: transient, a new session may do better.</summary>
    public static SmtpFailure SessionTimedOut(EmailOptions options, SmtpSessionStage stage) => new(
        $"SMTP server {options.SmtpServer}:{options.SmtpPort} did not finish the session within {Duration(options.SessionTimeout)} ({stage.Stalled()})",
        true);

    /// <summary>The whole send ran past <see cref="EmailOptions.SendTimeout"/> in the middle of an attempt.</summary>
    public static SmtpFailure SendTimedOut(EmailOptions options, SmtpSessionStage stage) => new(
        $"SMTP server {options.SmtpServer}:{options.SmtpPort} did not finish before Email:SendTimeout ({Duration(options.SendTimeout)}) ran out ({stage.Stalled()})",
        true);

    /// <summary>"0.3 s", "30 s", "2 min", "1 min 30 s", "1.5 h".</summary>
    internal static string Duration(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s"),
        { TotalHours: < 1, Seconds: 0, Milliseconds: 0 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min"),
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min {span.TotalSeconds % 60:0.#} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.##} h"),
    };

    private static bool IsTransient(SmtpStatusCode status) => (int)status is >= 400 and < 500;

    /// <summary>Whether a timeout (MailKit's own, or a cancellation it raised for one) is behind the exception.</summary>
    private static bool IsTimeout(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is TimeoutException or OperationCanceledException)
            {
                return true;
            }
        }
        return false;
    }

    private static string Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }
        return exception.Message;
    }

    /// <summary>
    /// Server replies are quoted in messages; a careless server could echo what it was sent. The password, and the
    /// base64 forms AUTH PLAIN and LOGIN put on the wire, never leave this class.
    /// </summary>
    internal static string Redact(string text, EmailOptions options)
    {
        if (string.IsNullOrEmpty(options.Password))
        {
            return text;
        }
        string[] secrets =
        [
            options.Password,
            Convert.ToBase64String(Encoding.UTF8.GetBytes(options.Password)),
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{options.Username}\0{options.Password}")),
        ];
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }
        return text;
    }
}

using System.Text;
using MailKit;

namespace MonitorDashboard.Email.Smtp;

/// <summary>
/// Follows the session through MailKit's protocol log: connected (greeting next), greeting received (EHLO next),
/// STARTTLS, DATA. It looks only
/// at command names at the start of a line and only in stages where a command is expected, so AUTH exchanges and the
/// message itself are never read; nothing the client sends is stored. Everything is passed on to an inner logger.
/// </summary>
internal sealed class StageTrackingProtocolLogger(SmtpSessionProgress progress, IProtocolLogger? inner = null) : IProtocolLogger
{
    public IAuthenticationSecretDetector? AuthenticationSecretDetector
    {
        get => inner?.AuthenticationSecretDetector;
        set
        {
            if (inner is not null)
            {
                inner.AuthenticationSecretDetector = value;
            }
        }
    }

    /// <summary>MailKit logs the connection once the socket is up and, for implicit TLS, the handshake is done.</summary>
    public void LogConnect(Uri uri)
    {
        progress.Enter(SmtpSessionStage.Greeting);
        inner?.LogConnect(uri);
    }

    public void LogClient(byte[] buffer, int offset, int count)
    {
        var stage = progress.Stage;
        if (stage is SmtpSessionStage.Greeting or SmtpSessionStage.Ehlo or SmtpSessionStage.TlsHandshake or SmtpSessionStage.Envelope)
        {
            foreach (var command in Commands(buffer, offset, count))
            {
                Follow(stage, command);
            }
        }
        inner?.LogClient(buffer, offset, count);
    }

    /// <summary>
    /// The first bytes from the server are its greeting: EHLO is next. (Client lines are logged after they were
    /// written, so EHLO's own log line can come after the server already has it.)
    /// </summary>
    public void LogServer(byte[] buffer, int offset, int count)
    {
        if (progress.Stage == SmtpSessionStage.Greeting)
        {
            progress.Enter(SmtpSessionStage.Ehlo);
        }
        inner?.LogServer(buffer, offset, count);
    }

    public void Dispose() => inner?.Dispose();

    private void Follow(SmtpSessionStage stage, string command)
    {
        if (stage == SmtpSessionStage.Envelope)
        {
            if (command is "DATA" or "BDAT")
            {
                progress.Enter(SmtpSessionStage.MessageData);
            }
            return;
        }
        if (command is "EHLO" or "HELO")
        {
            progress.Enter(SmtpSessionStage.Ehlo);
        }
        else if (command == "STARTTLS")
        {
            progress.Enter(SmtpSessionStage.TlsHandshake);
        }
    }

    /// <summary>The first word of each line in the buffer, upper case, at most 8 ASCII letters.</summary>
    private static IEnumerable<string> Commands(byte[] buffer, int offset, int count)
    {
        var end = offset + count;
        var start = offset;
        while (start < end)
        {
            var length = 0;
            while (length < 8 && start + length < end && IsLetter(buffer[start + length]))
            {
                length++;
            }
            if (length > 0)
            {
                yield return Encoding.ASCII.GetString(buffer, start, length).ToUpperInvariant();
            }
            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            start = newline < 0 ? end : newline + 1;
        }
    }

    private static bool IsLetter(byte b) => b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z';
}

using System.Text;
using MailKit;

namespace MonitorDashboard.Email.Smtp;

/// <summary>
/// Keeps the server's first reply (the 220 greeting) for the probe. It never stores what the client sends, so no
/// credential can end up here.
/// </summary>
internal sealed class GreetingRecorder : IProtocolLogger
{
    private readonly StringBuilder _firstReply = new();
    private bool _clientHasSpoken;

    public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

    /// <summary>The greeting's text without the reply code, or null when the server never spoke.</summary>
    public string? Greeting
    {
        get
        {
            var lines = _firstReply.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            return lines.Length == 0 ? null : string.Join(" ", lines.Select(l => l.Length > 4 ? l[4..] : l));
        }
    }

    public void LogConnect(Uri uri)
    {
    }

    public void LogClient(byte[] buffer, int offset, int count) => _clientHasSpoken = true;

    public void LogServer(byte[] buffer, int offset, int count)
    {
        if (!_clientHasSpoken)
        {
            _firstReply.Append(Encoding.ASCII.GetString(buffer, offset, count));
        }
    }

    public void Dispose()
    {
    }
}

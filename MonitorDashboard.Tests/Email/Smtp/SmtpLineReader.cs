using System.Text;

namespace MonitorDashboard.Tests.Email.Smtp;

/// <summary>
/// Reads CRLF-terminated lines byte for byte (Latin-1, so the message data survives unchanged). Unlike a
/// StreamReader it never reads past what it returns more than its own buffer, which is empty when STARTTLS swaps the stream.
/// </summary>
internal sealed class SmtpLineReader(Stream stream)
{
    private const int MaxLine = 64 * 1024;
    private readonly byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    /// <summary>The next line without its line break, or null when the peer closed the connection.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await stream.ReadAsync(_buffer, cancellationToken);
                if (_end == 0)
                {
                    return null;
                }
            }
            var b = _buffer[_start++];
            if (b == '\n')
            {
                if (line.Count > 0 && line[^1] == '\r')
                {
                    line.RemoveAt(line.Count - 1);
                }
                return Encoding.Latin1.GetString([.. line]);
            }
            if (line.Count >= MaxLine)
            {
                throw new InvalidDataException("line too long");
            }
            line.Add(b);
        }
    }

    /// <summary>Reads and ignores everything until the peer hangs up: a server that listens but never answers.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        _start = _end = 0;
        while (await stream.ReadAsync(_buffer, cancellationToken) > 0)
        {
        }
    }
}

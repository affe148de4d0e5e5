using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MimeKit;

namespace MonitorDashboard.Tests.Email.Smtp;

/// <summary>One connection to <see cref="ScriptedSmtpServer"/>: the SMTP dialogue, with the fault it was accepted under.</summary>
internal sealed class ScriptedSmtpSession(ScriptedSmtpServer server, TcpClient client, SmtpFault fault)
{
    private Stream _stream = client.GetStream();
    private SmtpLineReader _lines = null!;
    private bool _secure;
    private bool _authenticated;
    private string? _from;
    private readonly List<string> _to = [];

    private ScriptedSmtpServerOptions Options => server.Options;

    public async Task RunAsync(CancellationToken stop)
    {
        server.Reach(ScriptedStage.Connected);
        try
        {
            _lines = new SmtpLineReader(_stream);
            if (Options.Security == TestServerSecurity.ImplicitTls && !await StartTlsAsync(stop))
            {
                return;
            }
            if (fault == SmtpFault.NeverGreet)
            {
                await _lines.DrainAsync(stop);
                return;
            }
            await ReplyAsync("220 localhost ESMTP scripted test server", stop);
            server.Reach(ScriptedStage.Greeted);
            while (await _lines.ReadLineAsync(stop) is { } line && await HandleAsync(line, stop))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException
            or AuthenticationException or InvalidDataException)
        {
            // The client hung up, the TLS handshake failed, or the server is stopping: the session is over.
        }
        finally
        {
            await _stream.DisposeAsync();
            client.Dispose();
            server.Reach(ScriptedStage.Closed);
        }
    }

    /// <summary>Handles one command; false ends the session.</summary>
    private async Task<bool> HandleAsync(string line, CancellationToken stop)
    {
        var verb = line.Split(' ', 2)[0].ToUpperInvariant();
        switch (verb)
        {
            case "EHLO" or "HELO":
                server.Reach(ScriptedStage.Ehlo);
                if (fault == SmtpFault.StallAfterGreeting)
                {
                    return await StallAsync(stop);
                }
                await ReplyAsync(Ehlo(verb), stop);
                return true;
            case "STARTTLS" when Options.Security == TestServerSecurity.StartTls && !_secure:
                await ReplyAsync("220 2.0.0 Ready to start TLS", stop);
                return await StartTlsAsync(stop);
            case "AUTH" when OffersAuth:
                return await AuthenticateAsync(line, stop);
            case "MAIL":
                server.Reach(ScriptedStage.MailFrom);
                return fault switch
                {
                    SmtpFault.StallAtMailFrom => await StallAsync(stop),
                    SmtpFault.TempFailMailFrom => await ReplyAsync("451 4.3.0 Mail server temporarily unavailable, try again later", stop),
                    _ when Options.Credentials is not null && !_authenticated => await ReplyAsync("530 5.7.0 Authentication required", stop),
                    _ => await EnvelopeAsync(() => _from = Address(line), stop),
                };
            case "RCPT":
                server.Reach(ScriptedStage.RcptTo);
                return _from is null
                    ? await ReplyAsync("503 5.5.1 MAIL first", stop)
                    : await EnvelopeAsync(() => _to.Add(Address(line)), stop);
            case "DATA":
                return _to.Count == 0 ? await ReplyAsync("503 5.5.1 RCPT first", stop) : await DataAsync(stop);
            case "RSET":
                _from = null;
                _to.Clear();
                return await ReplyAsync("250 2.0.0 OK", stop);
            case "NOOP":
                return await ReplyAsync("250 2.0.0 OK", stop);
            case "QUIT":
                server.Reach(ScriptedStage.Quit);
                if (fault == SmtpFault.StallAtQuit)
                {
                    return await StallAsync(stop);
                }
                await ReplyAsync("221 2.0.0 Bye", stop);
                return false;
            default:
                return await ReplyAsync("502 5.5.2 Command not implemented", stop);
        }
    }

    private bool OffersAuth => Options.Credentials is not null && (_secure || Options.Security == TestServerSecurity.None);

    private string Ehlo(string verb)
    {
        if (verb == "HELO")
        {
            return "250 localhost";
        }
        List<string> extensions = ["localhost"];
        if (Options.Security == TestServerSecurity.StartTls && !_secure)
        {
            extensions.Add("STARTTLS");
        }
        if (OffersAuth)
        {
            extensions.Add("AUTH PLAIN");
        }
        return string.Join("\r\n", extensions.Select((e, i) => (i == extensions.Count - 1 ? "250 " : "250-") + e));
    }

    /// <summary>The server side of a TLS handshake, or the fault that breaks it; false ends the session.</summary>
    private async Task<bool> StartTlsAsync(CancellationToken stop)
    {
        // Peek, not read: the client's first handshake bytes must still be there for SslStream.
        if (await client.Client.ReceiveAsync(new byte[1], SocketFlags.Peek, stop) == 0)
        {
            return false;
        }
        server.Reach(ScriptedStage.TlsStarting);
        switch (fault)
        {
            case SmtpFault.StallInTlsHandshake:
                return await StallAsync(stop);
            case SmtpFault.BrokenTls:
                await _stream.WriteAsync("this is not a TLS handshake\r\n"u8.ToArray(), stop);
                return false;
        }
        var certificate = fault == SmtpFault.UntrustedCertificate ? server.UntrustedCertificate : Options.Certificate!;
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
        _stream = tls;
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, stop);
        _lines = new SmtpLineReader(tls);
        _secure = true;
        server.Reach(ScriptedStage.TlsEstablished);
        return true;
    }

    private async Task<bool> AuthenticateAsync(string line, CancellationToken stop)
    {
        server.CountAuthAttempt();
        server.Reach(ScriptedStage.Auth);
        if (fault == SmtpFault.StallInAuth)
        {
            return await StallAsync(stop);
        }
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !parts[1].Equals("PLAIN", StringComparison.OrdinalIgnoreCase))
        {
            return await ReplyAsync("504 5.5.4 Unrecognized authentication type", stop);
        }
        var response = parts.Length > 2 ? parts[2] : await ContinueAsync(stop);
        if (response is null)
        {
            return false;
        }
        if (fault == SmtpFault.RejectAuth)
        {
            return await ReplyAsync($"535 5.7.8 Authentication credentials invalid (you sent {response})", stop);
        }
        _authenticated = Decode(response) is [_, var user, var password]
            && (user, password) == Options.Credentials;
        return await ReplyAsync(_authenticated ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid", stop);
    }

    private async Task<string?> ContinueAsync(CancellationToken stop)
    {
        await ReplyAsync("334 ", stop);
        return await _lines.ReadLineAsync(stop);
    }

    private static string[] Decode(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('\0');
        }
        catch (FormatException)
        {
            return [];
        }
    }

    private async Task<bool> DataAsync(CancellationToken stop)
    {
        await ReplyAsync("354 End data with <CR><LF>.<CR><LF>", stop);
        server.Reach(ScriptedStage.Data);
        using var data = new MemoryStream();
        while (await _lines.ReadLineAsync(stop) is { } line)
        {
            if (fault == SmtpFault.DropInData)
            {
                // Hang up with the message half sent: the client must not take it as delivered.
                client.Client.LingerState = new LingerOption(true, 0);
                return false;
            }
            if (line == ".")
            {
                server.Reach(ScriptedStage.DataEnd);
                return await EndOfDataAsync(data, stop);
            }
            var unstuffed = line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line;
            data.Write(Encoding.Latin1.GetBytes(unstuffed + "\r\n"));
        }
        return false;
    }

    private async Task<bool> EndOfDataAsync(MemoryStream data, CancellationToken stop)
    {
        switch (fault)
        {
            case SmtpFault.StallInData:
                return await StallAsync(stop);
            case SmtpFault.TempFailAfterData:
                return await ReplyAsync("451 4.3.0 Temporary local problem, try again later", stop);
            case SmtpFault.RejectAfterData:
                return await ReplyAsync("554 5.6.0 Message rejected by policy", stop);
        }
        data.Position = 0;
        var message = await MimeMessage.LoadAsync(data, stop);
        server.Accepted(new ReceivedMessage(_from!, [.. _to], message));
        _from = null;
        _to.Clear();
        return await ReplyAsync("250 2.0.0 OK queued", stop);
    }

    private async Task<bool> EnvelopeAsync(Action record, CancellationToken stop)
    {
        record();
        return await ReplyAsync("250 2.1.0 OK", stop);
    }

    /// <summary>Listens without ever answering until the client gives up; then the session is over.</summary>
    private async Task<bool> StallAsync(CancellationToken stop)
    {
        await _lines.DrainAsync(stop);
        return false;
    }

    private async Task<bool> ReplyAsync(string reply, CancellationToken stop)
    {
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n"), stop);
        await _stream.FlushAsync(stop);
        return true;
    }

    /// <summary>The address in <c>MAIL FROM:&lt;a&gt;</c> or <c>RCPT TO:&lt;a&gt;</c>.</summary>
    private static string Address(string line)
    {
        var open = line.IndexOf('<', StringComparison.Ordinal);
        var close = line.IndexOf('>', StringComparison.Ordinal);
        return open >= 0 && close > open ? line[(open + 1)..close] : line;
    }
}

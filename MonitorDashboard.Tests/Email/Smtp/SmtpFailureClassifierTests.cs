using System.Net.Sockets;
using MonitorDashboard.Email;
using MonitorDashboard.Email.Smtp;

namespace MonitorDashboard.Tests.Email.Smtp;

/// <summary>
/// Socket errors in words: a server that was reached and then hung up (reset, aborted, broken pipe — as MailKit
/// sees a connection dropped in the middle of DATA) is not "could not reach", which would send a user looking at
/// DNS and firewalls. Which of these MailKit sees for one drop depends on timing, so each is pinned here.
/// </summary>
public sealed class SmtpFailureClassifierTests
{
    private static readonly EmailOptions Options = new() { SmtpServer = "smtp.example.com", SmtpPort = 587 };

    private static SmtpFailure Classify(SocketError error) =>
        SmtpFailureClassifier.Classify(new IOException("Unable to write data to the transport connection.", new SocketException((int)error)),
            Options, new ConnectionDiagnostics());

    [Theory]
    [InlineData(SocketError.ConnectionReset)]
    [InlineData(SocketError.ConnectionAborted)]
    [InlineData(SocketError.Shutdown)]
    public void A_connection_the_server_dropped_is_named_as_closed_by_the_server_and_is_retried(SocketError error)
    {
        var failure = Classify(error);

        Assert.StartsWith("SMTP server smtp.example.com:587 closed the connection: ", failure.Message, StringComparison.Ordinal);
        Assert.True(failure.Transient);
    }

    [Theory]
    [InlineData(SocketError.ConnectionRefused, "SMTP server smtp.example.com:587 refused the connection")]
    [InlineData(SocketError.HostUnreachable, "could not reach SMTP server smtp.example.com:587: ")]
    [InlineData(SocketError.NetworkUnreachable, "could not reach SMTP server smtp.example.com:587: ")]
    public void A_server_never_reached_is_still_named_so(SocketError error, string start)
    {
        var failure = Classify(error);

        Assert.StartsWith(start, failure.Message, StringComparison.Ordinal);
        Assert.True(failure.Transient);
    }
}

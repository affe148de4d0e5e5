using System.Security.Cryptography.X509Certificates;

namespace MonitorDashboard.Tests.Email.Smtp;

/// <summary>
/// What <see cref="ScriptedSmtpServer"/> does wrong. Each session reads it when it is accepted, so setting it while
/// the server runs breaks (or heals) the next session on the same port.
/// </summary>
public enum SmtpFault
{
    None,
    /// <summary>Accepts the connection and never says 220.</summary>
    NeverGreet,
    /// <summary>Greets, then never answers EHLO.</summary>
    StallAfterGreeting,
    /// <summary>Answers STARTTLS with 220 (or accepts an implicit-TLS connection), then never speaks TLS.</summary>
    StallInTlsHandshake,
    /// <summary>Answers STARTTLS with 220 (or accepts an implicit-TLS connection), then sends plain text and hangs up.</summary>
    BrokenTls,
    /// <summary>TLS with a fresh self-signed certificate that no CA file trusts.</summary>
    UntrustedCertificate,
    /// <summary>Never answers AUTH.</summary>
    StallInAuth,
    /// <summary>535 to every AUTH, quoting what the client sent, as a careless server might (tests redaction).</summary>
    RejectAuth,
    /// <summary>451 to MAIL FROM.</summary>
    TempFailMailFrom,
    /// <summary>Never answers MAIL FROM.</summary>
    StallAtMailFrom,
    /// <summary>Reads the whole message and never answers the final ".".</summary>
    StallInData,
    /// <summary>Hangs up after the first line of the message data.</summary>
    DropInData,
    /// <summary>451 after the final ".": nothing was accepted, try later.</summary>
    TempFailAfterData,
    /// <summary>554 after the final ".": the message is refused for good.</summary>
    RejectAfterData,
    /// <summary>Accepts the message (250), then never answers QUIT.</summary>
    StallAtQuit,
}

/// <summary>Points of a session the scripted server has reached; await them with <see cref="ScriptedSmtpServer.ReachedAsync"/>.</summary>
public enum ScriptedStage
{
    /// <summary>A connection was accepted.</summary>
    Connected,
    /// <summary>The 220 greeting was sent.</summary>
    Greeted,
    /// <summary>EHLO or HELO arrived.</summary>
    Ehlo,
    /// <summary>The client's first TLS handshake bytes arrived (after STARTTLS, or at once for implicit TLS).</summary>
    TlsStarting,
    /// <summary>The TLS handshake succeeded.</summary>
    TlsEstablished,
    /// <summary>AUTH arrived.</summary>
    Auth,
    /// <summary>MAIL FROM arrived.</summary>
    MailFrom,
    /// <summary>RCPT TO arrived.</summary>
    RcptTo,
    /// <summary>DATA arrived and was answered with 354.</summary>
    Data,
    /// <summary>The final "." of the message data arrived.</summary>
    DataEnd,
    /// <summary>The message was accepted with 250.</summary>
    MessageAccepted,
    /// <summary>QUIT arrived.</summary>
    Quit,
    /// <summary>The connection is closed (by either side).</summary>
    Closed,
}

/// <summary>How the scripted server is set up; its behaviour under faults is <see cref="ScriptedSmtpServer.Fault"/>.</summary>
/// <param name="Certificate">Required for STARTTLS and implicit TLS.</param>
/// <param name="Credentials">When set, AUTH PLAIN is offered (over TLS, or on a plain server) and required before MAIL FROM.</param>
internal sealed record ScriptedSmtpServerOptions(
    TestServerSecurity Security = TestServerSecurity.None,
    X509Certificate2? Certificate = null,
    (string User, string Password)? Credentials = null);

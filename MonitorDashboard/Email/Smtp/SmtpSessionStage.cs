namespace MonitorDashboard.Email.Smtp;

/// <summary>What one SMTP session is doing, in the order a session goes through it.</summary>
internal enum SmtpSessionStage
{
    Connecting,
    TlsHandshake,
    Greeting,
    Ehlo,
    Authenticating,
    Envelope,
    MessageData,
    Closing,
}

internal static class SmtpSessionStageText
{
    /// <summary>Completes "stalled ...": what the server was doing when the deadline ran out.</summary>
    public static string Stalled(this SmtpSessionStage stage) => stage switch
    {
        SmtpSessionStage.Connecting => "stalled while connecting",
        SmtpSessionStage.TlsHandshake => "stalled in the TLS handshake",
        SmtpSessionStage.Greeting => "stalled before its greeting",
        SmtpSessionStage.Ehlo => "stalled after its greeting, at EHLO",
        SmtpSessionStage.Authenticating => "stalled while authenticating",
        SmtpSessionStage.Envelope => "stalled at MAIL FROM/RCPT TO",
        SmtpSessionStage.MessageData => "stalled while sending the message data",
        _ => "stalled while closing the session",
    };
}

/// <summary>
/// The stage one session has reached, written by the client's hooks and read when a deadline runs out. Our code
/// marks the stages it starts itself (authenticating, sending, closing); <see cref="StageTrackingProtocolLogger"/>
/// and <see cref="RecipientTrackingSmtpClient"/> mark the ones inside MailKit's connect and send.
/// </summary>
internal sealed class SmtpSessionProgress
{
    private int _stage;

    public SmtpSessionStage Stage => (SmtpSessionStage)Volatile.Read(ref _stage);

    public void Enter(SmtpSessionStage next) => Volatile.Write(ref _stage, (int)next);
}

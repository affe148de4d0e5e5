namespace MonitorDashboard.Email.Smtp;

/// <summary>Why one SMTP attempt failed, in words safe to log and show, and whether trying again can help.</summary>
internal sealed record SmtpFailure(string Message, bool Transient);

/// <summary>One failed attempt, classified; the resilience pipeline retries it only when it is transient.</summary>
internal sealed class SmtpDeliveryException(SmtpFailure failure, Exception inner) : Exception(failure.Message, inner)
{
    public SmtpFailure Failure { get; } = failure;
}

/// <summary>The server refused every recipient; <see cref="Outcomes"/> says why for each.</summary>
internal sealed class RecipientsRejectedException(IReadOnlyList<RecipientOutcome> outcomes, bool transient)
    : Exception("every recipient was rejected")
{
    public IReadOnlyList<RecipientOutcome> Outcomes { get; } = outcomes;

    /// <summary>Every rejection was a 4xx reply (mailbox busy, greylisting): the same message may pass later.</summary>
    public bool Transient { get; } = transient;
}

/// <summary>Credentials are configured for a connection without TLS and clear-text AUTH was not allowed.</summary>
internal sealed class PlainTextAuthRefusedException()
    : Exception("the connection is not encrypted and Email:AllowPlainTextAuth is false, so the password is not sent");

/// <summary>What one connection attempt got to, for a precise failure message.</summary>
internal sealed class ConnectionDiagnostics
{
    /// <summary>Why the server's certificate was refused, when it was.</summary>
    public string? CertificateProblem { get; set; }
}

using MonitorDashboard.Settings;

namespace MonitorDashboard.Email;

public enum SmtpSecurity
{
    None,
    /// <summary><c>EMAIL_USE_TLS</c>: plain connection upgraded with STARTTLS.</summary>
    StartTls,
    /// <summary><c>EMAIL_USE_SSL</c>: TLS from the first byte.</summary>
    ImplicitTls,
}

/// <summary>
/// SMTP and notification settings. Bound from the <c>Email</c> section; the Python tool's variables
/// (<c>EMAIL_SMTP_SERVER</c>, <c>EMAIL_PASSWORD</c>, <c>ADMIN_EMAIL_RECIPIENTS</c>...) win.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>Empty means no SMTP server: reports are written as .eml files to <see cref="OutboxFolder"/>.</summary>
    public string? SmtpServer { get; set; }
    public int SmtpPort { get; set; } = 587;
    public bool UseTls { get; set; }
    public bool UseSsl { get; set; }
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string? SenderAddress { get; set; }
    public IReadOnlyList<string> AdminRecipients { get; set; } = [];
    public bool GlobalNotificationsEnabled { get; set; } = true;

    /// <summary>PEM file of a private certificate authority that signs the SMTP server's certificate.</summary>
    public string? CaCertificateFile { get; set; }

    /// <summary>Where .eml files go when no SMTP server is configured; relative to the content root.</summary>
    public string OutboxFolder { get; set; } = "outbox";

    /// <summary>
    /// Send <see cref="Username"/> and <see cref="Password"/> over a connection without TLS. Off by default: a careful
    /// setup never puts the password on the wire in clear text.
    /// </summary>
    public bool AllowPlainTextAuth { get; set; }

    /// <summary>Retries after the first attempt on transient failures (connection refused, timeouts, 4xx replies).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// First retry delay; later ones grow exponentially, with jitter. Each delay is at most 30 s (or this value, if
    /// larger), and never outlasts <see cref="SendTimeout"/>.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Timeout of each network operation (connect, every command, the message data). A server that answers each one
    /// just in time, or trickles bytes, is stopped by <see cref="SessionTimeout"/> instead.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Deadline of one whole SMTP session (one attempt): connect, TLS handshake, EHLO, AUTH, MAIL/RCPT/DATA and QUIT.
    /// A session that runs out is a transient failure, retried like a refused connection, and its error says what the
    /// server was doing when it stalled. At least <see cref="Timeout"/>.
    /// </summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Deadline of one send as a whole: every attempt and the backoff delays between them. When it runs out, an attempt
    /// still running is cut off and no further attempt starts; the send fails with the last attempt's reason.
    /// <para>
    /// Worst case of one send: never longer than this (3 min by default). Without it the sum would be up to
    /// (<see cref="MaxRetries"/> + 1) × <see cref="SessionTimeout"/> + <see cref="MaxRetries"/> × 30 s of backoff,
    /// 9 min 30 s with the defaults, against a server that stalls every session. Typical failures (refused
    /// connection, 4xx) take a few seconds: with the defaults the backoff delays add up to about 11 s at most.
    /// At least <see cref="SessionTimeout"/>.
    /// </para>
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Consecutive transient failures after which the circuit opens and sends fail at once.</summary>
    public int CircuitBreakerFailureThreshold { get; set; } = 5;

    /// <summary>How long the circuit stays open before one trial send goes through.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Values of the Python tool's variables that could not be read; reported by the validator.</summary>
    internal List<string> BindingProblems { get; } = [];

    public bool UsesOutbox => string.IsNullOrWhiteSpace(SmtpServer);

    public SmtpSecurity Security => UseSsl ? SmtpSecurity.ImplicitTls : UseTls ? SmtpSecurity.StartTls : SmtpSecurity.None;

    internal void ApplyPythonToolVariables(IConfiguration configuration)
    {
        var vars = new PythonToolVariables(configuration);
        SmtpServer = vars.String("EMAIL_SMTP_SERVER") ?? SmtpServer;
        SmtpPort = vars.Port("EMAIL_SMTP_PORT") ?? SmtpPort;
        UseTls = vars.Bool("EMAIL_USE_TLS") ?? UseTls;
        UseSsl = vars.Bool("EMAIL_USE_SSL") ?? UseSsl;
        Username = vars.String("EMAIL_USERNAME") ?? Username;
        Password = configuration["EMAIL_PASSWORD"] is { Length: > 0 } password ? password : Password;
        SenderAddress = vars.String("EMAIL_SENDER_ADDRESS") ?? SenderAddress;
        AdminRecipients = vars.List("ADMIN_EMAIL_RECIPIENTS") ?? AdminRecipients;
        GlobalNotificationsEnabled = vars.Bool("GLOBAL_EMAIL_NOTIFICATIONS_ENABLED") ?? GlobalNotificationsEnabled;
        BindingProblems.AddRange(vars.Problems);
    }
}

using MonitorDashboard.Configuration;

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

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Timeout of each network operation (connect, every command, the message data).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

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

using MailKit;
using MimeKit;

namespace MonitorDashboard.Email.Smtp;

/// <summary>
/// One SMTP session (one attempt) under one deadline, <see cref="EmailOptions.SessionTimeout"/> on the injected clock:
/// MailKit's own timeout is per network operation, so a server that trickles bytes or answers each command just in
/// time could otherwise hold a session for ever. It knows the stage it reached, so a stall can be named.
/// </summary>
internal sealed partial class SmtpSession : IDisposable
{
    /// <summary>QUIT after the work is done: short, because nothing depends on it any more.</summary>
    public static readonly TimeSpan QuitTimeout = TimeSpan.FromSeconds(5);

    private readonly SmtpConnector _connector;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _deadline;
    private readonly CancellationTokenSource _session;
    private readonly SmtpSessionProgress _progress = new();
    private readonly ConnectionDiagnostics _diagnostics = new();

    /// <param name="cancellationToken">The caller's token; the session ends at whichever comes first.</param>
    /// <param name="protocolLogger">Also sees the protocol (the probe records the greeting with it).</param>
    public SmtpSession(SmtpConnector connector, TimeProvider time, ILogger logger, CancellationToken cancellationToken, IProtocolLogger? protocolLogger = null)
    {
        _connector = connector;
        _time = time;
        _logger = logger;
        _deadline = new CancellationTokenSource(connector.Options.SessionTimeout, time);
        _session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _deadline.Token);
        Client = new RecipientTrackingSmtpClient(new StageTrackingProtocolLogger(_progress, protocolLogger), _progress);
    }

    public RecipientTrackingSmtpClient Client { get; }

    public SmtpSessionStage Stage => _progress.Stage;

    /// <summary>The session's own deadline ran out (not the caller's token).</summary>
    public bool DeadlineExpired => _deadline.IsCancellationRequested;

    /// <summary>Connect, TLS, EHLO, and AUTH when credentials are configured.</summary>
    public async Task OpenAsync()
    {
        await ConnectAsync();
        if (_connector.HasCredentials)
        {
            _progress.Enter(SmtpSessionStage.Authenticating);
            await _connector.AuthenticateAsync(Client, _session.Token);
        }
    }

    /// <summary>Connect, TLS (the certificate checked) and EHLO, without AUTH: all the probe does.</summary>
    public Task ConnectAsync() => _connector.ConnectAsync(Client, _diagnostics, _session.Token);

    /// <summary>MAIL FROM, RCPT TO, DATA; returns once the server accepted the message.</summary>
    public async Task SendAsync(MimeMessage message)
    {
        _progress.Enter(SmtpSessionStage.Envelope);
        await Client.SendAsync(message, _session.Token);
    }

    /// <summary>
    /// QUIT, bounded by <see cref="QuitTimeout"/> (and the session's deadline). It never throws: by now the message was
    /// accepted or the probe has its answer, and a server that hangs or drops the line at QUIT cannot undo either.
    /// </summary>
    public async Task CloseAsync()
    {
        if (!Client.IsConnected)
        {
            return;
        }
        _progress.Enter(SmtpSessionStage.Closing);
        using var quit = new CancellationTokenSource(QuitTimeout, _time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(_session.Token, quit.Token);
        string? problem = null;
        try
        {
            await Client.DisconnectAsync(quit: true, bounded.Token);
        }
        catch (Exception ex)
        {
            problem = SmtpFailureClassifier.Redact($"{ex.GetType().Name}: {ex.Message}", _connector.Options);
        }
        // MailKit itself swallows most failures of QUIT, a cancelled one included.
        if (problem is null && bounded.IsCancellationRequested)
        {
            problem = quit.IsCancellationRequested
                ? $"no answer within {SmtpFailureClassifier.Duration(QuitTimeout)}"
                : "the session ended first";
        }
        if (problem is not null)
        {
            LogQuitIgnored(_logger, _connector.Endpoint, problem);
        }
    }

    /// <summary>Why the session failed: a stall when its deadline ran out (whatever MailKit threw then), else the error.</summary>
    public SmtpFailure Describe(Exception exception) => DeadlineExpired
        ? SmtpFailureClassifier.SessionTimedOut(_connector.Options, Stage)
        : SmtpFailureClassifier.Classify(exception, _connector.Options, _diagnostics);

    public void Dispose()
    {
        Client.Dispose();
        _session.Dispose();
        _deadline.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "QUIT to SMTP server {Server} did not complete and is ignored (the session's work was done): {Reason}")]
    private static partial void LogQuitIgnored(ILogger logger, string server, string reason);
}

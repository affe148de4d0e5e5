using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;

namespace MonitorDashboard.Tests.Email.Smtp;

public enum TestServerSecurity
{
    None,
    StartTls,
    ImplicitTls,
}

/// <summary>How the in-process server behaves.</summary>
/// <param name="RejectRecipient">Recipients for which RCPT TO is refused (5xx).</param>
internal sealed record SmtpTestServerSettings(
    TestServerSecurity Security,
    X509Certificate2? Certificate = null,
    (string User, string Password)? Credentials = null,
    Func<string, bool>? RejectRecipient = null);

/// <summary>A message as the server received it, parsed back with MimeKit.</summary>
internal sealed record ReceivedMessage(string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, MimeMessage Message);

/// <summary>A real SMTP server (the SmtpServer package) on 127.0.0.1, counting sessions and AUTH attempts.</summary>
internal sealed class SmtpTestServer : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private readonly ConcurrentQueue<ReceivedMessage> _messages = new();
    private readonly TaskCompletionSource<ReceivedMessage> _firstMessage = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private SmtpServerHost? _server;
    private Task? _running;
    private int _sessions;
    private int _authAttempts;

    private SmtpTestServer(int port) => Port = port;

    public int Port { get; }

    public int Sessions => Volatile.Read(ref _sessions);

    public int AuthAttempts => Volatile.Read(ref _authAttempts);

    public IReadOnlyList<ReceivedMessage> Messages => [.. _messages];

    /// <summary>A port nobody listens on right now (the OS picks it).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public static async Task<SmtpTestServer> StartAsync(SmtpTestServerSettings settings, int? port = null)
    {
        var instance = new SmtpTestServer(port ?? FreePort());
        await instance.ListenAsync(settings);
        return instance;
    }

    /// <summary>The first message delivered, awaited with a deadline rather than a sleep.</summary>
    public Task<ReceivedMessage> FirstMessageAsync() => _firstMessage.Task.WaitAsync(Deadline);

    private async Task ListenAsync(SmtpTestServerSettings settings)
    {
        var endpoint = new EndpointDefinitionBuilder()
            .Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
            .IsSecure(settings.Security == TestServerSecurity.ImplicitTls)
            .AllowUnsecureAuthentication(false)
            .AuthenticationRequired(settings.Credentials is not null);
        if (settings.Certificate is not null)
        {
            endpoint.Certificate(settings.Certificate);
        }
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint.Build())
            .Build();

        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, _) => listening.TrySetResult();
        var services = new ServiceProvider();
        services.Add(listeners);
        services.Add(new CapturingStore(this));
        services.Add(new DelegatingMailboxFilter((IMailbox to, IMailbox _) => settings.RejectRecipient?.Invoke(to.AsAddress()) != true));
        if (settings.Credentials is { } credentials)
        {
            services.Add(new DelegatingUserAuthenticator((user, password) =>
            {
                Interlocked.Increment(ref _authAttempts);
                return user == credentials.User && password == credentials.Password;
            }));
        }

        _server = new SmtpServerHost(options, services);
        _server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _running = _server.StartAsync(_stop.Token);
        await Task.WhenAny(listening.Task, _running).WaitAsync(Deadline);
        if (_running.IsFaulted)
        {
            await _running;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            try
            {
                await _running.WaitAsync(Deadline);
            }
            catch (OperationCanceledException)
            {
                // The server stops by cancellation.
            }
        }
        _stop.Dispose();
    }

    private void Received(ReceivedMessage message)
    {
        _messages.Enqueue(message);
        _firstMessage.TrySetResult(message);
    }

    private sealed class CapturingStore(SmtpTestServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            owner.Received(new ReceivedMessage(transaction.From.AsAddress(), [.. transaction.To.Select(t => t.AsAddress())], message));
            return SmtpResponse.Ok;
        }
    }
}

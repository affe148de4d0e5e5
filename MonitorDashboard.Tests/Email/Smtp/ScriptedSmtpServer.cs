using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace MonitorDashboard.Tests.Email.Smtp;

/// <summary>
/// A hand-written SMTP server on 127.0.0.1 that can be told to misbehave (<see cref="Fault"/>) while it runs: stall
/// at any stage, answer 4xx or 5xx, hang up in the middle of DATA, break TLS, reject AUTH. It speaks just enough SMTP
/// for MailKit: greeting, EHLO (STARTTLS, AUTH PLAIN), AUTH, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
/// <para>
/// Use: <c>await using var server = await ScriptedSmtpServer.StartAsync(options, port);</c>, then
/// <c>server.Fault = SmtpFault.StallInData;</c> ... <c>server.Heal();</c>; count with <see cref="Sessions"/> and
/// <see cref="MessagesAccepted"/>; wait for a point of a session with <c>await server.ReachedAsync(ScriptedStage.DataEnd)</c>.
/// </para>
/// </summary>
internal sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<ReceivedMessage> messages = new();
    private readonly ConcurrentDictionary<Task, byte> sessionTasks = new();
    private readonly Lazy<X509Certificate2> untrusted = new(() => TestCertificate.CreateSelfSigned());
    private readonly Lock gate = new();
    private readonly Dictionary<ScriptedStage, int> reached = [];
    private readonly List<(ScriptedStage Stage, int Times, TaskCompletionSource Done)> waiters = [];
    private Task accepting = Task.CompletedTask;
    private int fault;
    private int faultedSessionsLeft;
    private int sessions;
    private int authAttempts;

    private ScriptedSmtpServer(ScriptedSmtpServerOptions options, int port)
    {
        Options = options;
        listener = new TcpListener(IPAddress.Loopback, port);
    }

    public ScriptedSmtpServerOptions Options { get; }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>What the next session does wrong; <see cref="SmtpFault.None"/> is a healthy server.</summary>
    public SmtpFault Fault
    {
        get => (SmtpFault)Volatile.Read(ref fault);
        set
        {
            lock (gate)
            {
                Volatile.Write(ref fault, (int)value);
                faultedSessionsLeft = 0;
            }
        }
    }

    /// <summary>Connections accepted.</summary>
    public int Sessions => Volatile.Read(ref sessions);

    /// <summary>Messages answered with 250 after the final ".".</summary>
    public int MessagesAccepted => messages.Count;

    public int AuthAttempts => Volatile.Read(ref authAttempts);

    public IReadOnlyList<ReceivedMessage> Messages => [.. messages];

    internal X509Certificate2 UntrustedCertificate => untrusted.Value;

    /// <summary>Listens on <paramref name="port"/> (any free port when null) until disposed.</summary>
    public static Task<ScriptedSmtpServer> StartAsync(ScriptedSmtpServerOptions? options = null, int? port = null)
    {
        options ??= new ScriptedSmtpServerOptions();
        if (options.Security != TestServerSecurity.None && options.Certificate is null)
        {
            throw new ArgumentException("TLS needs a certificate", nameof(options));
        }
        var server = new ScriptedSmtpServer(options, port ?? 0);
        server.listener.Start();
        server.accepting = server.AcceptAsync();
        return Task.FromResult(server);
    }

    /// <summary>Back to a healthy server for the next session.</summary>
    public void Heal() => Fault = SmtpFault.None;

    /// <summary>
    /// <paramref name="fault"/> for the next <paramref name="sessions"/> sessions only, then healthy: the server heals
    /// between two attempts without the test racing the sender's backoff.
    /// </summary>
    public void FaultNext(SmtpFault fault, int sessions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sessions, 1);
        lock (gate)
        {
            Volatile.Write(ref this.fault, (int)fault);
            faultedSessionsLeft = sessions;
        }
    }

    /// <summary>The fault a session accepted now gets, counting down <see cref="FaultNext"/>.</summary>
    private SmtpFault TakeFault()
    {
        lock (gate)
        {
            var current = (SmtpFault)Volatile.Read(ref fault);
            if (faultedSessionsLeft > 0 && --faultedSessionsLeft == 0)
            {
                Volatile.Write(ref fault, (int)SmtpFault.None);
            }
            return current;
        }
    }

    /// <summary>How often <paramref name="stage"/> was reached, over all sessions.</summary>
    public int Count(ScriptedStage stage)
    {
        lock (gate)
        {
            return reached.GetValueOrDefault(stage);
        }
    }

    /// <summary>
    /// Completes once <paramref name="stage"/> has been reached <paramref name="times"/> times in all (so the second
    /// session's DATA is <c>ReachedAsync(ScriptedStage.DataEnd, 2)</c>); fails after 15 s instead of hanging a test.
    /// </summary>
    public async Task ReachedAsync(ScriptedStage stage, int times = 1)
    {
        Task done;
        lock (gate)
        {
            if (reached.GetValueOrDefault(stage) >= times)
            {
                return;
            }
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((stage, times, waiter));
            done = waiter.Task;
        }
        try
        {
            await done.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the scripted SMTP server did not reach {stage} {times} time(s) within {Deadline.TotalSeconds:0} s "
                + $"(reached it {Count(stage)} time(s); sessions: {Sessions}; fault: {Fault})");
        }
    }

    internal void Reach(ScriptedStage stage)
    {
        List<TaskCompletionSource> done = [];
        lock (gate)
        {
            var count = reached[stage] = reached.GetValueOrDefault(stage) + 1;
            foreach (var waiter in waiters.Where(w => w.Stage == stage && w.Times <= count).ToList())
            {
                waiters.Remove(waiter);
                done.Add(waiter.Done);
            }
        }
        done.ForEach(d => d.TrySetResult());
    }

    internal void CountAuthAttempt() => Interlocked.Increment(ref authAttempts);

    internal void Accepted(ReceivedMessage message)
    {
        messages.Enqueue(message);
        Reach(ScriptedStage.MessageAccepted);
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref sessions);
            var session = new ScriptedSmtpSession(this, client, TakeFault());
            var task = Task.Run(() => session.RunAsync(stop.Token));
            sessionTasks.TryAdd(task, 0);
            _ = task.ContinueWith(t => sessionTasks.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting.WaitAsync(Deadline);
        await Task.WhenAll(sessionTasks.Keys).WaitAsync(Deadline);
        if (untrusted.IsValueCreated)
        {
            untrusted.Value.Dispose();
        }
        listener.Dispose();
        stop.Dispose();
    }
}

using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Demo;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Notices;
using MonitorDashboard.Monitoring.Scheduling;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Presets;
using MonitorDashboard.Tests.Email.Smtp;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// The monitoring engine as the app builds it (<c>AddMonitorDashboardCore</c> + <c>AddMonitoringEngine</c>), over
/// temp files (presets.json, the history database), talking to a real InvenTree emulator and a real SMTP server
/// (STARTTLS + AUTH, trusted through a private CA file) on 127.0.0.1. <see cref="RestartAsync"/> builds a fresh
/// host over the same files, as a process restart would. Logs of every host are captured at Trace.
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public const string Admin = "admin@example.com";
    public const string Planner = "planning@example.com";
    public const string SmtpUser = "monitor-user";
    public const string SmtpPassword = "Smtp-Pa55word-never-logged";
    public const string InvenTreeToken = "inv-token-7f3e9c2a51d84b06";

    private readonly TimeProvider? _time;
    private readonly List<FakeLogRecord> _earlierLogs = [];
    private SmtpTestServer? _smtp;
    private IHost? _host;

    private EngineHarness(string folder, EmulatorServer emulator, TestCertificate certificate, int smtpPort, TimeProvider? time)
    {
        Folder = folder;
        Emulator = emulator;
        Certificate = certificate;
        SmtpPort = smtpPort;
        _time = time;
        Settings = new Dictionary<string, string?>
        {
            ["INVENTREE_URL"] = emulator.BaseAddress.ToString(),
            ["INVENTREE_API_TOKEN"] = emulator.Token,
            ["InvenTree:RetryBaseDelay"] = "00:00:00.010",
            // A fake clock does not move by itself: reports' last_hash writes are not spaced out here
            // (LastHashWritesTests covers the spacing).
            ["Monitoring:LastHashWriteInterval"] = "00:00:00",
            ["InvenTree:MaxRetries"] = "1",
            ["InvenTree:RequestTimeout"] = "00:00:05",
            ["EMAIL_SMTP_SERVER"] = "127.0.0.1",
            ["EMAIL_SMTP_PORT"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["EMAIL_USE_TLS"] = "true",
            ["EMAIL_USERNAME"] = SmtpUser,
            ["EMAIL_PASSWORD"] = SmtpPassword,
            ["EMAIL_SENDER_ADDRESS"] = "monitor@example.com",
            ["ADMIN_EMAIL_RECIPIENTS"] = Admin,
            ["Email:CaCertificateFile"] = certificate.PemFile,
            ["Email:RetryBaseDelay"] = "00:00:00.010",
            ["Email:MaxRetries"] = "1",
            ["Email:Timeout"] = "00:00:05",
            // The breaker is unit-tested elsewhere; here it must not turn "SMTP is back" into "wait a minute".
            ["Email:CircuitBreakerFailureThreshold"] = "1000",
            ["PRESETS_FILE_PATH"] = PresetsPath,
            ["History:DatabasePath"] = DatabasePath,
            // Templates resolve against the content root, which is the temp folder here.
            ["EmailTemplates:Folder"] = Path.Combine(TestPaths.RepoRoot, "EmailTemplates"),
        };
    }

    public string Folder { get; }
    public string PresetsPath => Path.Combine(Folder, "presets.json");
    public string DatabasePath => Path.Combine(Folder, "data", "monitor.db");
    public EmulatorServer Emulator { get; }
    public TestCertificate Certificate { get; }
    public int SmtpPort { get; }

    /// <summary>The configuration of the next host built (by start or restart); change it before <see cref="RestartAsync"/>.</summary>
    public Dictionary<string, string?> Settings { get; }

    /// <summary>The running SMTP server; throws while it is stopped.</summary>
    public SmtpTestServer Smtp => _smtp ?? throw new InvalidOperationException("the SMTP server is stopped");

    public IServiceProvider Services => (_host ?? throw new ObjectDisposedException(nameof(EngineHarness))).Services;
    public CheckRunner Runner => Services.GetRequiredService<CheckRunner>();
    public MonitorDispatcher Dispatcher => Services.GetRequiredService<MonitorDispatcher>();
    public SqliteRunHistory History => Services.GetRequiredService<SqliteRunHistory>();
    public MonitorState State => Services.GetRequiredService<MonitorState>();
    public PresetsStore Presets => Services.GetRequiredService<PresetsStore>();

    /// <param name="presetsJson">The presets.json to start with; <see cref="EngineLists.File"/> builds one.</param>
    /// <param name="time">A fake clock for scheduling tests; the real one by default (retries wait on it).</param>
    public static async Task<EngineHarness> StartAsync(string presetsJson, TimeProvider? time = null,
        IDictionary<string, string?>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("md-engine-").FullName;
        var emulator = await EmulatorServer.StartAsync(SampleCatalog.Load(), new EmulatorOptions { Token = InvenTreeToken });
        var certificate = TestCertificate.Create(folder);
        var harness = new EngineHarness(folder, emulator, certificate, SmtpTestServer.FreePort(), time);
        await File.WriteAllTextAsync(harness.PresetsPath, presetsJson);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            harness.Settings[key] = value;
        }
        await harness.StartSmtpAsync();
        await harness.BuildHostAsync();
        return harness;
    }

    /// <summary>One check through the same pipeline as "Run now", and the admin notices it caused sent (they go out from a queue).</summary>
    public async Task<CheckOutcome> RunAsync(string listId, RunTrigger trigger = RunTrigger.Manual)
    {
        var outcome = await Runner.RunAsync(new CheckRequest(listId, trigger), TestContext.Current.CancellationToken);
        await NoticesSentAsync();
        return outcome;
    }

    /// <summary>Waits until every queued admin notice was sent or given up on.</summary>
    public Task NoticesSentAsync() =>
        Services.GetRequiredService<AdminNoticeQueue>().WhenIdleAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>As a process restart: the host is stopped and disposed, a new one is built over the same files.</summary>
    public async Task RestartAsync()
    {
        await StopHostAsync();
        await BuildHostAsync();
    }

    public async Task StopSmtpAsync()
    {
        if (Interlocked.Exchange(ref _smtp, null) is { } running)
        {
            await running.DisposeAsync();
        }
    }

    /// <summary>(Re)starts the SMTP server on the same port; it starts with no messages.</summary>
    /// <param name="rejectRecipient">Recipients the server refuses with a 5xx at RCPT TO.</param>
    public async Task StartSmtpAsync(Func<string, bool>? rejectRecipient = null) =>
        _smtp = await SmtpTestServer.StartAsync(
            new SmtpTestServerSettings(TestServerSecurity.StartTls, Certificate.Certificate, (SmtpUser, SmtpPassword), rejectRecipient), SmtpPort);

    public async Task RestartSmtpAsync(Func<string, bool>? rejectRecipient = null)
    {
        await StopSmtpAsync();
        await StartSmtpAsync(rejectRecipient);
    }

    /// <summary>Messages the running SMTP server received for this address.</summary>
    public IReadOnlyList<ReceivedMessage> MessagesTo(string address) =>
        [.. Smtp.Messages.Where(m => m.EnvelopeTo.Contains(address, StringComparer.OrdinalIgnoreCase))];

    /// <summary>The list's <c>last_hash</c> as it is on disk now.</summary>
    public string? LastHashOnDisk(string listId)
    {
        var lists = JsonNode.Parse(File.ReadAllText(PresetsPath))!["monitoring_lists"]!.AsArray();
        return (string?)lists.Single(l => (string?)l!["id"] == listId)!["last_hash"];
    }

    /// <summary>Every log record of every host this harness built.</summary>
    public IReadOnlyList<FakeLogRecord> AllLogs() =>
        [.. _earlierLogs, .. _host is null ? [] : _host.Services.GetFakeLogCollector().GetSnapshot()];

    /// <summary>Every logged word: messages, structured values (the exception's type and message included) and exceptions.</summary>
    public string AllLogText() => string.Join("\n", AllLogs().Select(r =>
        $"{r.Level} {r.Category}: {r.Message} | {string.Join(" ", r.StructuredState?.Select(kv => $"{kv.Key}={kv.Value}") ?? [])} | {r.Exception}"));

    private async Task BuildHostAsync() =>
        _host = await MonitoringHost.StartAsync(Folder, Settings, _time, LogLevel.Trace);

    private async Task StopHostAsync()
    {
        if (Interlocked.Exchange(ref _host, null) is not { } host)
        {
            return;
        }
        await host.Services.GetRequiredService<MonitoringEngine>().StopAsync(CancellationToken.None);
        _earlierLogs.AddRange(host.Services.GetFakeLogCollector().GetSnapshot());
        if (_time is FakeTimeProvider fake)
        {
            await FakeClockDisposal.DisposeAsync(fake, ((IAsyncDisposable)host).DisposeAsync);
        }
        else
        {
            await ((IAsyncDisposable)host).DisposeAsync();
        }
        // Pooled SQLite connections keep the file open; a restart must start from the file alone.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        await StopSmtpAsync();
        await Emulator.DisposeAsync();
        Certificate.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

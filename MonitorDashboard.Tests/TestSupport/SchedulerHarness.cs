using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Demo;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Scheduling;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// The scheduler's real services, built as the app builds them (<c>AddMonitorDashboardCore</c> +
/// <c>AddMonitoringEngine</c>) on a <see cref="FakeTimeProvider"/>, talking over HTTP to an emulator on the sample
/// catalog, with presets.json, monitor.db and the outbox in a temp folder. Hosted services are not started (no
/// Coravel, no file watcher): tests tick the dispatcher themselves and reload presets.json explicitly; only the
/// engine's start-up runs, because it feeds the state service from presets.json and the history.
/// </summary>
public sealed class SchedulerHarness : IAsyncDisposable
{
    /// <summary>Monday 2025-03-03 08:00 UTC, a round time so cron marks are easy to read.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    private readonly IDictionary<string, string?> _settings;
    private IHost _host;

    private SchedulerHarness(string folder, EmulatorServer emulator, FakeTimeProvider clock, IDictionary<string, string?> settings, IHost host)
    {
        Folder = folder;
        Emulator = emulator;
        Clock = clock;
        _settings = settings;
        _host = host;
    }

    public string Folder { get; }
    public EmulatorServer Emulator { get; }
    public FakeTimeProvider Clock { get; }
    public string PresetsPath => Path.Combine(Folder, "presets.json");
    public string OutboxFolder => Path.Combine(Folder, "outbox");
    public IServiceProvider Services => _host.Services;
    public MonitorDispatcher Dispatcher => Services.GetRequiredService<MonitorDispatcher>();
    public PresetsStore Presets => Services.GetRequiredService<PresetsStore>();
    public SqliteRunHistory History => Services.GetRequiredService<SqliteRunHistory>();
    public MonitorState State => Services.GetRequiredService<MonitorState>();
    public CheckRunner Runner => Services.GetRequiredService<CheckRunner>();

    /// <param name="settings">Extra configuration, e.g. <c>["Monitoring:MaxConcurrentChecks"] = "2"</c>.</param>
    public static async Task<SchedulerHarness> StartAsync(IEnumerable<MonitoringList> lists, IDictionary<string, string?>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("md-sched-").FullName;
        var emulator = await EmulatorServer.StartAsync(SampleCatalog.Load());
        var clock = new FakeTimeProvider(Start);
        var values = new Dictionary<string, string?>
        {
            ["INVENTREE_URL"] = emulator.BaseAddress.ToString(),
            ["INVENTREE_API_TOKEN"] = emulator.Token,
            // The client's resilience pipeline runs on the fake clock too, so a held request would time out (and its
            // retry wait forever) as soon as a test moves the clock past the timeout. Tests release held requests.
            ["InvenTree:RequestTimeout"] = "12:00:00",
            // Likewise a check's deadline: tests that hold a check across several scheduled times set their own.
            ["Monitoring:CheckTimeout"] = "01:00:00",
            // The fake clock does not move by itself: reports' last_hash writes are not spaced out here
            // (LastHashWritesTests covers the spacing).
            ["Monitoring:LastHashWriteInterval"] = "00:00:00",
            ["InvenTree:RetryBaseDelay"] = "00:00:00.010",
            ["PRESETS_FILE_PATH"] = Path.Combine(folder, "presets.json"),
            ["History:DatabasePath"] = Path.Combine(folder, "monitor.db"),
            ["Email:OutboxFolder"] = Path.Combine(folder, "outbox"),
            ["EmailTemplates:Folder"] = Path.Combine(TestPaths.RepoRoot, "EmailTemplates"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var harness = new SchedulerHarness(folder, emulator, clock, values, await BuildAsync(folder, clock, values));
        var version = (await harness.Presets.LoadAsync(CancellationToken.None)).Version;
        foreach (var list in lists)
        {
            version = (await harness.Presets.AddListAsync(list, version, CancellationToken.None)).Snapshot.Version;
        }
        return harness;
    }

    /// <summary>A valid list of purchased parts from the sample catalog; "always", so every run writes a report.</summary>
    public static MonitoringList List(string name, string cron, params string[] parts) => new()
    {
        Id = Guid.NewGuid().ToString("D"),
        Name = name,
        CronSchedule = cron,
        TimeZone = "UTC",
        Recipients = ["planning@example.com"],
        NotifyCondition = NotifyConditions.Always,
        Parts = (parts.Length == 0 ? ["Resistor 10k 0603"] : parts).Select(p => new MonitoredPart { Name = p, Quantity = 10 }).ToList(),
    };

    /// <summary>One dispatcher tick at the current fake time; the started checks are not awaited.</summary>
    public Task<TickResult> TickAsync() => Dispatcher.TickAsync(TestContext.Current.CancellationToken);

    /// <summary>One tick whose checks run under <paramref name="cancellationToken"/> (the app's stopping token).</summary>
    public Task<TickResult> TickCancellableAsync(CancellationToken cancellationToken) => Dispatcher.TickAsync(cancellationToken);

    /// <summary>One tick, and every check it started run to the end.</summary>
    public async Task<IReadOnlyList<CheckOutcome>> TickAndWaitAsync()
    {
        var tick = await TickAsync();
        return await Task.WhenAll(tick.Started);
    }

    /// <summary>Moves the clock and ticks; the started checks are not awaited.</summary>
    public Task<TickResult> AdvanceAndStartAsync(TimeSpan by)
    {
        Clock.Advance(by);
        return TickAsync();
    }

    public async Task<IReadOnlyList<CheckOutcome>> AdvanceAndTickAsync(TimeSpan by)
    {
        Clock.Advance(by);
        return await TickAndWaitAsync();
    }

    /// <summary>The list's recorded runs, oldest first.</summary>
    public async Task<IReadOnlyList<RunSummary>> RunsAsync(string listId)
    {
        var runs = await History.ListAsync(listId, 0, 1000, TestContext.Current.CancellationToken);
        return runs.Reverse().ToList();
    }

    public async Task<PresetsSnapshot> CurrentPresetsAsync() => Presets.Current ?? await Presets.LoadAsync(TestContext.Current.CancellationToken);

    /// <summary>
    /// The process ends (nothing is shut down gracefully, as after a crash or a kill) and a new one starts on the same
    /// presets.json and monitor.db, after <paramref name="downtime"/> on the clock. No InvenTree request may be in
    /// flight: the resilience pipeline's disposal waits for running requests on the (fake) clock, which must not move
    /// here; a test that breaks this rule fails instead of hanging.
    /// </summary>
    public async Task RestartAsync(TimeSpan downtime)
    {
        var old = _host;
        _host = null!;
        await DisposeHostAsync(old).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        SqliteConnection.ClearAllPools();
        Clock.Advance(downtime);
        _host = await BuildAsync(Folder, Clock, _settings);
    }

    private static Task<IHost> BuildAsync(string folder, FakeTimeProvider clock, IDictionary<string, string?> values) =>
        MonitoringHost.StartAsync(folder, values, clock, LogLevel.Debug);

    // The run history is only asynchronously disposable, so the host must be too.
    private static ValueTask DisposeHostAsync(IHost host) => ((IAsyncDisposable)host).DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        Emulator.Faults.Reset();
        if (_host is not null)
        {
            await FakeClockDisposal.DisposeAsync(Clock, () => DisposeHostAsync(_host));
        }
        await Emulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
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

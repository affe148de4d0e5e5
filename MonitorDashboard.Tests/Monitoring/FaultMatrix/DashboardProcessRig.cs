using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MimeKit;
using MonitorDashboard.Demo;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.FaultMatrix;

/// <summary>
/// The dashboard as a real process (<see cref="AppServer"/>) against an InvenTree emulator this test holds, with
/// reports and admin notices written to the outbox folder; <c>monitor run</c> as a second process over the same files.
/// What the user and the admins see is read from where they see it: /healthz, the history database (read-only, as the
/// app wrote it), the outbox, presets.json.
/// </summary>
internal sealed class DashboardProcessRig : IAsyncDisposable
{
    public const string Planner = "planning@example.com";
    public const string Admin = "admin@example.com";

    /// <summary>A schedule that does not come due while a test runs; tests move it to "now" with <see cref="ScheduleSoonAsync"/>.</summary>
    public const string FarSchedule = "0 0 1 1 *";

    /// <summary>Generous: these tests share a 2-core machine with other test runs and builds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly string _presetsSource;

    private DashboardProcessRig(EmulatorServer emulator, string presetsSource, Dictionary<string, string?> environment)
    {
        Emulator = emulator;
        _presetsSource = presetsSource;
        Environment = environment;
    }

    public EmulatorServer Emulator { get; }

    /// <summary>The running dashboard; a new one after <see cref="KillAndRestartAsync"/>.</summary>
    public AppServer App { get; private set; } = null!;

    /// <summary>What the dashboard and every <c>monitor run</c> are configured with (on top of the app's own folder).</summary>
    public Dictionary<string, string?> Environment { get; }

    public RunHistoryFile History => new(Path.Combine(App.DataFolder, "data", "monitor.db"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="lists">The monitoring lists of presets.json (<see cref="List"/>).</param>
    /// <param name="settings">Settings for this test, e.g. Monitoring__CheckTimeout.</param>
    public static async Task<DashboardProcessRig> StartAsync(JsonObject[] lists, IDictionary<string, string?>? settings = null)
    {
        var emulator = await EmulatorServer.StartAsync(SampleCatalog.Load(), new EmulatorOptions { Token = "inv-token-process-faults" });
        var source = Path.Combine(Directory.CreateTempSubdirectory("md-fm-").FullName, "presets.json");
        await File.WriteAllTextAsync(source, new JsonObject
        {
            ["presets"] = new JsonArray(),
            ["monitoring_lists"] = new JsonArray([.. lists]),
            ["filepath"] = "presets.json",
        }.ToJsonString(), Ct);
        var environment = new Dictionary<string, string?>
        {
            ["INVENTREE_URL"] = emulator.BaseAddress.ToString(),
            ["INVENTREE_API_TOKEN"] = emulator.Token,
            // A request the emulator holds stays held until the test lets it go: no client timeout and retry meanwhile.
            ["InvenTree__RequestTimeout"] = "00:05:00",
            ["ADMIN_EMAIL_RECIPIENTS"] = Admin,
            // Schedules to the second, so a test makes a list due within seconds (the default refuses anything under 5 min).
            ["Monitoring__MinimumInterval"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }
        var rig = new DashboardProcessRig(emulator, source, environment);
        try
        {
            rig.App = await AppServer.StartAsync(environment, source);
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
        return rig;
    }

    /// <summary>A list in presets.json, on <see cref="FarSchedule"/>, reporting always, to <see cref="Planner"/>.</summary>
    public static JsonObject List(string id, string name, params (string Name, int Quantity, string? Version)[] parts) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["parts"] = new JsonArray([.. parts.Select(p => p.Version is null
            ? new JsonObject { ["name"] = p.Name, ["quantity"] = p.Quantity }
            : new JsonObject { ["name"] = p.Name, ["quantity"] = p.Quantity, ["version"] = p.Version })]),
        ["active"] = true,
        ["cron_schedule"] = FarSchedule,
        ["timezone"] = "UTC",
        ["recipients"] = new JsonArray(Planner),
        ["notify_condition"] = "always",
        ["last_hash"] = null,
    };

    /// <summary>SIGKILL, then a new dashboard process over the same folder, configured as before.</summary>
    public async Task KillAndRestartAsync()
    {
        var killed = App;
        await killed.KillAsync();
        App = await killed.RestartAsync(Environment);
        // The folder is the new server's now; this only lets go of the dead process.
        await killed.DisposeAsync();
    }

    /// <summary>
    /// Makes the lists due a few seconds from now, as a user editing their schedule in presets.json would: one daily
    /// occurrence (seconds field), so nothing else comes due during the test. Returns the occurrence once the dashboard
    /// has taken it as the lists' next run; if it took the edit too late (the time had passed), tries again further ahead.
    /// </summary>
    public async Task<DateTimeOffset> ScheduleSoonAsync(params string[] listIds)
    {
        var lead = TimeSpan.FromSeconds(3);
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            var at = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero) + lead;
            var cron = string.Create(CultureInfo.InvariantCulture, $"{at.Second} {at.Minute} {at.Hour} * * *");
            await EditListsAsync(listIds, list => list["cron_schedule"] = cron);
            var states = await Poll.UntilAsync(
                () => Task.WhenAll(listIds.Select(id => History.StateAsync(id))),
                all => all.All(s => s?.ScheduleKey?.StartsWith(cron + "|", StringComparison.Ordinal) == true),
                deadline - DateTime.UtcNow,
                _ => $"the dashboard did not take the schedule \"{cron}\".\nApp output:\n{App.Output}");
            if (states.All(s => s!.NextDue == at || s.LastScheduled == at))
            {
                return at;
            }
            // Taken after the time had passed: the next run is tomorrow. Try again with more time to spare.
            lead *= 2;
        }
    }

    /// <summary>Changes lists in presets.json the way an editor saves a file: a new file renamed over the old one.</summary>
    public async Task EditListsAsync(IEnumerable<string> listIds, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(await File.ReadAllTextAsync(App.PresetsPath, Ct))!.AsObject();
        var wanted = listIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var list in root["monitoring_lists"]!.AsArray().Select(n => n!.AsObject()).Where(l => wanted.Contains((string)l["id"]!)))
        {
            edit(list);
        }
        var temporary = App.PresetsPath + ".edit";
        await File.WriteAllTextAsync(temporary, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), Ct);
        File.Move(temporary, App.PresetsPath, overwrite: true);
    }

    /// <summary>A list as presets.json has it now.</summary>
    public async Task<JsonObject> ListOnDiskAsync(string listId)
    {
        var root = JsonNode.Parse(await File.ReadAllTextAsync(App.PresetsPath, Ct))!.AsObject();
        return root["monitoring_lists"]!.AsArray().Select(n => n!.AsObject()).Single(l => (string)l["id"]! == listId);
    }

    /// <summary><c>MonitorDashboard monitor run &lt;id&gt;</c> in its own process, over the dashboard's files.</summary>
    public Task<ProcessResult> MonitorRunAsync(string listId, Action<int>? started = null)
    {
        var environment = new Dictionary<string, string?>(Environment)
        {
            ["PRESETS_FILE_PATH"] = App.PresetsPath,
            ["History__DatabasePath"] = Path.Combine(App.DataFolder, "data", "monitor.db"),
            ["Email__OutboxFolder"] = App.OutboxFolder,
            ["EmailTemplates__Folder"] = Path.Combine(TestPaths.RepoRoot, "EmailTemplates"),
        };
        return AppProcess.RunAsync(["monitor", "run", listId], environment, App.DataFolder, Patience, started: started);
    }

    /// <summary>Report emails written so far (the outbox: no SMTP server configured).</summary>
    public IReadOnlyList<MimeMessage> Reports => Outbox("report");

    /// <summary>Admin notices written so far.</summary>
    public IReadOnlyList<MimeMessage> AdminNotices => Outbox("admin-notice");

    private IReadOnlyList<MimeMessage> Outbox(string kind) =>
        Directory.Exists(App.OutboxFolder)
            ? [.. Directory.GetFiles(App.OutboxFolder, $"*-{kind}-*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))]
            : [];

    /// <summary>/healthz as a monitoring system with the token reads it: the HTTP status, the overall status and one entry per check.</summary>
    public async Task<HealthAnswer> HealthAsync()
    {
        using var client = App.CreateMonitoringClient(Patience);
        using var response = await client.GetAsync("healthz", Ct);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var checks = body.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => (c.GetProperty("status").GetString()!, c.GetProperty("description").GetString() ?? ""));
        return new HealthAnswer(response.StatusCode, body.RootElement.GetProperty("status").GetString()!, checks);
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(Path.GetDirectoryName(_presetsSource)!, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>One answer of /healthz.</summary>
internal sealed record HealthAnswer(HttpStatusCode Code, string Status, IReadOnlyDictionary<string, (string Status, string Description)> Checks)
{
    public (string Status, string Description) Scheduler => Checks["scheduler"];

    public override string ToString() =>
        $"{(int)Code} {Status}: " + string.Join("; ", Checks.Select(c => $"{c.Key} {c.Value.Status} ({c.Value.Description})"));
}

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Email;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Monitoring.Health;
using MonitorDashboard.Monitoring.State;

namespace MonitorDashboard.Components.Pages.Status;

/// <summary>
/// Is everything the dashboard depends on working: InvenTree, SMTP, the scheduler, presets.json, recent system errors,
/// and the configuration in force (redacted). What it shows comes from the same health reports as /healthz (never a
/// probe of its own), re-read every few seconds and after a presets.json change; Refresh asks InvenTree and the SMTP
/// server again. The heartbeat age ticks every second on the injected clock; errors arrive live.
/// </summary>
public sealed partial class Status : IDisposable
{
    /// <summary>How often an open page re-reads the health reports (remote probes answer from their 30 s cache).</summary>
    internal static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _disposed = new();
    private readonly List<IDisposable> _subscriptions = [];
    private PeriodicTimer? _ticker;
    private HealthReport? _report;
    private DateTimeOffset _readAt;
    private bool _refreshing;

    [Inject] public required HealthReports Health { get; init; }
    [Inject] public required MonitorState State { get; init; }
    [Inject] public required EffectiveConfiguration Configuration { get; init; }
    [Inject] public required IOptions<EmailOptions> Email { get; init; }
    [Inject] public required IOptions<InvenTreeOptions> InvenTreeOptions { get; init; }
    [Inject] public required TimeProvider Time { get; init; }

    private EmailOptions EmailSettings => Email.Value;
    private bool IsDemo => InvenTreeOptions.Value.IsDemo;

    private TimeSpan? HeartbeatAge => State.LastHeartbeat is { } beat ? Time.GetUtcNow() - beat : null;

    private HealthReportEntry? Entry(string name) => _report?.Entries.TryGetValue(name, out var entry) == true ? entry : null;

    private static T? Data<T>(HealthReportEntry entry, string key) => entry.Data.TryGetValue(key, out var value) && value is T typed ? typed : default;

    protected override void OnInitialized()
    {
        _report = Health.Latest?.Report;
        _subscriptions.Add(Health.Subscribe(report =>
        {
            _report = report;
            _ = InvokeAsync(StateHasChanged);
        }));
        _subscriptions.Add(State.Subscribe(e =>
        {
            if (e is PresetsFileChanged)
            {
                _ = ReadAsync(fresh: false);
            }
            else if (e is SystemErrorRecorded)
            {
                _ = InvokeAsync(StateHasChanged);
            }
        }));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        _ticker = new PeriodicTimer(TimeSpan.FromSeconds(1), Time);
        _ = TickAsync(_ticker);
        await ReadAsync(fresh: false);
    }

    private Task RefreshAsync() => ReadAsync(fresh: true);

    private async Task ReadAsync(bool fresh)
    {
        if (fresh)
        {
            if (_refreshing)
            {
                return;
            }
            _refreshing = true;
            await InvokeAsync(StateHasChanged);
        }
        _readAt = Time.GetUtcNow();
        try
        {
            _report = await Health.GetAsync(fresh, _disposed.Token);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            _refreshing &= !fresh;
        }
        await InvokeAsync(StateHasChanged);
    }

    private async Task TickAsync(PeriodicTimer ticker)
    {
        try
        {
            while (await ticker.WaitForNextTickAsync(_disposed.Token))
            {
                if (Time.GetUtcNow() - _readAt >= ReportInterval)
                {
                    await ReadAsync(fresh: false);
                }
                else
                {
                    await InvokeAsync(StateHasChanged);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
    }

    private string SecurityText => EmailSettings.Security switch
    {
        SmtpSecurity.ImplicitTls => "implicit TLS (EMAIL_USE_SSL)",
        SmtpSecurity.StartTls => "STARTTLS (EMAIL_USE_TLS)",
        _ => "no TLS",
    };

    private static MudBlazor.Color ColorOf(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => MudBlazor.Color.Success,
        HealthStatus.Degraded => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Error,
    };

    private static string Ago(TimeSpan age) => age.TotalSeconds < 90
        ? $"{Math.Max(0, (int)age.TotalSeconds)} s ago"
        : age.TotalMinutes < 90 ? $"{(int)age.TotalMinutes} min ago" : $"{(int)age.TotalHours} h ago";

    private static string Milliseconds(double? elapsed) => elapsed is { } ms ? $"{ms:0} ms" : "—";

    public void Dispose()
    {
        _disposed.Cancel();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
        _ticker?.Dispose();
    }
}

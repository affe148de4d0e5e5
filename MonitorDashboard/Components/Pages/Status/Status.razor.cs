using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Email;
using MonitorDashboard.Email.Smtp;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Components.Pages.Status;

/// <summary>
/// Is everything the dashboard depends on working: InvenTree, SMTP, the scheduler, presets.json, recent system errors,
/// and the configuration in force (redacted). Probes run once the circuit is up (not during prerendering) and on Refresh;
/// the heartbeat age ticks every second on the injected clock; errors and the presets state arrive live.
/// </summary>
public sealed partial class Status : IDisposable
{
    internal static readonly TimeSpan InvenTreeTimeout = TimeSpan.FromSeconds(5);
    internal static readonly TimeSpan SmtpTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The dispatcher ticks every second; a heartbeat older than this means it has stopped.</summary>
    internal static readonly TimeSpan HeartbeatStale = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _disposed = new();
    private IDisposable? _subscription;
    private PeriodicTimer? _ticker;
    private InvenTreeCheck? _inventree;
    private SmtpProbeResult? _smtp;
    private bool _probing;

    [Inject] public required IInvenTreeConnection Connection { get; init; }
    [Inject] public required IInvenTreeClient InvenTree { get; init; }
    [Inject] public required SmtpProbe SmtpProbe { get; init; }
    [Inject] public required MonitorState State { get; init; }
    [Inject] public required EffectiveConfiguration Configuration { get; init; }
    [Inject] public required IOptions<EmailOptions> Email { get; init; }
    [Inject] public required IOptions<InvenTreeOptions> InvenTreeOptions { get; init; }
    [Inject] public required IOptions<PresetsOptions> Presets { get; init; }
    [Inject] public required TimeProvider Time { get; init; }

    private EmailOptions EmailSettings => Email.Value;
    private bool IsDemo => InvenTreeOptions.Value.IsDemo;

    private TimeSpan? HeartbeatAge => State.LastHeartbeat is { } beat ? Time.GetUtcNow() - beat : null;

    private bool SchedulerAlive => HeartbeatAge is { } age && age < HeartbeatStale;

    protected override void OnInitialized() =>
        _subscription = State.Subscribe(e =>
        {
            if (e is SystemErrorRecorded or PresetsFileChanged)
            {
                _ = InvokeAsync(StateHasChanged);
            }
        });

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        _ticker = new PeriodicTimer(TimeSpan.FromSeconds(1), Time);
        _ = TickAsync(_ticker);
        await RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        if (_probing)
        {
            return;
        }
        _probing = true;
        (_inventree, _smtp) = (null, null);
        StateHasChanged();
        try
        {
            var inventree = InvenTreeCheck.RunAsync(Connection, InvenTree, Time, InvenTreeTimeout, _disposed.Token);
            var smtp = ProbeSmtpAsync();
            await Task.WhenAll(inventree, smtp);
            (_inventree, _smtp) = (inventree.Result, smtp.Result);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            _probing = false;
        }
        StateHasChanged();
    }

    private async Task<SmtpProbeResult> ProbeSmtpAsync()
    {
        using var timer = new CancellationTokenSource(SmtpTimeout, Time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token, timer.Token);
        try
        {
            return await SmtpProbe.ProbeAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!_disposed.IsCancellationRequested)
        {
            return new SmtpProbeResult(true, false, EmailSettings.SmtpServer ?? "", EmailSettings.Security, false, null, null, [],
                SmtpTimeout, $"no answer within {SmtpTimeout.TotalSeconds:0} s");
        }
    }

    private async Task TickAsync(PeriodicTimer ticker)
    {
        try
        {
            while (await ticker.WaitForNextTickAsync(_disposed.Token))
            {
                await InvokeAsync(StateHasChanged);
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

    private static string Ago(TimeSpan age) => age.TotalSeconds < 90
        ? $"{Math.Max(0, (int)age.TotalSeconds)} s ago"
        : age.TotalMinutes < 90 ? $"{(int)age.TotalMinutes} min ago" : $"{(int)age.TotalHours} h ago";

    private static string Milliseconds(TimeSpan elapsed) => $"{elapsed.TotalMilliseconds:0} ms";

    public void Dispose()
    {
        _disposed.Cancel();
        _subscription?.Dispose();
        _ticker?.Dispose();
    }
}

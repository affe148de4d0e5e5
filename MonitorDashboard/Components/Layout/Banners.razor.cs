using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MonitorDashboard.Email;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Components.Layout;

/// <summary>Demo mode, outbox, email switched off, and a broken presets.json — live, on every page.</summary>
public sealed partial class Banners : IDisposable
{
    private IDisposable? _subscription;

    [Inject] public required IOptions<InvenTreeOptions> InvenTree { get; init; }
    [Inject] public required IOptions<EmailOptions> Email { get; init; }
    [Inject] public required MonitorState State { get; init; }

    private bool IsDemo => InvenTree.Value.IsDemo;
    private bool UsesOutbox => Email.Value.UsesOutbox;
    private bool EmailEnabled => Email.Value.GlobalNotificationsEnabled;
    private string OutboxFolder => Email.Value.OutboxFolder;
    private PresetsFileError? FileError => State.FileError;

    protected override void OnInitialized() =>
        _subscription = State.Subscribe(e =>
        {
            if (e is PresetsFileChanged)
            {
                _ = InvokeAsync(StateHasChanged);
            }
        });

    public void Dispose() => _subscription?.Dispose();
}

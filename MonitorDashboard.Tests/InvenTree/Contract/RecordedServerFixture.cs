using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTree.Contract;

/// <summary>
/// The recording and our emulator on the same demo dataset, presenting itself as the recorded server (same version
/// and API version), shared by a test class. <see cref="Recording"/> and <see cref="Emulator"/> skip with a visible
/// reason when ../shared is absent.
/// </summary>
public sealed class RecordedServerFixture : IAsyncLifetime
{
    private InvenTreeRecording? _recording;
    private EmulatorServer? _emulator;

    public InvenTreeRecording Recording => _recording ?? InvenTreeRecording.Load();

    public EmulatorServer Emulator
    {
        get
        {
            TestPaths.RequireInvenTreeRecording();
            return _emulator ?? throw new InvalidOperationException("The emulator did not start.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (TestPaths.DemoDataset is not { } dataset || TestPaths.InvenTreeRecording is null)
        {
            return;
        }
        _recording = InvenTreeRecording.Load();
        _emulator = await EmulatorServer.StartAsync(InvenTreeFixture.Load(dataset),
            new EmulatorOptions { ApiVersion = _recording.ApiVersion, ServerVersion = _recording.ServerVersion });
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}

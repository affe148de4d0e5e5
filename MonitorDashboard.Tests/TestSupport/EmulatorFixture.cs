using MonitorDashboard.InvenTreeEmulator;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// One emulator per API flavour on InvenTree's demo dataset, shared by a test class (read-only use: tests that
/// mutate data or inject faults start their own). Tests get them through <see cref="Current"/> and
/// <see cref="Legacy"/>, which skip with a visible reason when the dataset is absent.
/// </summary>
public sealed class DemoEmulatorFixture : IAsyncLifetime
{
    private EmulatorServer? _current;
    private EmulatorServer? _legacy;

    /// <summary>API 479 (InvenTree 1.4 dev).</summary>
    public EmulatorServer Current => Require(_current);

    /// <summary>API 196 (InvenTree 0.15): no scheduled_to_build, building from build orders, unclamped unallocated.</summary>
    public EmulatorServer Legacy => Require(_legacy);

    public async ValueTask InitializeAsync()
    {
        if (TestPaths.DemoDataset is not { } path)
        {
            return;
        }
        var data = InvenTreeFixture.Load(path);
        _current = await EmulatorServer.StartAsync(data);
        _legacy = await EmulatorServer.StartAsync(data, new EmulatorOptions { ApiVersion = 196, ServerVersion = "0.15.8" });
    }

    public async ValueTask DisposeAsync()
    {
        if (_current is not null)
        {
            await _current.DisposeAsync();
        }
        if (_legacy is not null)
        {
            await _legacy.DisposeAsync();
        }
    }

    private static EmulatorServer Require(EmulatorServer? emulator)
    {
        TestPaths.RequireDemoDataset();
        return emulator ?? throw new InvalidOperationException("The demo emulator did not start.");
    }
}

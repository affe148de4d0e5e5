using MonitorDashboard.Calculation;
using MonitorDashboard.InvenTreeEmulator;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// One <see cref="InvenTreeHarness"/> on InvenTree's public demo dataset (API 479), shared by a test class: loading
/// the 414-part dataset and starting the emulator once keeps the class fast. Read-only use; tests that change the
/// data build their own copy with <see cref="DemoDatasetCopy"/>. <see cref="Harness"/> skips with a visible reason
/// when the dataset is absent.
/// </summary>
public sealed class DemoDatasetHarnessFixture : IAsyncLifetime
{
    private InvenTreeHarness? _harness;

    public InvenTreeHarness Harness
    {
        get
        {
            TestPaths.RequireDemoDataset();
            return _harness ?? throw new InvalidOperationException("The demo dataset harness did not start.");
        }
    }

    /// <summary>Fetches over HTTP from the emulator and calculates, as the app does.</summary>
    public async Task<CalculationResult> CalculateAsync(CalculationOptions options, params PartRequest[] requests) =>
        (await RunAsync(options, requests)).Result;

    public Task<CalculationRun> RunAsync(CalculationOptions options, params PartRequest[] requests) =>
        Harness.Calculation.RunAsync(requests, options, TestContext.Current.CancellationToken);

    public async ValueTask InitializeAsync()
    {
        if (TestPaths.DemoDataset is { } path)
        {
            _harness = await InvenTreeHarness.StartAsync(InvenTreeFixture.Load(path));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }
}

using MonitorDashboard.InvenTree;
using MonitorDashboard.InvenTreeEmulator;

namespace MonitorDashboard.Demo;

/// <summary>
/// Demo mode (no <c>INVENTREE_URL</c>): the embedded emulator serves the bundled sample catalog on a
/// loopback port, and the real client talks to it over HTTP, so demo mode exercises the real code path.
/// Started on first use; stopped with the host.
/// </summary>
internal sealed partial class DemoInvenTreeConnection(ILogger<DemoInvenTreeConnection> logger) : IInvenTreeConnection, IAsyncDisposable
{
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private EmulatorServer? _emulator;
    private InvenTreeEndpoint? _endpoint;

    public async ValueTask<InvenTreeEndpoint> GetEndpointAsync(CancellationToken cancellationToken)
    {
        if (_endpoint is { } ready)
        {
            return ready;
        }
        await _startLock.WaitAsync(cancellationToken);
        try
        {
            if (_endpoint is null)
            {
                var token = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
                _emulator = await EmulatorServer.StartAsync(
                    SampleCatalog.Load(), new EmulatorOptions { Token = token }, cancellationToken);
                _endpoint = new InvenTreeEndpoint(new Uri(_emulator.BaseAddress, "api/"), token, isDemo: true);
                LogStarted(_endpoint.ApiBase);
            }
            return _endpoint;
        }
        finally
        {
            _startLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
        _startLock.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo mode: sample catalog served by the embedded InvenTree emulator at {ApiBase}")]
    private partial void LogStarted(Uri apiBase);
}

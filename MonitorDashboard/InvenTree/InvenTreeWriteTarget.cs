using Microsoft.Extensions.Options;

namespace MonitorDashboard.InvenTree;

/// <summary>
/// Where a write may go, decided once for every write: to the InvenTree server configured in <c>INVENTREE_URL</c>, or
/// in demo mode (no URL) only to the embedded emulator on the loopback interface. Anything else (a demo connection
/// pointing elsewhere, a connection that is not the configured one) is refused before a byte is sent, so no code path
/// can draft an order on a real server while the app believes it is a demo, or the other way round.
/// </summary>
internal sealed class InvenTreeWriteTarget(IInvenTreeConnection connection, IOptions<InvenTreeOptions> options)
{
    public async Task<InvenTreeEndpoint> ResolveAsync(CancellationToken cancellationToken)
    {
        var endpoint = await connection.GetEndpointAsync(cancellationToken);
        var settings = options.Value;
        if (settings.IsDemo)
        {
            if (!endpoint.IsDemo || !endpoint.ApiBase.IsLoopback)
            {
                throw new InvenTreeWriteRefusedException(
                    $"Demo mode writes only to the embedded InvenTree emulator; {endpoint.ApiBase.GetLeftPart(UriPartial.Authority)} is not it. Nothing was sent.");
            }
            return endpoint;
        }
        if (endpoint.IsDemo || endpoint.ApiBase != settings.GetApiBaseAddress())
        {
            throw new InvenTreeWriteRefusedException(
                $"Writes go only to the configured InvenTree ({settings.GetApiBaseAddress().GetLeftPart(UriPartial.Authority)}, INVENTREE_URL); " +
                $"the connection points at {endpoint.ApiBase.GetLeftPart(UriPartial.Authority)}{(endpoint.IsDemo ? " (the demo emulator)" : "")}. Nothing was sent.");
        }
        return endpoint;
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Monitoring.Health;

/// <summary>
/// Asks InvenTree for its version. Unreachable is Unhealthy: without InvenTree no check can run, so the app is
/// alive but cannot do its job.
/// </summary>
public sealed class InvenTreeHealthCheck(IInvenTreeClient client, IInvenTreeConnection connection, TimeProvider time) : IHealthCheck
{
    /// <summary>Covers the client's retries of a brief hiccup, but not a health probe that hangs.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timer = new CancellationTokenSource(Timeout, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            var endpoint = await connection.GetEndpointAsync(deadline.Token);
            var info = await client.GetServerInfoAsync(deadline.Token);
            var where = endpoint.IsDemo ? "demo mode: the embedded sample catalog" : endpoint.ApiBase.ToString();
            return HealthCheckResult.Healthy($"InvenTree {info.Version} (API {info.ApiVersion}), {where}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"InvenTree did not answer within {Timeout.TotalSeconds:0} s");
        }
        catch (InvenTreeException ex)
        {
            // The client's messages name the URL and the status, never the token.
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Monitoring.Health;

/// <summary>
/// Asks InvenTree for its version (at most every 30 s; <see cref="ProbeCache"/>). Unreachable is Unhealthy: without
/// InvenTree no check can run, so the app is alive but cannot do its job. The status page shows <see cref="HealthCheckResult.Data"/>:
/// <c>url</c>, <c>demo</c>, <c>version</c>, <c>apiVersion</c>, <c>latencyMs</c>.
/// </summary>
public sealed class InvenTreeHealthCheck(IInvenTreeClient client, IInvenTreeConnection connection, TimeProvider time) : IHealthCheck, ICachedHealthCheck
{
    /// <summary>Covers the client's retries of a brief hiccup, but not a health probe that hangs.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly ProbeCache _cache = new(time);

    public void Invalidate() => _cache.Invalidate();

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        _cache.GetAsync(ProbeAsync, cancellationToken);

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        // On the injected clock, like every other wait in the app.
        using var timer = new CancellationTokenSource(Timeout, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var started = time.GetTimestamp();
        var data = new Dictionary<string, object>();
        try
        {
            var endpoint = await connection.GetEndpointAsync(deadline.Token);
            data["url"] = endpoint.ApiBase.ToString();
            data["demo"] = endpoint.IsDemo;
            var info = await client.GetServerInfoAsync(deadline.Token);
            data["version"] = info.Version;
            data["apiVersion"] = info.ApiVersion;
            data["latencyMs"] = Math.Round(time.GetElapsedTime(started).TotalMilliseconds);
            var where = endpoint.IsDemo ? "demo mode: the embedded sample catalog" : endpoint.ApiBase.ToString();
            return HealthCheckResult.Healthy($"InvenTree {info.Version} (API {info.ApiVersion}), {where}", data);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            data["latencyMs"] = Math.Round(time.GetElapsedTime(started).TotalMilliseconds);
            return HealthCheckResult.Unhealthy($"InvenTree did not answer within {Timeout.TotalSeconds:0} s", data: data);
        }
        catch (InvenTreeException ex)
        {
            // The client's messages name the URL and the status, never the token.
            data["latencyMs"] = Math.Round(time.GetElapsedTime(started).TotalMilliseconds);
            return HealthCheckResult.Unhealthy(ex.Message, data: data);
        }
    }
}

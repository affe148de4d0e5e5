using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Components.Pages.Status;

/// <summary>One look at InvenTree for the status page: where it is, whether it answers, its version and how fast.</summary>
public sealed record InvenTreeCheck(string Url, bool IsDemo, bool Reachable, InvenTreeServerInfo? Server, TimeSpan Latency, string? Error)
{
    /// <summary>
    /// Asks for the server info with a short deadline (the client's retries would otherwise keep the page waiting).
    /// Error texts are the client's, which never hold the token.
    /// </summary>
    public static async Task<InvenTreeCheck> RunAsync(
        IInvenTreeConnection connection, IInvenTreeClient client, TimeProvider time, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // On the injected clock, like every other wait in the app.
        using var timer = new CancellationTokenSource(timeout, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var started = time.GetTimestamp();
        string url = "";
        var isDemo = false;
        try
        {
            var endpoint = await connection.GetEndpointAsync(deadline.Token);
            (url, isDemo) = (endpoint.ApiBase.ToString(), endpoint.IsDemo);
            var server = await client.GetServerInfoAsync(deadline.Token);
            return new InvenTreeCheck(url, isDemo, true, server, time.GetElapsedTime(started), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new InvenTreeCheck(url, isDemo, false, null, time.GetElapsedTime(started), $"no answer within {timeout.TotalSeconds:0} s");
        }
        catch (InvenTreeException ex)
        {
            return new InvenTreeCheck(url, isDemo, false, null, time.GetElapsedTime(started), ex.Message);
        }
    }
}

namespace MonitorDashboard.InvenTree;

/// <summary>
/// Counts the HTTP requests (retries included) made on behalf of one piece of work, e.g. one check.
/// Flows with the async context, so concurrent checks count separately.
/// </summary>
public sealed class RequestTally
{
    private static readonly AsyncLocal<RequestTally?> CurrentTally = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    internal static RequestTally? Current => CurrentTally.Value;

    /// <summary>Starts counting for the current async flow until the returned scope is disposed.</summary>
    public static Scope Begin(out RequestTally tally)
    {
        tally = new RequestTally();
        var previous = CurrentTally.Value;
        CurrentTally.Value = tally;
        return new Scope(previous);
    }

    internal void Increment() => Interlocked.Increment(ref _count);

    public readonly struct Scope(RequestTally? previous) : IDisposable
    {
        public void Dispose() => CurrentTally.Value = previous;
    }
}

/// <summary>The innermost handler: every attempt that reaches the wire is counted.</summary>
internal sealed class RequestCountingHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        RequestTally.Current?.Increment();
        return base.SendAsync(request, cancellationToken);
    }
}

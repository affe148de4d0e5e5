using Microsoft.AspNetCore.Http.Extensions;

namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>
/// Counts every request on arrival and records each with its status once the response starts — before the client
/// can see it, so a test reading the log right after a response finds the entry. Unanswered requests get status 0.
/// </summary>
internal sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<EmulatorRequest> _entries = [];
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public IReadOnlyList<EmulatorRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _entries.Clear();
            _count = 0;
        }
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        Interlocked.Increment(ref _count);
        var pending = new Pending(context.Request.Method, context.Request.GetEncodedPathAndQuery());
        context.Features.Set(pending);
        context.Response.OnStarting(() =>
        {
            Record(pending, context.Response.StatusCode);
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            if (!context.Response.HasStarted)
            {
                Record(pending, context.RequestAborted.IsCancellationRequested ? 0 : context.Response.StatusCode);
            }
        }
    }

    /// <summary>Records the request as unanswered; called before the connection is aborted.</summary>
    public void RecordUnanswered(HttpContext context)
    {
        if (context.Features.Get<Pending>() is { } pending)
        {
            Record(pending, 0);
        }
    }

    private void Record(Pending pending, int status)
    {
        if (Interlocked.Exchange(ref pending.Recorded, 1) == 1)
        {
            return;
        }
        lock (_gate)
        {
            _entries.Add(new EmulatorRequest(pending.Method, pending.PathAndQuery, status));
        }
    }

    private sealed class Pending(string method, string pathAndQuery)
    {
        public readonly string Method = method;
        public readonly string PathAndQuery = pathAndQuery;
        public int Recorded;
    }
}

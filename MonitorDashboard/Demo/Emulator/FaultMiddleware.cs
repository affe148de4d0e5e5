namespace MonitorDashboard.Demo.Emulator;

/// <summary>
/// Applies <see cref="EmulatorFaults"/> to every <c>/api/</c> request, the server-info endpoint included, so a test
/// can make "InvenTree" slow, hung, unreachable or failing.
/// </summary>
internal sealed class FaultMiddleware(EmulatorFaults faults, RequestLog log, CancellationToken stopping)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            if (faults.Latency is { Ticks: > 0 } latency)
            {
                await Task.Delay(latency, linked.Token);
            }
            await faults.WhilePaused().WaitAsync(linked.Token);
            if (faults.Hang)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, linked.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the emulator is stopping: nobody waits for an answer any more.
            Drop(context);
            return;
        }
        if (faults.DropConnections)
        {
            Drop(context);
            return;
        }
        if (faults.NextFailure() is { } status)
        {
            if (status == StatusCodes.Status401Unauthorized)
            {
                await AuthMiddleware.WriteUnauthorizedAsync(context, AuthMiddleware.InvalidToken);
                return;
            }
            await JsonResponse.DetailAsync(context, status, $"Emulated failure ({status}).");
            return;
        }
        await next(context);
    }

    private void Drop(HttpContext context)
    {
        log.RecordUnanswered(context);
        context.Abort();
    }
}

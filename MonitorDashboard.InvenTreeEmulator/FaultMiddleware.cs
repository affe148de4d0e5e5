using Microsoft.AspNetCore.Http.Extensions;

namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>
/// Applies <see cref="EmulatorFaults"/> to every <c>/api/</c> request that matches <see cref="EmulatorFaults.PathFilter"/>,
/// the server-info endpoint included, so a test can make "InvenTree" slow, hung, unreachable, failing, or break its
/// answers halfway.
/// </summary>
internal sealed class FaultMiddleware(EmulatorFaults faults, RequestLog log, CancellationToken stopping)
{
    private static readonly object FaultedKey = new();

    /// <summary>Whether the faults apply to the request (decided once, on arrival, before any rewrite).</summary>
    public static bool IsFaulted(HttpContext context) => context.Items.ContainsKey(FaultedKey);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments("/api") || !faults.TakeRequest(context.Request.Method, context.Request.GetEncodedPathAndQuery()))
        {
            await next(context);
            return;
        }
        context.Items[FaultedKey] = true;
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
        if (faults.HugeBodyBytes is { } size)
        {
            await FaultyBodies.WriteHugeAsync(context, size, withContentLength: !faults.HugeBodyWithoutContentLength, linked.Token);
            return;
        }
        if (faults.IgnoreOffset)
        {
            FaultyBodies.RemoveOffset(context.Request);
        }
        // Read once: a test may switch faults while this request is being answered.
        var (malformed, stall, drop) = (faults.MalformedJson, faults.StallMidBody, faults.DropMidBody);
        if (!malformed && !stall && !drop)
        {
            await next(context);
            return;
        }
        var body = await FaultyBodies.RenderAsync(context, next);
        if (malformed)
        {
            await FaultyBodies.WriteTruncatedAsync(context, body, linked.Token);
            return;
        }
        await FaultyBodies.WriteHalfAsync(context, body, linked.Token);
        if (!stall)
        {
            // Kestrel closes a connection whose body fell short of its Content-Length once the bytes sent have left,
            // so the client reads the half body and then finds the connection gone. An abort here would send a reset
            // that can overtake the half body, and the client would see no response at all.
            return;
        }
        try
        {
            // Headers and half the body are out: hang until the client gives up or the emulator stops.
            await Task.Delay(Timeout.InfiniteTimeSpan, linked.Token);
        }
        catch (OperationCanceledException)
        {
            // Nobody waits for the rest any more.
        }
        Drop(context);
    }

    private void Drop(HttpContext context)
    {
        log.RecordUnanswered(context);
        context.Abort();
    }
}

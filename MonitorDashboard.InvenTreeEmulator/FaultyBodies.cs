using Microsoft.AspNetCore.Http.Extensions;

namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>The broken answers of <see cref="FaultMiddleware"/>: huge, truncated and half-sent bodies, ignored offsets.</summary>
internal static class FaultyBodies
{
    private static readonly byte[] HugeHead = "{\"count\":0,\"next\":null,\"previous\":null,\"results\":["u8.ToArray();
    private static readonly byte[] HugeTail = "]}"u8.ToArray();
    private static readonly byte[] Padding = CreatePadding();

    /// <summary>
    /// 200 with an empty page padded with whitespace to exactly <paramref name="size"/> bytes, streamed from a small
    /// buffer so even gigabytes cost the emulator no memory. Stops quietly when the client hangs up.
    /// </summary>
    public static async Task WriteHugeAsync(HttpContext context, long size, bool withContentLength, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        if (withContentLength)
        {
            context.Response.ContentLength = size;
        }
        try
        {
            var body = context.Response.Body;
            await body.WriteAsync(HugeHead, cancellationToken);
            for (var left = size - HugeHead.Length - HugeTail.Length; left > 0; left -= Padding.Length)
            {
                await body.WriteAsync(Padding.AsMemory(0, (int)Math.Min(left, Padding.Length)), cancellationToken);
            }
            await body.WriteAsync(HugeTail, cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            context.Abort(); // the client refused the rest (as it should) or the emulator is stopping
        }
    }

    /// <summary>The query without <c>offset</c>, so list endpoints serve the first page whatever was asked for.</summary>
    public static void RemoveOffset(HttpRequest request)
    {
        var query = new QueryBuilder(request.Query
            .Where(p => !p.Key.Equals("offset", StringComparison.Ordinal))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))));
        request.QueryString = query.ToQueryString();
    }

    /// <summary>
    /// Runs the rest of the pipeline into memory and returns the body; status and headers stay set on the response,
    /// which has not started yet.
    /// </summary>
    public static async Task<byte[]> RenderAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        return buffer.ToArray();
    }

    /// <summary>200 with the first half of the body and a Content-Length to match: complete on the wire, invalid JSON.</summary>
    public static async Task WriteTruncatedAsync(HttpContext context, byte[] body, CancellationToken cancellationToken)
    {
        var truncated = body.Length > 1 ? body.AsMemory(0, body.Length / 2) : "{"u8.ToArray();
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = truncated.Length;
        try
        {
            await context.Response.Body.WriteAsync(truncated, cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            context.Abort();
        }
    }

    /// <summary>
    /// The status, the headers (announcing the whole body) and its first half, flushed so the client has them; the
    /// caller then stalls or ends the connection. Errors are swallowed: the connection ends next anyway.
    /// </summary>
    public static async Task WriteHalfAsync(HttpContext context, byte[] body, CancellationToken cancellationToken)
    {
        context.Response.ContentLength = body.Length;
        try
        {
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client is gone already.
        }
    }

    private static byte[] CreatePadding()
    {
        var padding = new byte[64 * 1024];
        Array.Fill(padding, (byte)' ');
        return padding;
    }
}

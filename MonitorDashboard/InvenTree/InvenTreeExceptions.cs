namespace MonitorDashboard.InvenTree;

/// <summary>
/// A failed conversation with InvenTree. Messages name the request path and what went wrong, never the
/// token; they are safe to show to users and to log.
/// </summary>
public abstract class InvenTreeException(string message, Exception? inner = null) : Exception(message, inner)
{
    private string? _step;

    /// <summary>
    /// The fetch step that failed, in words a planner understands ("fetching the BOM of Widget Assembly"), when the
    /// request was part of one; the message names the request only by its path.
    /// </summary>
    public string? Step => Volatile.Read(ref _step);

    /// <summary>Names the step the request belonged to; the first (innermost) one is kept, as an answer may be shared.</summary>
    internal void During(string step) => Interlocked.CompareExchange(ref _step, step, null);
}

/// <summary>No answer, a timeout, or server errors that outlasted every retry.</summary>
public sealed class InvenTreeUnreachableException(string message, Exception? inner = null) : InvenTreeException(message, inner);

/// <summary>401 or 403: the token is missing, wrong, or lacks a permission.</summary>
public sealed class InvenTreeUnauthorizedException(string message) : InvenTreeException(message);

/// <summary>404 for an object or URL.</summary>
public sealed class InvenTreeNotFoundException(string message) : InvenTreeException(message);

/// <summary>
/// An answer larger than <c>InvenTree:MaxResponseBytes</c>: refused at once, without reading the rest and without a
/// retry (the same request would bring the same answer).
/// </summary>
public sealed class InvenTreeResponseTooLargeException(string message, string path, long limitBytes) : InvenTreeException(message)
{
    /// <summary>The request's path and query, e.g. <c>/api/part/?in_bom_for=113&amp;limit=250&amp;offset=0</c>.</summary>
    public string Path { get; } = path;

    public long LimitBytes { get; } = limitBytes;
}

/// <summary>Any other refusal (400 with field errors, unexpected status or body).</summary>
public sealed class InvenTreeRequestException(string message, int? statusCode = null) : InvenTreeException(message)
{
    public int? StatusCode { get; } = statusCode;
}

/// <summary>A write refused by the app itself, before anything was sent (it would have gone to the wrong server).</summary>
public sealed class InvenTreeWriteRefusedException(string message) : InvenTreeException(message);

namespace MonitorDashboard.InvenTree;

/// <summary>
/// A failed conversation with InvenTree. Messages name the request path and what went wrong, never the
/// token; they are safe to show to users and to log.
/// </summary>
public abstract class InvenTreeException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>No answer, a timeout, or server errors that outlasted every retry.</summary>
public sealed class InvenTreeUnreachableException(string message, Exception? inner = null) : InvenTreeException(message, inner);

/// <summary>401 or 403: the token is missing, wrong, or lacks a permission.</summary>
public sealed class InvenTreeUnauthorizedException(string message) : InvenTreeException(message);

/// <summary>404 for an object or URL.</summary>
public sealed class InvenTreeNotFoundException(string message) : InvenTreeException(message);

/// <summary>Any other refusal (400 with field errors, unexpected status or body).</summary>
public sealed class InvenTreeRequestException(string message, int? statusCode = null) : InvenTreeException(message)
{
    public int? StatusCode { get; } = statusCode;
}

using Microsoft.Extensions.Http.Logging;

namespace MonitorDashboard.InvenTree;

/// <summary>
/// Logs each InvenTree HTTP attempt as method, URI, status and time, and never a header. It replaces the
/// HttpClientFactory's default loggers: those redact header values only in the formatted message, while the
/// structured state of their Trace records still carries them raw — the <c>Authorization: Token …</c> header
/// included — where Serilog properties or a JSON sink would write the token out.
/// </summary>
internal sealed partial class InvenTreeHttpLogger(ILogger<InvenTreeHttpLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request)
    {
        LogSending(request.Method, request.RequestUri);
        return null;
    }

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        LogReceived(request.Method, request.RequestUri, (int)response.StatusCode, elapsed.TotalMilliseconds);

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        LogFailed(request.Method, request.RequestUri, elapsed.TotalMilliseconds, exception.GetType().Name);

    [LoggerMessage(Level = LogLevel.Debug, Message = "InvenTree {Method} {Uri}")]
    private partial void LogSending(HttpMethod method, Uri? uri);

    [LoggerMessage(Level = LogLevel.Debug, Message = "InvenTree {Method} {Uri}: {StatusCode} after {ElapsedMilliseconds:0}ms")]
    private partial void LogReceived(HttpMethod method, Uri? uri, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "InvenTree {Method} {Uri} failed after {ElapsedMilliseconds:0}ms: {Error}")]
    private partial void LogFailed(HttpMethod method, Uri? uri, double elapsedMilliseconds, string error);
}

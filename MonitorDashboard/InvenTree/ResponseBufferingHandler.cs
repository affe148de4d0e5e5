using System.Buffers;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.InvenTree;

/// <summary>
/// Reads every answer whole into memory inside the attempt, under the attempt's token. Sitting inside the resilience
/// handler, it puts the body under the per-attempt timeout (a server that sends headers and then stalls is timed out
/// and retried), turns a connection dropped mid-body into a transient failure that is retried, and refuses an answer
/// larger than <see cref="InvenTreeOptions.MaxResponseBytes"/> before it fills memory.
/// </summary>
internal sealed partial class ResponseBufferingHandler(IOptions<InvenTreeOptions> options, ILogger<ResponseBufferingHandler> logger)
    : DelegatingHandler
{
    private const int ChunkBytes = 81_920;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            response.Content = await ReadWholeAsync(request.RequestUri?.PathAndQuery ?? "", response.Content, cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose(); // closes the connection: the rest of a refused or broken body is never read
            throw;
        }
    }

    private async Task<HttpContent> ReadWholeAsync(string path, HttpContent content, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxResponseBytes;
        var announced = content.Headers.ContentLength;
        if (announced > limit)
        {
            throw TooLarge(path, limit, announced);
        }
        using var body = new MemoryStream((int)(announced ?? 0));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken);
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (body.Length + read > limit)
                {
                    throw TooLarge(path, limit, announced: null);
                }
                body.Write(chunk, 0, read);
            }
        }
        catch (IOException ex)
        {
            // A read cancelled by the attempt's timeout stays a cancellation, so the timeout strategy reports a timeout.
            cancellationToken.ThrowIfCancellationRequested();
            LogBodyBroken(path, body.Length, ex.Message);
            // Transient, like a connection that fails before the headers: the retry strategy tries again.
            throw new HttpRequestException(HttpRequestError.ResponseEnded,
                $"The connection dropped while the answer to {path} was read, after {body.Length} bytes.", ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        var buffered = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length);
        foreach (var (name, values) in content.Headers.NonValidated)
        {
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                buffered.Headers.TryAddWithoutValidation(name, values);
            }
        }
        content.Dispose();
        return buffered;
    }

    private InvenTreeResponseTooLargeException TooLarge(string path, long limit, long? announced)
    {
        LogTooLarge(path, limit, announced);
        var size = announced is { } bytes ? $" ({Size(bytes)} announced)" : "";
        return new InvenTreeResponseTooLargeException(
            $"InvenTree's answer to {path}{size} is larger than the {Size(limit)} limit (InvenTree:MaxResponseBytes).", path, limit);
    }

    /// <summary>"32 MB", "512 KB", "900 bytes" (binary units, as the limit is usually set in MiB).</summary>
    internal static string Size(long bytes) => bytes switch
    {
        >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 20):0.#} MB"),
        >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "InvenTree answer to {Path} broke off after {Bytes} bytes: {Reason}")]
    private partial void LogBodyBroken(string path, long bytes, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "InvenTree answer to {Path} refused: larger than {LimitBytes} bytes (announced {AnnouncedBytes})")]
    private partial void LogTooLarge(string path, long limitBytes, long? announcedBytes);
}

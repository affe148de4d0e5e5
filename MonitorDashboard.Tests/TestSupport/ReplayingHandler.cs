using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>The client asked for something the recording has no answer for.</summary>
public sealed class UnrecordedRequestException(string message) : Exception(message);

/// <summary>
/// Serves a recorded real server's answers by method, path and query (parameters in any order) and by how the request
/// authenticated. A request without a record is not guessed at: it fails loudly and is kept in <see cref="Unrecorded"/>.
/// </summary>
public sealed class ReplayingHandler(InvenTreeRecording recording, string token) : HttpMessageHandler
{
    private readonly ILookup<(string Key, string Auth), RecordedExchange> _answers =
        recording.DatasetReads.ToLookup(r => (r.Key, r.Auth));
    private readonly ConcurrentQueue<string> _unrecorded = new();
    private readonly ConcurrentQueue<string> _served = new();

    /// <summary>Requests the recording could not answer, as "GET /api/… (valid token)".</summary>
    public IReadOnlyList<string> Unrecorded => [.. _unrecorded];

    /// <summary>Requests answered, in order.</summary>
    public IReadOnlyList<string> Served => [.. _served];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var pathAndQuery = request.RequestUri!.PathAndQuery;
        var auth = request.Headers.Authorization switch
        {
            null => InvenTreeRecording.NoToken,
            { Scheme: "Token", Parameter: var presented } when presented == token => InvenTreeRecording.ValidToken,
            _ => InvenTreeRecording.WrongToken,
        };
        var key = RequestKey.Of(request.Method.Method, pathAndQuery);
        var answer = _answers[(key, auth)].FirstOrDefault();
        if (answer is null)
        {
            var described = $"{request.Method.Method} {pathAndQuery} ({auth})";
            _unrecorded.Enqueue(described);
            throw new UnrecordedRequestException($"The recording has no answer for {described}.");
        }
        _served.Enqueue(answer.ToString());
        return Task.FromResult(new HttpResponseMessage((HttpStatusCode)answer.Status)
        {
            RequestMessage = request,
            Content = new StringContent(answer.Body.GetRawText(), Encoding.UTF8, "application/json"),
        });
    }
}

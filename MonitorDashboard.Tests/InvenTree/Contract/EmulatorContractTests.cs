using System.Net.Http.Headers;
using System.Text.Json;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTree.Contract;

/// <summary>
/// Our emulator, on the demo dataset the real server was recorded with, answers every recorded GET as the real
/// InvenTree 1.4 did: status, envelope and every field our client reads (<see cref="ContractFields"/>). When they
/// disagree the recording wins: fix the emulator (or the client), not the test.
/// </summary>
public sealed class EmulatorContractTests(RecordedServerFixture server) : IClassFixture<RecordedServerFixture>
{
    [Fact]
    public async Task Every_request_the_client_made_is_answered_as_the_real_server_answered_it()
    {
        var records = server.Recording.DatasetReads.Where(r => r.MadeByClient).ToList();

        var differences = await CompareAsync(records);

        Assert.True(records.Count > 50, $"only {records.Count} client requests in the recording");
        Assert.True(differences.Count == 0, Report(differences));
    }

    [Fact]
    public async Task Every_probe_of_the_real_server_is_answered_alike()
    {
        var records = server.Recording.DatasetReads
            .Where(r => !r.MadeByClient && r.Auth == InvenTreeRecording.ValidToken)
            .ToList();

        var differences = await CompareAsync(records);

        Assert.NotEmpty(records);
        Assert.True(differences.Count == 0, Report(differences));
    }

    [Fact]
    public async Task A_wrong_token_and_no_token_are_refused_as_the_real_server_refuses_them()
    {
        var records = server.Recording.DatasetReads.Where(r => r.Auth != InvenTreeRecording.ValidToken).ToList();

        var differences = await CompareAsync(records);

        Assert.Equal([InvenTreeRecording.NoToken, InvenTreeRecording.WrongToken], records.Select(r => r.Auth).Order());
        Assert.True(differences.Count == 0, Report(differences));
    }

    private async Task<List<string>> CompareAsync(IEnumerable<RecordedExchange> records)
    {
        var emulator = server.Emulator;
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var differences = new List<string>();
        foreach (var record in records)
        {
            using var request = new HttpRequestMessage(new HttpMethod(record.Method), new Uri(emulator.BaseAddress, record.Path.TrimStart('/')));
            request.Headers.Authorization = record.Auth switch
            {
                InvenTreeRecording.ValidToken => new AuthenticationHeaderValue("Token", emulator.Token),
                InvenTreeRecording.WrongToken => new AuthenticationHeaderValue("Token", "not-the-" + emulator.Token),
                _ => null,
            };
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            JsonElement body;
            try
            {
                body = JsonDocument.Parse(text).RootElement;
            }
            catch (JsonException)
            {
                differences.Add($"{record}: body: ours is not JSON: {text[..Math.Min(200, text.Length)]}");
                continue;
            }
            differences.AddRange(ContractComparer.Compare(record, (int)response.StatusCode, body));
        }
        return differences;
    }

    private static string Report(IReadOnlyCollection<string> differences) =>
        $"{differences.Count} differences from the recorded real server:\n" + string.Join("\n", differences);
}

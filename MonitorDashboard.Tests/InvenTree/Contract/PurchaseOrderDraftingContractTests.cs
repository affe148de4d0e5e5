using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTree.Contract;

/// <summary>
/// The recorded drafting of a purchase order on the real InvenTree 1.4 (create a Pending order, add a line, add a
/// second line for the same supplier part, add a line for an unknown supplier part, read it all back, and the part's
/// <c>ordering</c> afterwards), replayed against our emulator on the same demo dataset: every answer must match in
/// status, envelope and the fields our client reads. The real server gave the order pk 14 (an order made and deleted
/// before the recording had used 13); ours gets its own, and the replay uses it where the recording used 14.
/// </summary>
public sealed class PurchaseOrderDraftingContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_recorded_drafting_of_an_order_gets_the_answers_the_real_server_gave()
    {
        var recording = InvenTreeRecording.Load();
        await using var emulator = await EmulatorServer.StartAsync(InvenTreeFixture.Load(TestPaths.RequireDemoDataset()),
            new EmulatorOptions { ApiVersion = recording.ApiVersion, ServerVersion = recording.ServerVersion }, Ct);
        var drafting = DraftingRecords(recording);
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var differences = new List<string>();
        var answers = new List<JsonElement>();
        int? recordedOrder = null, ourOrder = null;
        foreach (var record in drafting)
        {
            var (status, body) = await SendAsync(http, emulator, record, recordedOrder, ourOrder);
            if (record.Method == "POST" && record.Path == "/api/order/po/" && status == 201)
            {
                recordedOrder = record.Body.GetProperty("pk").GetInt32();
                ourOrder = body.GetProperty("pk").GetInt32();
            }
            var expected = record with { Body = WithOrderPk(record.Body, recordedOrder, ourOrder), Path = Translate(record.Path, recordedOrder, ourOrder) };
            differences.AddRange(ContractComparer.Compare(expected, status, body));
            answers.Add(body);
        }

        Assert.Equal(["POST", "POST", "POST", "POST", "GET", "GET", "GET"], drafting.Select(r => r.Method));
        Assert.True(differences.Count == 0, $"{differences.Count} differences from the recorded drafting:\n" + string.Join("\n", differences));
        // The points of the recording, spelled out: reference made by the server, the merge, the 400, the ordering.
        Assert.Equal("PO0013", answers[0].GetProperty("reference").GetString());
        Assert.Equal(answers[1].GetProperty("pk").GetInt32(), answers[2].GetProperty("pk").GetInt32());
        Assert.Equal(46m, answers[2].GetProperty("quantity").GetDecimal());
        Assert.Equal("Invalid pk \"999999\" - object does not exist.", Assert.Single(answers[3].GetProperty("part").EnumerateArray()).GetString());
        Assert.Equal(56m, answers[6].GetProperty("ordering").GetDecimal());
    }

    /// <summary>Everything after the dataset reads, but the OPTIONS metadata (the client never asks for it).</summary>
    private static List<RecordedExchange> DraftingRecords(InvenTreeRecording recording) =>
    [
        .. recording.Records.SkipWhile(r => r.Method is "GET" or "OPTIONS" or "HEAD").Where(r => r.Method != "OPTIONS"),
    ];

    private static async Task<(int Status, JsonElement Body)> SendAsync(
        HttpClient http, EmulatorServer emulator, RecordedExchange record, int? recordedOrder, int? ourOrder)
    {
        using var request = new HttpRequestMessage(new HttpMethod(record.Method), Translate(record.Path, recordedOrder, ourOrder).TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", emulator.Token);
        if (record.Request is { } sent)
        {
            var json = WithOrderPk(sent, ourOrder, recordedOrder, requestBody: true).GetRawText();
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        using var response = await http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string Translate(string path, int? recordedOrder, int? ourOrder) =>
        recordedOrder is { } was && ourOrder is { } are
            ? path.Replace($"/api/order/po/{was}/", $"/api/order/po/{are}/", StringComparison.Ordinal)
                .Replace($"order={was}", $"order={are}", StringComparison.Ordinal)
            : path;

    /// <summary>
    /// The recorded JSON with the order's pk swapped: in answers the recorded pk becomes ours (<paramref name="from"/> →
    /// <paramref name="to"/>); in a request body (<paramref name="requestBody"/>) the recorded <c>order</c> becomes ours.
    /// </summary>
    private static JsonElement WithOrderPk(JsonElement json, int? from, int? to, bool requestBody = false)
    {
        if (from is null || to is null)
        {
            return json;
        }
        var (was, are) = requestBody ? (to.Value, from.Value) : (from.Value, to.Value);
        var node = JsonNode.Parse(json.GetRawText());
        Swap(node, was, are);
        return JsonDocument.Parse(node!.ToJsonString()).RootElement.Clone();
    }

    private static void Swap(JsonNode? node, int was, int are)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["order"] is JsonValue order && order.TryGetValue<int>(out var op) && op == was)
                {
                    o["order"] = are;
                }
                if (o.ContainsKey("reference") && o.ContainsKey("supplier") && o["pk"] is JsonValue pk && pk.TryGetValue<int>(out var p) && p == was)
                {
                    o["pk"] = are;
                }
                foreach (var (_, child) in o.ToList())
                {
                    Swap(child, was, are);
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Swap(child, was, are);
                }
                break;
        }
    }
}

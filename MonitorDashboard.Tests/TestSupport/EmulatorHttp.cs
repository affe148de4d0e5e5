using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MonitorDashboard.InvenTreeEmulator;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>Plain HttpClient access to an emulator, as a real client would talk to InvenTree.</summary>
public static class EmulatorHttp
{
    /// <summary>A client with the emulator's token (or <paramref name="token"/>; null sends no Authorization header).</summary>
    public static HttpClient CreateClient(EmulatorServer emulator, string? token = "", TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        var key = token == "" ? emulator.Token : token;
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", key);
        }
        return client;
    }

    public static async Task<T> GetJsonAsync<T>(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} → {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body) ?? throw new InvalidOperationException($"GET {url} returned null");
    }

    public static async Task<JsonElement> GetElementAsync(this HttpClient client, string url) =>
        (await client.GetJsonAsync<JsonDocument>(url)).RootElement;

    /// <summary>Status code and parsed body of a request expected to fail.</summary>
    public static async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> GetErrorAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonDocument>(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, body!.RootElement, response);
    }
}

namespace MonitorDashboard.Benchmarks.Scale;

/// <summary>
/// The page timings mean something only if the page is whole: the app started from the benchmark's output must serve
/// MudBlazor's stylesheet and script and Blazor's own script (from the static web assets manifest beside the dll).
/// </summary>
internal static class StaticAssets
{
    private static readonly string[] Paths = ["_framework/blazor.web.js", "_content/MudBlazor/MudBlazor.min.css", "_content/MudBlazor/MudBlazor.min.js"];

    public static async Task VerifyAsync(Uri baseAddress, List<string> problems, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        foreach (var path in Paths)
        {
            using var response = await client.GetAsync(path, ct);
            if (!response.IsSuccessStatusCode)
            {
                problems.Add($"the app does not serve {path} ({(int)response.StatusCode}): the page timings are of a page without its assets");
            }
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using MonitorDashboard.Calculation;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTree.Contract;

/// <summary>
/// The real client and calculation, served the recorded real server's answers by <see cref="ReplayingHandler"/>, give
/// for every recorded assembly the result they give against our emulator on the same dataset. A request the recording
/// has no answer for is named, never made up.
/// </summary>
public sealed class RecordedServerCalculationTests(RecordedServerFixture server) : IClassFixture<RecordedServerFixture>
{
    private const string RecordedToken = "recorded-server-token";
    private const decimal Quantity = 10;

    [Fact]
    public async Task Calc_of_each_recorded_assembly_gives_the_same_result_from_the_recording_as_from_the_emulator()
    {
        var names = RecordedPartNames();
        var differences = new List<string>();

        foreach (var name in names)
        {
            differences.AddRange(await CompareAsync(name, [new PartRequest(name, null, null, Quantity)], CalculationOptions.Default));
        }

        Assert.True(names.Count >= 20, $"only {names.Count} assemblies named in the recording");
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public async Task Calc_of_every_recorded_assembly_at_once_and_by_pk_gives_the_same_result_from_both()
    {
        var requests = RecordedPartNames().Select(n => new PartRequest(n, null, null, Quantity))
            .Append(new PartRequest(null, null, 113, 60)) // GET /api/part/113/ is recorded too
            .ToList();

        var differences = await CompareAsync("all at once", requests, new CalculationOptions { ExcludeOptional = true, CountOnOrder = true });

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public async Task A_request_the_recording_lacks_fails_loudly_and_is_named()
    {
        // Excluding a supplier lists the suppliers with the client's page size; the recording holds only limit=50.
        var handler = new ReplayingHandler(server.Recording, RecordedToken);
        await using var services = RecordedServices(handler);

        var error = await Assert.ThrowsAsync<UnrecordedRequestException>(() => services.GetRequiredService<CalculationService>().RunAsync(
            [new PartRequest("Master Assembly", null, null, 1)],
            new CalculationOptions { ExcludeSuppliers = ["Mouser"] },
            TestContext.Current.CancellationToken));

        Assert.Equal(["GET /api/company/?is_supplier=true&limit=250&offset=0 (valid token)"], handler.Unrecorded);
        Assert.Contains("/api/company/?is_supplier=true&limit=250&offset=0", error.Message, StringComparison.Ordinal);
    }

    private async Task<List<string>> CompareAsync(string label, IReadOnlyList<PartRequest> requests, CalculationOptions options)
    {
        var handler = new ReplayingHandler(server.Recording, RecordedToken);
        await using var recorded = RecordedServices(handler);
        await using var emulated = InvenTreeHarness.CreateServices(new Dictionary<string, string?>
        {
            ["INVENTREE_URL"] = server.Emulator.BaseAddress.ToString(),
            ["INVENTREE_API_TOKEN"] = server.Emulator.Token,
        });
        var ct = TestContext.Current.CancellationToken;

        CalculationRun fromRecording;
        try
        {
            fromRecording = await recorded.GetRequiredService<CalculationService>().RunAsync(requests, options, ct);
        }
        catch (UnrecordedRequestException)
        {
            return [$"{label}: the recording lacks {string.Join(", ", handler.Unrecorded)}"];
        }
        var fromEmulator = await emulated.GetRequiredService<CalculationService>().RunAsync(requests, options, ct);

        var differences = ResultComparer.Compare(fromRecording.Result, fromEmulator.Result).Select(d => $"{label}: {d} (recording vs emulator)").ToList();
        if (fromRecording.Requests != fromEmulator.Requests)
        {
            differences.Add($"{label}: {fromRecording.Requests} requests to the recording vs {fromEmulator.Requests} to the emulator");
        }
        return differences;
    }

    private static ServiceProvider RecordedServices(ReplayingHandler handler) =>
        InvenTreeHarness.CreateServices(new Dictionary<string, string?>
        {
            ["INVENTREE_URL"] = "http://recorded-inventree.invalid/",
            ["INVENTREE_API_TOKEN"] = RecordedToken,
            ["InvenTree:MaxRetries"] = "0",
        }, handler);

    /// <summary>The names `calc` looked up when the recording was made (the <c>name_regex</c> requests it made).</summary>
    private List<string> RecordedPartNames() =>
    [
        .. server.Recording.DatasetReads
            .Where(r => r.MadeByClient && r.Path.StartsWith("/api/part/?name_regex=", StringComparison.Ordinal))
            .Select(r => RequestKey.QueryValue(r.Path, "name_regex"))
            .Select(pattern => PartNameOf(pattern!)),
    ];

    // PartNameRegex.Exact anchors the name and puts a backslash before each special character.
    private static string PartNameOf(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern.TrimStart('^').TrimEnd('$'), @"\\(.)", "$1");
}

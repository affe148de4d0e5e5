using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Tests.Presets;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.Checks;

/// <summary>
/// Reports' last_hash values reach presets.json in as few writes as the spacing allows: the first at once, those that
/// come while a write is due or under way together in the next one, never two writes within the interval. Real files.
/// </summary>
public sealed class LastHashWritesTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));
    private readonly TempPresetsFolder _presets;
    private readonly LastHashWrites _writes;

    public LastHashWritesTests()
    {
        _presets = new TempPresetsFolder(_clock);
        _presets.Write(EngineLists.File(Enumerable.Range(1, 5).Select(List).ToArray()));
        _writes = new LastHashWrites(_presets.Store, Options.Create(new MonitoringOptions { LastHashWriteInterval = Interval }), _clock);
    }

    public void Dispose() => _presets.Dispose();

    [Fact]
    public async Task The_first_hash_after_a_quiet_moment_is_written_at_once()
    {
        var result = await _writes.WriteAsync(Id(1), "h1");

        Assert.Null(result.Error);
        Assert.Empty(result.Missing);
        Assert.Equal("h1", LastHashOnDisk(1));
        Assert.Equal(1, _writes.Writes);
    }

    [Fact]
    public async Task Hashes_arriving_within_the_interval_wait_and_are_written_together_in_one_write()
    {
        await _writes.WriteAsync(Id(1), "h1");

        var waiting = new[] { _writes.WriteAsync(Id(2), "h2"), _writes.WriteAsync(Id(3), "h3"), _writes.WriteAsync(Id(4), "h4") };
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        Assert.Null(LastHashOnDisk(2));

        _clock.Advance(Interval);
        var results = await Task.WhenAll(waiting);

        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(["h2", "h3", "h4"], new[] { 2, 3, 4 }.Select(LastHashOnDisk));
        Assert.Equal(2, _writes.Writes);
        Assert.Same(results[0], results[2]); // one write answered them all
    }

    [Fact]
    public async Task The_same_list_twice_before_a_write_keeps_its_newer_hash()
    {
        await _writes.WriteAsync(Id(1), "first");
        var older = _writes.WriteAsync(Id(2), "older");
        var newer = _writes.WriteAsync(Id(2), "newer");

        _clock.Advance(Interval);
        await Task.WhenAll(older, newer);

        Assert.Equal("newer", LastHashOnDisk(2));
    }

    [Fact]
    public async Task A_list_deleted_meanwhile_is_reported_missing_and_the_others_are_written()
    {
        var result = await _writes.WriteAsync("no-such-list", "h");
        Assert.Contains("no-such-list", result.Missing);

        var next = _writes.WriteAsync(Id(5), "h5");
        _clock.Advance(Interval);
        Assert.Empty((await next).Missing);
        Assert.Equal("h5", LastHashOnDisk(5));
    }

    [Fact]
    public async Task A_write_that_fails_tells_every_waiting_caller_why()
    {
        File.WriteAllText(_presets.FilePath, "{ not json");

        var result = await _writes.WriteAsync(Id(1), "h1");

        Assert.IsAssignableFrom<MonitorDashboard.Presets.PresetsException>(result.Error);
        Assert.Equal(0, _writes.Writes);
    }

    [Fact]
    public async Task Without_an_interval_a_hash_is_written_as_soon_as_the_previous_write_is_done()
    {
        var immediate = new LastHashWrites(_presets.Store, Options.Create(new MonitoringOptions { LastHashWriteInterval = TimeSpan.Zero }), _clock);

        await immediate.WriteAsync(Id(1), "h1");
        await immediate.WriteAsync(Id(2), "h2"); // the clock never moves: no wait

        Assert.Equal(["h1", "h2"], new[] { 1, 2 }.Select(LastHashOnDisk));
    }

    private static string Id(int n) => $"00000000-0000-0000-0000-00000000000{n}";

    private static JsonObject List(int n)
    {
        var list = EngineLists.Production();
        list["id"] = Id(n);
        list["name"] = $"List {n}";
        return list;
    }

    private string? LastHashOnDisk(int n) =>
        JsonNode.Parse(File.ReadAllText(_presets.FilePath))!["monitoring_lists"]!.AsArray()
            .Single(l => (string?)l!["id"] == Id(n))!["last_hash"]?.GetValue<string>();
}

using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Tests.Presets;

/// <summary>Every user-made change keeps the version it replaces in presets.json.backups; last_hash updates do not.</summary>
public sealed class PresetsBackupsTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 7, 58, 0, 123, TimeSpan.Zero));
    private readonly TempPresetsFolder _temp;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public PresetsBackupsTests() => _temp = new TempPresetsFolder(_time);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_user_change_keeps_the_previous_content_as_a_timestamped_generation_beside_the_bak()
    {
        _temp.Write(PresetsSamples.PythonFile);
        var snapshot = await _temp.Store.LoadAsync(_ct);

        await _temp.Store.SetActiveAsync(PresetsSamples.ListId, false, snapshot.Version, _ct);

        var generation = Assert.Single(_temp.Generations());
        Assert.Equal(Path.Combine(_temp.FilePath + ".backups", "presets.20261130T075800123Z.json"), generation);
        Assert.Equal(_temp.BackupFolder, _temp.Store.BackupFolder);
        Assert.Equal(PresetsSamples.PythonFile, File.ReadAllText(generation));
        Assert.Equal(PresetsSamples.PythonFile, File.ReadAllText(_temp.Store.BackupPath));
    }

    [Fact]
    public async Task The_newest_ten_generations_are_kept_and_older_ones_pruned()
    {
        _temp.Write(PresetsSamples.PythonFile);
        var snapshot = await _temp.Store.LoadAsync(_ct);
        var versions = new List<string>();

        for (var i = 1; i <= 12; i++)
        {
            versions.Add(_temp.Read());
            _time.Advance(TimeSpan.FromMinutes(1));
            snapshot = (await _temp.Store.AddListAsync(PresetsSamples.ValidList($"List {i}"), snapshot.Version, _ct)).Snapshot;
        }

        var generations = _temp.Generations();
        Assert.Equal(10, generations.Length);
        Assert.Equal(versions.Skip(2), generations.Select(File.ReadAllText));
        Assert.EndsWith("presets.20261130T081000123Z.json", generations[^1], StringComparison.Ordinal); // the 12th change, at 08:10
    }

    [Fact]
    public async Task The_number_of_generations_comes_from_the_options()
    {
        using var three = new TempPresetsFolder(_time, o => o.BackupGenerations = 3);
        var snapshot = await three.Store.LoadAsync(_ct);

        for (var i = 1; i <= 5; i++)
        {
            snapshot = (await three.Store.AddListAsync(PresetsSamples.ValidList($"List {i}"), snapshot.Version, _ct)).Snapshot;
        }

        // The first add replaced no file, so it kept nothing; the later four kept one each, and three remain.
        Assert.Equal(3, three.Generations().Length);
    }

    [Fact]
    public async Task Changes_in_the_same_millisecond_get_distinct_generations_in_order()
    {
        _temp.Write(PresetsSamples.PythonFile);
        var snapshot = await _temp.Store.LoadAsync(_ct);

        snapshot = (await _temp.Store.AddListAsync(PresetsSamples.ValidList("First"), snapshot.Version, _ct)).Snapshot;
        var afterFirst = _temp.Read();
        await _temp.Store.AddListAsync(PresetsSamples.ValidList("Second"), snapshot.Version, _ct);

        var generations = _temp.Generations();
        Assert.Equal(["presets.20261130T075800123Z.json", "presets.20261130T075800124Z.json"], generations.Select(Path.GetFileName));
        Assert.Equal([PresetsSamples.PythonFile, afterFirst], generations.Select(File.ReadAllText));
    }

    [Fact]
    public async Task Last_hash_updates_neither_create_nor_prune_generations()
    {
        using var two = new TempPresetsFolder(_time, o => o.BackupGenerations = 2);
        two.Write(PresetsSamples.PythonFile);
        var snapshot = await two.Store.LoadAsync(_ct);
        snapshot = await two.Store.SetActiveAsync(PresetsSamples.ListId, false, snapshot.Version, _ct);
        _time.Advance(TimeSpan.FromSeconds(1));
        await two.Store.SetActiveAsync(PresetsSamples.ListId, true, snapshot.Version, _ct);
        var before = two.Generations();
        Assert.Equal(2, before.Length);

        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await two.Store.SetLastHashAsync(PresetsSamples.ListId, $"hash-{i}", _ct);
        }

        Assert.Equal(before, two.Generations());
        Assert.Contains("hash-3", File.ReadAllText(two.Store.BackupPath)); // the .bak still follows every write
    }

    [Fact]
    public async Task Files_in_the_backup_folder_that_are_not_generations_are_left_alone()
    {
        using var one = new TempPresetsFolder(_time, o => o.BackupGenerations = 1);
        one.Write(PresetsSamples.PythonFile);
        Directory.CreateDirectory(one.BackupFolder);
        var mine = Path.Combine(one.BackupFolder, "presets.before-the-migration.json");
        File.WriteAllText(mine, "{}");
        var snapshot = await one.Store.LoadAsync(_ct);

        for (var i = 1; i <= 3; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            snapshot = (await one.Store.AddListAsync(PresetsSamples.ValidList($"List {i}"), snapshot.Version, _ct)).Snapshot;
        }

        Assert.True(File.Exists(mine));
        Assert.Single(Directory.GetFiles(one.BackupFolder, "presets.2*.json"));
    }
}

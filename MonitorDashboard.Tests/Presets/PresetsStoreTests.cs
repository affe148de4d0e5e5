using System.Text.Json.Nodes;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Tests.Presets;

public sealed class PresetsStoreTests : IDisposable
{
    private readonly TempPresetsFolder _temp = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_file_written_by_the_python_tool_is_read_with_its_known_fields_and_its_unknown_ones_kept()
    {
        _temp.Write(PresetsSamples.PythonFile);

        var snapshot = await _temp.Store.LoadAsync(_ct);

        Assert.Null(snapshot.FileError);
        var list = Assert.Single(snapshot.MonitoringLists);
        Assert.Equal("Widget line, weekly", list.Name);
        Assert.Equal(["Widget Assembly", "Doohickey"], list.Parts.Select(p => p.Name));
        Assert.Equal("B", list.Parts[0].Version);
        Assert.Equal(5.0m, list.Parts[1].Quantity);
        Assert.Equal("Europe/Berlin", list.TimeZone);
        Assert.Null(list.LastHash);
        Assert.Equal(["interval_minutes", "email_config_name", "misfire_grace_time"], list.Extra!.Keys);
        Assert.Equal(["email_configs", "filepath"], snapshot.Document.Extra!.Keys);
        Assert.True(snapshot.IsValid(PresetsSamples.ListId));
    }

    [Fact]
    public async Task Setting_last_hash_in_a_python_tool_file_changes_only_that_field_and_keeps_every_other_value()
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _temp.Store.LoadAsync(_ct);

        await _temp.Store.SetLastHashAsync(PresetsSamples.ListId, "abc123", _ct);

        var expected = JsonNode.Parse(PresetsSamples.PythonFile)!;
        expected["monitoring_lists"]![0]!["last_hash"] = "abc123";
        var written = _temp.Read();
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(written)), written);
        // Number spelling and nested values survive byte-for-value, not just numerically.
        Assert.Contains("\"quantity\": 5.0", written);
        Assert.Contains("2.50", written);
        Assert.Contains("\"filepath\": \"presets.json\"", written);
    }

    [Fact]
    public async Task A_save_writes_known_keys_in_the_python_tool_order_then_unknown_keys_as_they_were()
    {
        _temp.Write(PresetsSamples.PythonFile);
        var snapshot = await _temp.Store.LoadAsync(_ct);

        await _temp.Store.SetActiveAsync(PresetsSamples.ListId, false, snapshot.Version, _ct);

        var root = JsonNode.Parse(_temp.Read())!.AsObject();
        Assert.Equal(["presets", "monitoring_lists", "email_configs", "filepath"], root.Select(p => p.Key));
        var list = root["monitoring_lists"]![0]!.AsObject();
        Assert.Equal(
            ["id", "name", "parts", "active", "cron_schedule", "timezone", "recipients", "notify_condition", "last_hash",
             "interval_minutes", "email_config_name", "misfire_grace_time"],
            list.Select(p => p.Key));
        Assert.False(list["active"]!.GetValue<bool>());
        Assert.Equal(["part_id", "quantity", "note"], root["presets"]![0]!["items"]![1]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task A_save_keeps_the_previous_content_as_the_backup()
    {
        _temp.Write(PresetsSamples.PythonFile);
        var snapshot = await _temp.Store.LoadAsync(_ct);

        await _temp.Store.AddListAsync(PresetsSamples.ValidList(), snapshot.Version, _ct);

        Assert.Equal(PresetsSamples.PythonFile, File.ReadAllText(_temp.Store.BackupPath));
    }

    [Fact]
    public async Task A_list_added_without_an_id_gets_a_lower_case_uuid_and_is_read_back()
    {
        var snapshot = await _temp.Store.LoadAsync(_ct);
        Assert.Equal(PresetsSnapshot.MissingFileVersion, snapshot.Version);

        var saved = await _temp.Store.AddListAsync(PresetsSamples.ValidList() with { Id = "" }, snapshot.Version, _ct);

        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", saved.List.Id);
        var reloaded = await _temp.Store.LoadAsync(_ct);
        Assert.Equal(saved.Snapshot.Version, reloaded.Version);
        Assert.Equal("Widget line", reloaded.FindList(saved.List.Id)!.Name);
        Assert.False(File.Exists(_temp.Store.BackupPath)); // there was no previous file
    }

    [Fact]
    public async Task A_save_based_on_an_outdated_read_is_refused_and_leaves_the_other_change()
    {
        _temp.Write(PresetsSamples.PythonFile);
        var stale = await _temp.Store.LoadAsync(_ct);
        var edited = PresetsSamples.PythonFile.Replace("Widget line, weekly", "Edited by hand");
        _temp.Write(edited);

        var ex = await Assert.ThrowsAsync<PresetsConflictException>(
            () => _temp.Store.AddListAsync(PresetsSamples.ValidList(), stale.Version, _ct));

        Assert.Equal("presets.json was changed by someone else since it was loaded; reload and try again", ex.Message);
        Assert.Equal(edited, _temp.Read());
    }

    [Fact]
    public async Task A_crash_between_writing_the_temp_file_and_the_rename_leaves_the_old_file_intact()
    {
        var files = new InterleavingFileSystem(_temp.FilePath);
        var store = _temp.NewStore(files);
        _temp.Write(PresetsSamples.PythonFile);
        var snapshot = await store.LoadAsync(_ct);
        string? tempPath = null;
        files.OnceBeforeReplace(path =>
        {
            tempPath = path;
            Assert.Equal(_temp.Folder, Path.GetDirectoryName(path)); // same folder, so the rename is atomic
            Assert.Contains("Widget line", File.ReadAllText(path)); // the new content was fully written first
            throw new IOException("simulated crash");
        });

        await Assert.ThrowsAsync<IOException>(() => store.AddListAsync(PresetsSamples.ValidList(), snapshot.Version, _ct));

        Assert.Equal(PresetsSamples.PythonFile, _temp.Read());
        Assert.NotNull(tempPath);
        Assert.NotEqual(_temp.FilePath, tempPath);
        Assert.Equal([_temp.FilePath], Directory.GetFiles(_temp.Folder).Where(f => !f.EndsWith(".bak", StringComparison.Ordinal) && !f.EndsWith(".lock", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("{ \"presets\": [ }", 1, 16, "is not valid JSON")]
    [InlineData("{\n  \"monitoring_lists\": [\n    { \"id\": \"x\", \"parts\": \"Widget:10\" }\n  ]\n}", 3, 38, "wrong shape at $.monitoring_lists[0].parts: expected an array")]
    [InlineData("[1, 2]", 1, 2, "wrong shape at $: expected an object")]
    [InlineData("{ \"monitoring_lists\": [ { \"parts\": [ { \"name\": \"A\", \"quantity\": \"ten\" } ] } ] }", 1, 70, "expected a number")]
    public async Task A_malformed_file_is_reported_with_line_and_column_and_schedules_nothing(string content, long line, long column, string message)
    {
        _temp.Write(content);

        var snapshot = await _temp.Store.LoadAsync(_ct);

        Assert.True(snapshot.IsMalformed);
        Assert.Equal(line, snapshot.FileError!.Line);
        Assert.Equal(column, snapshot.FileError.Column);
        Assert.Contains(message, snapshot.FileError.Message);
        Assert.Empty(snapshot.SchedulableLists);
    }

    [Fact]
    public async Task Writes_to_a_malformed_file_are_refused_and_never_overwrite_it()
    {
        const string broken = "{ \"monitoring_lists\": [ { \"id\": \"a\" ";
        _temp.Write(broken);
        var snapshot = await _temp.Store.LoadAsync(_ct);

        await Assert.ThrowsAsync<PresetsFileException>(() => _temp.Store.AddListAsync(PresetsSamples.ValidList(), snapshot.Version, _ct));
        await Assert.ThrowsAsync<PresetsFileException>(() => _temp.Store.SetLastHashAsync("a", "h", _ct));

        Assert.Equal(broken, _temp.Read());
        Assert.False(File.Exists(_temp.Store.BackupPath));
    }

    [Fact]
    public async Task Reading_the_same_bytes_again_reuses_what_they_meant_and_a_change_of_one_byte_is_read_anew()
    {
        // A burst writes last_hash many times, and every write and every watcher reload reads the whole file again.
        _temp.Write(PresetsSamples.PythonFile);
        var first = await _temp.Store.LoadAsync(_ct);

        var again = await _temp.Store.LoadAsync(_ct);
        _temp.Write(PresetsSamples.PythonFile.Replace("\"active\": true", "\"active\": false", StringComparison.Ordinal));
        var changed = await _temp.Store.LoadAsync(_ct);

        Assert.Same(first.Document, again.Document);
        Assert.NotSame(first.Document, changed.Document);
        Assert.NotEqual(first.Document.MonitoringLists[0].Active, changed.Document.MonitoringLists[0].Active);
    }

    [Fact]
    public async Task A_fixed_file_is_picked_up_again()
    {
        _temp.Write("{ not json");
        Assert.True((await _temp.Store.LoadAsync(_ct)).IsMalformed);
        _temp.Write(PresetsSamples.PythonFile);

        var snapshot = await _temp.Store.LoadAsync(_ct);

        Assert.False(snapshot.IsMalformed);
        Assert.Single(snapshot.SchedulableLists);
    }

    [Fact]
    public async Task An_invalid_new_list_is_refused_with_its_errors()
    {
        var snapshot = await _temp.Store.LoadAsync(_ct);
        var bad = PresetsSamples.ValidList("Bad") with { CronSchedule = "*/2 * * * *", Parts = [] };

        var ex = await Assert.ThrowsAsync<PresetsValidationException>(() => _temp.Store.AddListAsync(bad, snapshot.Version, _ct));

        Assert.Equal(["parts", "cron_schedule"], ex.Errors.Select(e => e.Field));
        Assert.Contains("List \"Bad\": cron_schedule \"*/2 * * * *\" runs every 2 minutes", ex.Message);
        Assert.False(File.Exists(_temp.FilePath));
    }

    [Fact]
    public async Task A_valid_list_is_saved_even_when_another_list_is_invalid()
    {
        _temp.Write(PresetsSamples.PythonFile.Replace("\"0 7 * * 1-5\"", "\"not a cron\""));
        var snapshot = await _temp.Store.LoadAsync(_ct);
        Assert.False(snapshot.IsValid(PresetsSamples.ListId));
        Assert.Contains("cron_schedule \"not a cron\"", snapshot.ValidationOf(PresetsSamples.ListId)!.Errors[0].Message);

        var saved = await _temp.Store.AddListAsync(PresetsSamples.ValidList(), snapshot.Version, _ct);

        Assert.True(saved.Snapshot.IsValid(saved.List.Id));
        Assert.False(saved.Snapshot.IsValid(PresetsSamples.ListId));
        Assert.Equal([saved.List.Id], saved.Snapshot.SchedulableLists.Select(l => l.Id));
    }

    [Fact]
    public async Task An_invalid_list_may_be_paused_but_not_updated_while_it_stays_invalid()
    {
        _temp.Write(PresetsSamples.PythonFile.Replace("\"0 7 * * 1-5\"", "\"not a cron\""));
        var snapshot = await _temp.Store.LoadAsync(_ct);

        snapshot = await _temp.Store.SetActiveAsync(PresetsSamples.ListId, false, snapshot.Version, _ct);
        Assert.False(snapshot.FindList(PresetsSamples.ListId)!.Active);

        var renamed = snapshot.FindList(PresetsSamples.ListId)! with { Name = "Renamed" };
        await Assert.ThrowsAsync<PresetsValidationException>(() => _temp.Store.UpdateListAsync(renamed, snapshot.Version, _ct));
    }

    [Fact]
    public async Task Updating_and_deleting_a_list_change_the_file_and_an_unknown_id_is_reported()
    {
        _temp.Write(PresetsSamples.PythonFile);
        var snapshot = await _temp.Store.LoadAsync(_ct);
        var list = snapshot.FindList(PresetsSamples.ListId)!;

        snapshot = await _temp.Store.UpdateListAsync(list with { Name = "A < B & \"C\"" }, snapshot.Version, _ct);
        Assert.Equal("A < B & \"C\"", (await _temp.Store.LoadAsync(_ct)).FindList(list.Id)!.Name);

        snapshot = await _temp.Store.DeleteListAsync(list.Id, snapshot.Version, _ct);
        Assert.Empty(snapshot.MonitoringLists);
        Assert.Contains("\"filepath\"", _temp.Read());

        var ex = await Assert.ThrowsAsync<PresetsListNotFoundException>(() => _temp.Store.DeleteListAsync(list.Id, snapshot.Version, _ct));
        Assert.Contains(list.Id, ex.Message);
    }

    [Fact]
    public async Task A_new_list_with_a_name_already_used_is_refused()
    {
        _temp.Write(PresetsSamples.PythonFile);
        var snapshot = await _temp.Store.LoadAsync(_ct);

        var ex = await Assert.ThrowsAsync<PresetsValidationException>(
            () => _temp.Store.AddListAsync(PresetsSamples.ValidList("widget line, WEEKLY"), snapshot.Version, _ct));

        Assert.Equal("List \"widget line, WEEKLY\": name \"widget line, WEEKLY\" is already used by another list", Assert.Single(ex.Errors).Message);
    }

    [Fact]
    public async Task Subscribers_hear_each_new_version_once()
    {
        _temp.Write(PresetsSamples.PythonFile);
        var seen = new List<string>();
        using var _ = _temp.Store.Subscribe(s => seen.Add(s.Version));

        var first = await _temp.Store.LoadAsync(_ct);
        await _temp.Store.LoadAsync(_ct);
        var second = await _temp.Store.SetLastHashAsync(PresetsSamples.ListId, "h", _ct);

        Assert.Equal([first.Version, second.Version], seen);
    }
}

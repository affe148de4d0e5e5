using MonitorDashboard.Presets;

namespace MonitorDashboard.Tests.Presets;

/// <summary>
/// presets.json vanishing, emptied or unreadable while the app runs is an error state that says what happened and where
/// the last version is, never "zero lists", and writes then refuse instead of creating a file with only their change.
/// </summary>
public sealed class PresetsFileLossTests : IDisposable
{
    private readonly TempPresetsFolder _temp;
    private readonly InterleavingFileSystem _files;
    private readonly PresetsStore _store;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public PresetsFileLossTests()
    {
        _temp = new TempPresetsFolder();
        _files = new InterleavingFileSystem(_temp.FilePath);
        _store = _temp.NewStore(_files);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task At_start_up_a_missing_or_empty_file_is_an_empty_document_for_a_newcomer()
    {
        var missing = await _store.LoadAsync(_ct);
        _temp.Write("  \n");
        var empty = await _store.LoadAsync(_ct);

        Assert.Null(missing.FileError);
        Assert.Empty(missing.MonitoringLists);
        Assert.Null(empty.FileError);
        Assert.Empty(empty.MonitoringLists);
    }

    [Fact]
    public async Task A_file_deleted_after_it_held_lists_is_an_error_that_names_the_count_and_the_kept_copy()
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _store.LoadAsync(_ct);
        File.Delete(_temp.FilePath);

        var snapshot = await _store.LoadAsync(_ct);

        var error = Assert.IsType<PresetsFileError>(snapshot.FileError);
        Assert.Equal(PresetsFileProblem.Missing, error.Problem);
        var copy = Assert.Single(_temp.Generations());
        Assert.Equal(
            $"{_temp.FilePath} has disappeared (it had 1 monitoring list); nothing runs until it is back. The last version is in {copy}",
            error.ToString());
        Assert.Equal(PresetsSamples.PythonFile, File.ReadAllText(copy));
        Assert.Empty(snapshot.SchedulableLists);
        Assert.True(snapshot.IsMalformed);
        Assert.Equal(PresetsSnapshot.MissingFileVersion, snapshot.Version);
    }

    [Fact]
    public async Task Writes_to_a_vanished_file_are_refused_and_do_not_create_a_file_with_only_the_change()
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _store.LoadAsync(_ct);
        File.Delete(_temp.FilePath);
        var snapshot = await _store.LoadAsync(_ct);

        var add = await Assert.ThrowsAsync<PresetsFileException>(() => _store.AddListAsync(PresetsSamples.ValidList(), snapshot.Version, _ct));
        var hash = await Assert.ThrowsAsync<PresetsFileException>(() => _store.SetLastHashAsync(PresetsSamples.ListId, "abc", _ct));

        Assert.False(File.Exists(_temp.FilePath));
        Assert.StartsWith($"{_temp.FilePath} has disappeared (it had 1 monitoring list)", add.Message, StringComparison.Ordinal);
        Assert.EndsWith("; your change was not saved", add.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', add.Message);
        Assert.Equal(PresetsFileProblem.Missing, hash.Error.Problem);
        Assert.Single(_temp.Generations()); // one copy per time the file goes missing, not one per attempt
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    public async Task A_file_emptied_after_it_held_lists_is_an_error_and_is_not_written(string content)
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _store.LoadAsync(_ct);
        _temp.Write(content);

        var snapshot = await _store.LoadAsync(_ct);

        Assert.Equal(PresetsFileProblem.Empty, snapshot.FileError?.Problem);
        Assert.StartsWith($"{_temp.FilePath} has been emptied (it had 1 monitoring list); nothing runs until its content is back. The last version is in ",
            snapshot.FileError!.ToString(), StringComparison.Ordinal);
        await Assert.ThrowsAsync<PresetsFileException>(() => _store.SetLastHashAsync(PresetsSamples.ListId, "abc", _ct));
        Assert.Equal(content, _temp.Read());
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_an_error_snapshot_not_an_exception_and_is_not_written()
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _store.LoadAsync(_ct);
        _files.ReadFailure = new IOException("Input/output error");

        var snapshot = await _store.LoadAsync(_ct);

        Assert.Equal(PresetsFileProblem.Unreadable, snapshot.FileError?.Problem);
        Assert.StartsWith(
            $"{_temp.FilePath} cannot be read (Input/output error) (it had 1 monitoring list); nothing runs until it can be read again. The last version is in ",
            snapshot.FileError!.ToString(), StringComparison.Ordinal);
        Assert.Equal(PresetsSnapshot.UnreadableFileVersion, snapshot.Version);
        await Assert.ThrowsAsync<PresetsFileException>(() => _store.SetLastHashAsync(PresetsSamples.ListId, "abc", _ct));
        Assert.Equal(PresetsSamples.PythonFile, _temp.Read());
    }

    [Fact]
    public async Task A_path_that_is_no_longer_a_readable_file_is_reported_even_at_start_up()
    {
        Directory.CreateDirectory(_temp.FilePath); // e.g. a Docker bind mount of a file that did not exist on the host

        var snapshot = await _store.LoadAsync(_ct);

        Assert.Equal(PresetsFileProblem.Unreadable, snapshot.FileError?.Problem);
        Assert.Contains("cannot be read (Access to the path", snapshot.FileError!.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PresetsFileException>(() => _store.AddListAsync(PresetsSamples.ValidList(), snapshot.Version, _ct));
    }

    [Fact]
    public async Task When_the_file_is_back_and_valid_snapshots_are_normal_again()
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _store.LoadAsync(_ct);
        File.Delete(_temp.FilePath);
        Assert.NotNull((await _store.LoadAsync(_ct)).FileError);

        File.Copy(Assert.Single(_temp.Generations()), _temp.FilePath);
        var back = await _store.LoadAsync(_ct);

        Assert.Null(back.FileError);
        Assert.Single(back.SchedulableLists);
        await _store.SetLastHashAsync(PresetsSamples.ListId, "abc", _ct);
        Assert.Contains("\"last_hash\": \"abc\"", _temp.Read());
    }

    [Fact]
    public async Task A_second_loss_keeps_its_own_copy_of_the_version_before_it()
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _store.LoadAsync(_ct);
        File.Delete(_temp.FilePath);
        await _store.LoadAsync(_ct);
        var renamed = PresetsSamples.PythonFile.Replace("Widget line, weekly", "Restored and renamed");
        _temp.Write(renamed);
        await _store.LoadAsync(_ct);

        _temp.Write("");
        var snapshot = await _store.LoadAsync(_ct);

        Assert.Equal(2, _temp.Generations().Length);
        Assert.Equal(renamed, File.ReadAllText(_temp.Generations()[^1]));
        Assert.EndsWith(_temp.Generations()[^1], snapshot.FileError!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_deleted_when_it_held_no_lists_loses_nothing_and_reads_as_empty()
    {
        _temp.Write("""{ "presets": [], "monitoring_lists": [] }""");
        await _store.LoadAsync(_ct);
        File.Delete(_temp.FilePath);

        var snapshot = await _store.LoadAsync(_ct);

        Assert.Null(snapshot.FileError);
        Assert.Empty(snapshot.MonitoringLists);
    }

    [Fact]
    public async Task Subscribers_hear_of_the_loss_and_of_the_return_once_each()
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _store.LoadAsync(_ct);
        var seen = new List<PresetsFileProblem?>();
        using var _ = _store.Subscribe(s => seen.Add(s.FileError?.Problem));

        File.Delete(_temp.FilePath);
        await _store.LoadAsync(_ct);
        await _store.LoadAsync(_ct);
        _temp.Write(PresetsSamples.PythonFile);
        await _store.LoadAsync(_ct);

        Assert.Equal([PresetsFileProblem.Missing, null], seen);
    }
}

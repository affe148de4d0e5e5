using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Tests.Presets;

/// <summary>
/// The atomic replace of presets.json on real files: the old content kept in the .bak (and as a generation when asked),
/// nothing written over a file someone else changed meanwhile, and no temp file left behind either way.
/// </summary>
public sealed class PresetsReplacerTests : IDisposable
{
    private static readonly byte[] Old = Encoding.UTF8.GetBytes("""{ "presets": [] }""");
    private static readonly byte[] New = Encoding.UTF8.GetBytes("""{ "presets": [], "monitoring_lists": [] }""");

    private readonly TempPresetsFolder _temp = new();
    private readonly PresetsBackups _backups;
    private readonly PresetsReplacer _replacer;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public PresetsReplacerTests()
    {
        var files = new PresetsFileSystem();
        _backups = new PresetsBackups(_temp.FilePath, 10, _temp.Time, files);
        _replacer = new PresetsReplacer(_temp.FilePath, _temp.FilePath + ".bak", files, _backups, NullLogger.Instance);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_replace_writes_the_new_content_keeps_the_old_in_the_bak_and_records_the_latest_version()
    {
        File.WriteAllBytes(_temp.FilePath, Old);

        var replaced = await _replacer.TryReplaceAsync(Old, New, keepGeneration: false, _ct);

        Assert.Equal(new PresetsReplaced(PresetsReading.VersionOf(New), null), replaced);
        Assert.Equal(New, File.ReadAllBytes(_temp.FilePath));
        Assert.Equal(Old, File.ReadAllBytes(_temp.FilePath + ".bak"));
        Assert.Equal(New, File.ReadAllBytes(_backups.LatestPath));
        Assert.Empty(_temp.Generations());
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task A_replace_asked_to_keep_a_generation_keeps_the_old_content_there_too()
    {
        File.WriteAllBytes(_temp.FilePath, Old);

        var replaced = await _replacer.TryReplaceAsync(Old, New, keepGeneration: true, _ct);

        var generation = Assert.Single(_temp.Generations());
        Assert.Equal(generation, replaced!.Generation);
        Assert.Equal(Old, File.ReadAllBytes(generation));
    }

    [Fact]
    public async Task A_file_someone_else_changed_meanwhile_is_left_as_they_wrote_it_without_a_temp_file()
    {
        var theirs = Encoding.UTF8.GetBytes("""{ "presets": [ { "name": "theirs" } ] }""");
        File.WriteAllBytes(_temp.FilePath, theirs);

        Assert.Null(await _replacer.TryReplaceAsync(Old, New, keepGeneration: false, _ct));

        Assert.Equal(theirs, File.ReadAllBytes(_temp.FilePath));
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task A_first_write_where_no_file_was_keeps_no_backup()
    {
        var replaced = await _replacer.TryReplaceAsync(null, New, keepGeneration: true, _ct);

        Assert.Null(replaced!.Generation);
        Assert.Equal(New, File.ReadAllBytes(_temp.FilePath));
        Assert.False(File.Exists(_temp.FilePath + ".bak"));
    }

    private string[] TempFiles() => Directory.GetFiles(_temp.Folder, "*.tmp");
}

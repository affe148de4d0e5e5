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

    private readonly TempPresetsFolder temp = new();
    private readonly PresetsBackups backups;
    private readonly PresetsReplacer replacer;
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    public PresetsReplacerTests()
    {
        var files = new PresetsFileSystem();
        backups = new PresetsBackups(temp.FilePath, 10, temp.Time, files);
        replacer = new PresetsReplacer(temp.FilePath, temp.FilePath + ".bak", files, backups, NullLogger.Instance);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_replace_writes_the_new_content_keeps_the_old_in_the_bak_and_records_the_latest_version()
    {
        File.WriteAllBytes(temp.FilePath, Old);

        var replaced = await replacer.TryReplaceAsync(Old, New, keepGeneration: false, ct);

        Assert.Equal(new PresetsReplaced(PresetsReading.VersionOf(New), null), replaced);
        Assert.Equal(New, File.ReadAllBytes(temp.FilePath));
        Assert.Equal(Old, File.ReadAllBytes(temp.FilePath + ".bak"));
        Assert.Equal(New, File.ReadAllBytes(backups.LatestPath));
        Assert.Empty(temp.Generations());
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task A_replace_asked_to_keep_a_generation_keeps_the_old_content_there_too()
    {
        File.WriteAllBytes(temp.FilePath, Old);

        var replaced = await replacer.TryReplaceAsync(Old, New, keepGeneration: true, ct);

        var generation = Assert.Single(temp.Generations());
        Assert.Equal(generation, replaced!.Generation);
        Assert.Equal(Old, File.ReadAllBytes(generation));
    }

    [Fact]
    public async Task A_file_someone_else_changed_meanwhile_is_left_as_they_wrote_it_without_a_temp_file()
    {
        var theirs = Encoding.UTF8.GetBytes("""{ "presets": [ { "name": "theirs" } ] }""");
        File.WriteAllBytes(temp.FilePath, theirs);

        Assert.Null(await replacer.TryReplaceAsync(Old, New, keepGeneration: false, ct));

        Assert.Equal(theirs, File.ReadAllBytes(temp.FilePath));
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task A_first_write_where_no_file_was_keeps_no_backup()
    {
        var replaced = await replacer.TryReplaceAsync(null, New, keepGeneration: true, ct);

        Assert.Null(replaced!.Generation);
        Assert.Equal(New, File.ReadAllBytes(temp.FilePath));
        Assert.False(File.Exists(temp.FilePath + ".bak"));
    }

    private string[] TempFiles() => Directory.GetFiles(temp.Folder, "*.tmp");
}

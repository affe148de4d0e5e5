using System.Text.Json.Nodes;
using MonitorDashboard.Presets;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Presets;

/// <summary>
/// Several writers at once — <c>monitor</c> commands in their own processes, the dashboard's store, a program that
/// takes no lock (the Python tool, an editor) — and nothing any of them saved is lost.
/// </summary>
[ProcessTests]
public sealed class PresetsConcurrentWritersTests : IDisposable
{
    private const string Conflict = "was changed by someone else since it was loaded";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly InterleavingFileSystem _files;
    private readonly TempPresetsFolder _temp;
    private readonly PresetsStore _store;

    public PresetsConcurrentWritersTests()
    {
        _temp = new TempPresetsFolder(TimeProvider.System);
        _files = new InterleavingFileSystem(_temp.FilePath);
        _store = _temp.NewStore(_files);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Monitor_add_processes_and_in_process_saves_at_the_same_time_lose_nothing()
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _store.LoadAsync(_ct);
        var cliNames = Enumerable.Range(1, 4).Select(i => $"From process {i}").ToList();
        var running = cliNames.ToDictionary(name => AddFromCli(name), name => name);
        var attempts = cliNames.ToDictionary(name => name, _ => 1);
        var ownNames = new List<string>();
        var lastHash = "";
        var writes = 0;

        while (running.Count > 0)
        {
            var finished = await Task.WhenAny(running.Keys);
            var name = running[finished];
            running.Remove(finished);

            // Whenever one command ends, this process writes while the others are still reading and saving: a hash
            // (never refused, redone from the new content) and every other time a list of its own.
            lastHash = $"hash-{++writes}";
            await _store.SetLastHashAsync(PresetsSamples.ListId, lastHash, _ct);
            if (writes % 2 == 1)
            {
                ownNames.Add(await AddInProcessAsync($"In process {writes}"));
            }

            // A command refused because another writer saved between its read and its save says so and is run again,
            // as a user would, alongside the others; anything else (a lock timeout, an error) fails the test.
            var result = await finished;
            if (result.ExitCode != 0)
            {
                Assert.Contains(Conflict, result.StdErr, StringComparison.Ordinal);
                Assert.True(++attempts[name] <= 10, $"{name} was refused 10 times");
                running.Add(AddFromCli(name), name);
            }
        }

        var lists = JsonNode.Parse(_temp.Read())!["monitoring_lists"]!.AsArray();
        string[] expected = ["Widget line, weekly", .. cliNames, .. ownNames];
        Assert.Equal(expected.Order(StringComparer.Ordinal), lists.Select(l => (string)l!["name"]!).Order(StringComparer.Ordinal));
        Assert.Equal(lastHash, (string?)lists.Single(l => (string?)l!["id"] == PresetsSamples.ListId)!["last_hash"]);
    }

    [Fact]
    public async Task A_monitor_command_cannot_write_while_a_save_in_this_process_holds_the_lock()
    {
        _temp.Write(PresetsSamples.PythonFile);
        var snapshot = await _store.LoadAsync(_ct);
        ProcessResult? cli = null;
        // Mid-save (temp file written, lock held), a command in another process tries to add a list and gives up after 1 s.
        _files.OnceBeforeReplace(async _ => cli = await AppProcess.RunAsync(
            ["monitor", "add", "--name", "From the terminal", "--parts", "Widget Assembly:10", "--schedule", "0 7 * * 1-5", "--recipients", "a@example.com"],
            new Dictionary<string, string?> { ["PRESETS_FILE_PATH"] = _temp.FilePath, ["Presets__LockTimeout"] = "00:00:01" }));

        await _store.AddListAsync(PresetsSamples.ValidList("Saved in the dashboard"), snapshot.Version, _ct);

        Assert.NotNull(cli);
        Assert.Equal(1, cli.ExitCode);
        Assert.Equal(
            $"error: {_temp.FilePath} is being written by another program (lock file {_temp.FilePath}.lock); nothing was written, try again",
            cli.StdErr.Trim());
        Assert.Contains("Saved in the dashboard", _temp.Read());
        Assert.DoesNotContain("From the terminal", _temp.Read());
    }

    [Fact]
    public async Task A_user_save_is_refused_when_another_program_changes_the_file_between_read_and_rename_and_that_change_is_kept()
    {
        _temp.Write(PresetsSamples.PythonFile);
        var snapshot = await _store.LoadAsync(_ct);
        var byHand = PresetsSamples.PythonFile.Replace("Widget line, weekly", "Renamed by hand");
        _files.OnceBeforeReplace(_ => File.WriteAllTextAsync(_temp.FilePath, byHand, _ct));

        await Assert.ThrowsAsync<PresetsConflictException>(() => _store.AddListAsync(PresetsSamples.ValidList(), snapshot.Version, _ct));

        Assert.Equal(byHand, _temp.Read());
        Assert.Empty(Directory.GetFiles(_temp.Folder, "*.tmp"));
    }

    [Fact]
    public async Task A_last_hash_update_redoes_its_change_on_top_of_a_change_made_between_read_and_rename()
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _store.LoadAsync(_ct);
        var byHand = PresetsSamples.PythonFile.Replace("\"name\": \"Test\"", "\"name\": \"Preset edited in the Python tool\"");
        _files.OnceBeforeReplace(_ => File.WriteAllTextAsync(_temp.FilePath, byHand, _ct));

        var saved = await _store.SetLastHashAsync(PresetsSamples.ListId, "abc123", _ct);

        var written = JsonNode.Parse(_temp.Read())!;
        Assert.Equal("Preset edited in the Python tool", (string?)written["presets"]![0]!["name"]);
        Assert.Equal("abc123", (string?)written["monitoring_lists"]![0]!["last_hash"]);
        Assert.Equal("abc123", saved.FindList(PresetsSamples.ListId)!.LastHash);
        Assert.Empty(Directory.GetFiles(_temp.Folder, "*.tmp"));
    }

    [Fact]
    public async Task A_last_hash_update_gives_up_after_a_few_attempts_when_the_file_never_stops_changing()
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _store.LoadAsync(_ct);
        var edits = 0;
        _files.EveryReplace = _ => File.WriteAllTextAsync(_temp.FilePath, PresetsSamples.PythonFile.Replace("Widget line, weekly", $"Edit {++edits}"), _ct);

        var ex = await Assert.ThrowsAsync<PresetsConflictException>(() => _store.SetLastHashAsync(PresetsSamples.ListId, "abc123", _ct));

        Assert.Equal(3, edits);
        Assert.Contains("kept being changed by another program", ex.Message);
        Assert.Contains("\"Edit 3\"", _temp.Read());
        Assert.DoesNotContain("abc123", _temp.Read());
    }

    private Task<ProcessResult> AddFromCli(string name) =>
        AppProcess.RunAsync(
            ["monitor", "add", "--name", name, "--parts", "Widget Assembly:10", "--schedule", "0 7 * * 1-5", "--recipients", "planning@example.com"],
            new Dictionary<string, string?> { ["PRESETS_FILE_PATH"] = _temp.FilePath },
            timeout: TimeSpan.FromSeconds(120));

    private async Task<string> AddInProcessAsync(string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await _store.LoadAsync(_ct);
            try
            {
                await _store.AddListAsync(PresetsSamples.ValidList(name), snapshot.Version, _ct);
                return name;
            }
            catch (PresetsConflictException) when (attempt < 50)
            {
                // a monitor command saved first: read again, as the dashboard's "reload" does
            }
        }
    }
}

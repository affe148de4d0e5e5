using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.History;

/// <summary>The spool for runs the history database could not take: whole files only, written back in order, bad files set aside.</summary>
public sealed class PendingRunsTests : IAsyncDisposable
{
    private readonly HistoryTestDatabase _db = new();
    private readonly PendingRuns _pending;

    public PendingRunsTests() =>
        _pending = new PendingRuns(Options.Create(new HistoryOptions { DatabasePath = _db.Path }), NullLogger<PendingRuns>.Instance);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task The_spool_is_a_folder_beside_the_database_and_empty_until_a_run_is_kept()
    {
        Assert.Equal(Path.Combine(Path.GetDirectoryName(_db.Path)!, "pending-runs"), _pending.Folder);
        Assert.Equal(0, _pending.Count);
        Assert.Equal(0, await _pending.WriteWaitingAsync((_, _) => throw new InvalidOperationException("nothing waits"), Ct));
    }

    [Fact]
    public async Task A_kept_run_is_one_whole_json_file_named_after_the_run_and_nothing_else_is_left()
    {
        var run = RunSamples.Full();

        Assert.True(await _pending.KeepAsync(run, Ct));

        var file = Assert.Single(Directory.GetFiles(_pending.Folder));
        Assert.Equal(run.Summary.RunId.ToString("N") + ".json", Path.GetFileName(file));
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(file, Ct));
        Assert.Equal(run.Summary.RunId.ToString(), json.RootElement.GetProperty("summary").GetProperty("run_id").GetString());
        Assert.Equal(1, _pending.Count);
    }

    [Fact]
    public async Task Waiting_runs_are_written_oldest_first_with_everything_they_carried_and_their_files_removed()
    {
        var runs = new[] { RunSamples.Full(), RunSamples.At("morning", 1), RunSamples.At("evening", 2) };
        for (var i = 0; i < runs.Length; i++)
        {
            await _pending.KeepAsync(runs[i], Ct);
            File.SetLastWriteTimeUtc(Path.Combine(_pending.Folder, runs[i].Summary.RunId.ToString("N") + ".json"), DateTime.UtcNow.AddMinutes(i - 10));
        }
        var written = new List<RunRecord>();

        var count = await _pending.WriteWaitingAsync((run, _) =>
        {
            written.Add(run);
            return Task.CompletedTask;
        }, Ct);

        Assert.Equal(3, count);
        Assert.Equal(runs.Select(RunSamples.Json), written.Select(RunSamples.Json));
        Assert.Empty(Directory.GetFiles(_pending.Folder));
    }

    [Fact]
    public async Task Writing_stops_at_the_first_run_that_fails_and_keeps_it_and_the_rest_for_the_next_try()
    {
        var runs = new[] { RunSamples.At("morning", 0), RunSamples.At("morning", 1), RunSamples.At("morning", 2) };
        for (var i = 0; i < runs.Length; i++)
        {
            await _pending.KeepAsync(runs[i], Ct);
            File.SetLastWriteTimeUtc(Path.Combine(_pending.Folder, runs[i].Summary.RunId.ToString("N") + ".json"), DateTime.UtcNow.AddMinutes(i - 10));
        }

        await Assert.ThrowsAsync<IOException>(() => _pending.WriteWaitingAsync((run, _) =>
            run.Summary.RunId == runs[1].Summary.RunId ? throw new IOException("database is locked") : Task.CompletedTask, Ct));

        Assert.Equal(2, _pending.Count);
        var later = new List<Guid>();
        Assert.Equal(2, await _pending.WriteWaitingAsync((run, _) =>
        {
            later.Add(run.Summary.RunId);
            return Task.CompletedTask;
        }, Ct));
        Assert.Equal([runs[1].Summary.RunId, runs[2].Summary.RunId], later);
    }

    [Theory]
    [InlineData("{ \"summary\": { \"run_id\": ")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{ \"summary\": { \"run_id\": \"6f1c2a3b-0000-0000-0000-000000000001\" } }")]
    public async Task An_unreadable_waiting_file_is_set_aside_as_broken_and_the_others_are_still_written(string content)
    {
        var good = RunSamples.At("morning", 0);
        await _pending.KeepAsync(good, Ct);
        var bad = Path.Combine(_pending.Folder, "0badf00d0badf00d0badf00d0badf00d.json");
        await File.WriteAllTextAsync(bad, content, Ct);
        File.SetLastWriteTimeUtc(bad, DateTime.UtcNow.AddMinutes(-10));
        var written = new List<Guid>();

        var count = await _pending.WriteWaitingAsync((run, _) =>
        {
            written.Add(run.Summary.RunId);
            return Task.CompletedTask;
        }, Ct);

        Assert.Equal(1, count);
        Assert.Equal([good.Summary.RunId], written);
        Assert.Equal([bad + ".broken"], Directory.GetFiles(_pending.Folder));
        Assert.Equal(content, await File.ReadAllTextAsync(bad + ".broken", Ct));
        Assert.Equal(0, _pending.Count);
    }
}

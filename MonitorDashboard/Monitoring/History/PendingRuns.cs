using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Monitoring.History;

/// <summary>
/// Runs that could not be written to the history database (locked by another process for longer than
/// <c>History:BusyTimeout</c>, a full disk) wait as one JSON file each in <c>pending-runs</c> beside the database and
/// are written once it answers again, so a run is never lost. Files are written under a temporary name and renamed,
/// so a crash leaves either a whole file or none; the folder is bounded.
/// </summary>
public sealed partial class PendingRuns(IOptions<HistoryOptions> options, ILogger<PendingRuns> logger)
{
    /// <summary>More than this many waiting runs means the database has been gone for long; further runs are only logged.</summary>
    public const int Capacity = 10_000;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Folder { get; } = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.Value.DatabasePath)) ?? ".", "pending-runs");

    /// <summary>How many runs are waiting (0 when the folder does not exist).</summary>
    public int Count => Directory.Exists(Folder) ? Directory.EnumerateFiles(Folder, "*.json").Count() : 0;

    /// <summary>Keeps the run for later; false when even that failed (the caller reports it).</summary>
    public async Task<bool> KeepAsync(RunRecord run, CancellationToken ct)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            if (Count >= Capacity)
            {
                LogFull(run.Summary.RunId, Capacity);
                return false;
            }
            var path = Path.Combine(Folder, run.Summary.RunId.ToString("N") + ".json");
            var temporary = path + ".tmp";
            await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                await JsonSerializer.SerializeAsync(stream, new PendingRun(run.Summary, run.Details.Payload), Json, ct);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogKeepFailed(ex, run.Summary.RunId, Folder);
            return false;
        }
    }

    /// <summary>Writes every waiting run with <paramref name="write"/>, oldest first; stops at the first that fails. Returns how many were written.</summary>
    public async Task<int> WriteWaitingAsync(Func<RunRecord, CancellationToken, Task> write, CancellationToken ct)
    {
        if (!Directory.Exists(Folder))
        {
            return 0;
        }
        if (!await _gate.WaitAsync(0, ct))
        {
            return 0; // another tick is at it
        }
        try
        {
            var written = 0;
            var files = Directory.EnumerateFiles(Folder, "*.json").OrderBy(File.GetLastWriteTimeUtc).ThenBy(f => f, StringComparer.Ordinal).ToList();
            foreach (var file in files)
            {
                RunRecord run;
                try
                {
                    await using var stream = File.OpenRead(file);
                    var pending = await JsonSerializer.DeserializeAsync<PendingRun>(stream, Json, ct)
                        ?? throw new JsonException("empty file");
                    // Valid JSON that is not a run (edited by hand, cut short by another tool) must not stop the runs behind it.
                    if (pending.Summary is not { ListId.Length: > 0, ListName: not null } summary || summary.RunId == Guid.Empty)
                    {
                        throw new InvalidDataException("not a run: its summary, run id, list id or list name is missing");
                    }
                    run = RunPayload.Unpack(summary, pending.Payload);
                }
                catch (Exception ex) when (ex is JsonException or InvalidDataException or IOException)
                {
                    var broken = file + ".broken";
                    File.Move(file, broken, overwrite: true);
                    LogUnreadable(ex, broken);
                    continue;
                }
                await write(run, ct);
                File.Delete(file);
                written++;
            }
            if (written > 0)
            {
                LogWritten(written);
            }
            return written;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record PendingRun(RunSummary Summary, byte[]? Payload);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Run {RunId} could not be kept for later in {Folder}; it is only in this log")]
    private partial void LogKeepFailed(Exception exception, Guid runId, string folder);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Run {RunId} was not kept: {Capacity} runs already wait for the history database")]
    private partial void LogFull(Guid runId, int capacity);

    [LoggerMessage(Level = LogLevel.Error, Message = "A waiting run could not be read and was set aside as {File}")]
    private partial void LogUnreadable(Exception exception, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Count} waiting runs to the history database")]
    private partial void LogWritten(int count);
}

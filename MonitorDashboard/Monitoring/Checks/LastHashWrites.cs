using Microsoft.Extensions.Options;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Monitoring.Checks;

/// <summary>What one write of collected <c>last_hash</c> values came to: null error when written; lists no longer in the file.</summary>
public sealed record LastHashWriteResult(Exception? Error, IReadOnlySet<string> Missing);

/// <summary>
/// Writes the <c>last_hash</c> of reports that went out to presets.json, many at a time: at 07:00 a thousand reports
/// would otherwise rewrite the whole file (read, validate, fsync) a thousand times. The first hash after a quiet
/// moment is written at once; hashes arriving while a write is under way, or sooner than
/// <c>Monitoring:LastHashWriteInterval</c> after the last one, wait and go together in the next write. Every caller
/// learns how its own write went.
/// </summary>
public sealed class LastHashWrites(PresetsStore presets, IOptions<MonitoringOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private Batch? _waiting;
    private bool _writing;
    // Completes one interval after the last write started. Its timer starts with the write, before any caller learns
    // the result, so the spacing runs from then on whatever the clock does meanwhile (a test's fake clock included).
    private Task _spacing = Task.CompletedTask;

    /// <summary>Writes made so far (for the status page and the benchmark).</summary>
    public int Writes { get; private set; }

    public Task<LastHashWriteResult> WriteAsync(string listId, string hash)
    {
        lock (_gate)
        {
            var batch = _waiting ??= new Batch();
            batch.Hashes[listId] = hash; // the same list twice before a write: its newer report's hash wins
            if (!_writing)
            {
                _writing = true;
                _ = Task.Run(WriteWaitingAsync);
            }
            return batch.Done.Task;
        }
    }

    private async Task WriteWaitingAsync()
    {
        while (true)
        {
            lock (_gate)
            {
                if (_waiting is null)
                {
                    _writing = false; // nothing waits: the next hash starts a writer again, still spaced by _spacing
                    return;
                }
            }
            await _spacing; // hashes arriving meanwhile join the waiting batch
            Batch batch;
            lock (_gate)
            {
                batch = _waiting!;
                _waiting = null;
            }
            var interval = options.Value.LastHashWriteInterval;
            _spacing = interval > TimeSpan.Zero ? Task.Delay(interval, time) : Task.CompletedTask;
            batch.Done.SetResult(await WriteAsync(batch.Hashes));
        }
    }

    private async Task<LastHashWriteResult> WriteAsync(Dictionary<string, string?> hashes)
    {
        try
        {
            var snapshot = await presets.SetLastHashesAsync(hashes, CancellationToken.None);
            Writes++;
            return new LastHashWriteResult(null, hashes.Keys.Where(id => snapshot.FindList(id) is null).ToHashSet(StringComparer.OrdinalIgnoreCase));
        }
        catch (Exception ex)
        {
            // Every failure goes to the callers, who keep their hash in the history and say so; nothing is thrown
            // into a loop no one awaits.
            return new LastHashWriteResult(ex, new HashSet<string>());
        }
    }

    private sealed class Batch
    {
        public Dictionary<string, string?> Hashes { get; } = new(StringComparer.OrdinalIgnoreCase);

        public TaskCompletionSource<LastHashWriteResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

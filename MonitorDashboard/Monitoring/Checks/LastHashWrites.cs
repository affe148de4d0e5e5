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
    private long _lastWriteStarted;
    private bool _wroteBefore;

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
            var wait = _wroteBefore ? options.Value.LastHashWriteInterval - time.GetElapsedTime(_lastWriteStarted) : TimeSpan.Zero;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time);
            }
            Batch batch;
            lock (_gate)
            {
                if (_waiting is null)
                {
                    _writing = false;
                    return;
                }
                batch = _waiting;
                _waiting = null;
            }
            _lastWriteStarted = time.GetTimestamp();
            _wroteBefore = true;
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

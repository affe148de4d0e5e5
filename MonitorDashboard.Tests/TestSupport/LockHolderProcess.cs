using System.Diagnostics;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// Another program holding a lock until it is told to let go: python3 takes the lock, says "locked", and keeps it until
/// its stdin closes (or it is killed on dispose). Either an exclusive flock(2) on a file, as a second MonitorDashboard
/// process or any well-behaved tool would take on presets.json.lock; or an SQLite <c>BEGIN EXCLUSIVE</c> transaction on
/// a database, as a backup tool or someone in the sqlite3 shell would (in WAL mode others may still read; nobody can write).
/// </summary>
public sealed class LockHolderProcess : IAsyncDisposable
{
    private const string FlockScript =
        "import fcntl,sys; f=open(sys.argv[1],'a'); fcntl.flock(f, fcntl.LOCK_EX); print('locked', flush=True); sys.stdin.read()";

    private const string SqliteScript =
        "import sqlite3,sys; c=sqlite3.connect(sys.argv[1], isolation_level=None); c.execute('BEGIN EXCLUSIVE'); "
        + "print('locked', flush=True); sys.stdin.read()";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    private LockHolderProcess(Process process) => _process = process;

    /// <summary>Takes an exclusive flock on <paramref name="path"/> and returns once it is held.</summary>
    public static Task<LockHolderProcess> StartAsync(string path) => HoldAsync(FlockScript, path);

    /// <summary>Opens a <c>BEGIN EXCLUSIVE</c> transaction on the SQLite file and returns once it holds the database.</summary>
    public static Task<LockHolderProcess> HoldDatabaseAsync(string databasePath) => HoldAsync(SqliteScript, databasePath);

    private static async Task<LockHolderProcess> HoldAsync(string script, string path)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(path);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start python3");
        var holder = new LockHolderProcess(process);
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Deadline);
            if (line != "locked")
            {
                var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken).WaitAsync(Deadline);
                throw new InvalidOperationException($"python3 did not lock {path}: {line} {error}");
            }
            return holder;
        }
        catch
        {
            await holder.DisposeAsync();
            throw;
        }
    }

    /// <summary>Lets go (the process ends; a transaction is not committed) and waits until it has.</summary>
    public async Task ReleaseAsync()
    {
        if (_process.HasExited)
        {
            return;
        }
        _process.StandardInput.Close();
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(Deadline);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ReleaseAsync();
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            _process.Kill();
        }
        _process.Dispose();
    }
}

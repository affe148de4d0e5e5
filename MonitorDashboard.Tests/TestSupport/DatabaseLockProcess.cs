using System.Diagnostics;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// Another process holding an SQLite file's write lock (a <c>BEGIN EXCLUSIVE</c> transaction in python3's sqlite3) until
/// <see cref="ReleaseAsync"/>: what the history database looks like to the app while a backup tool or a stuck
/// <c>monitor run</c> holds it. Killed on dispose if it still runs.
/// </summary>
internal sealed class DatabaseLockProcess : IAsyncDisposable
{
    private const string Script =
        "import sqlite3,sys; c=sqlite3.connect(sys.argv[1], isolation_level=None); c.execute('BEGIN EXCLUSIVE'); "
        + "print('locked', flush=True); sys.stdin.read()";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    private DatabaseLockProcess(Process process) => _process = process;

    /// <summary>Starts the process and returns once it holds the lock.</summary>
    public static async Task<DatabaseLockProcess> HoldAsync(string databasePath)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(databasePath);
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 could not be started");
        var holder = new DatabaseLockProcess(process);
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Deadline);
            if (line != "locked")
            {
                var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken).WaitAsync(Deadline);
                throw new InvalidOperationException($"python3 did not lock {databasePath}: {line} {error}");
            }
            return holder;
        }
        catch
        {
            await holder.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ends the transaction (the process exits when its stdin closes) and waits until the lock is gone.</summary>
    public async Task ReleaseAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(Deadline);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(Deadline);
        }
        _process.Dispose();
    }
}

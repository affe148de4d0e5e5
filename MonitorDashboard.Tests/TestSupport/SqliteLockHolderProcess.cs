using System.Diagnostics;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// Another program holding an SQLite database with <c>BEGIN EXCLUSIVE</c> (a backup tool, a second app, someone in the
/// sqlite3 shell): python3 opens a transaction, says "locked", and keeps it until its stdin closes (or it is killed).
/// In WAL mode others may still read; nobody else can write.
/// </summary>
public sealed class SqliteLockHolderProcess : IAsyncDisposable
{
    private const string Script =
        "import sqlite3,sys; c=sqlite3.connect(sys.argv[1], isolation_level=None); c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); sys.stdin.read()";

    private readonly Process _process;

    private SqliteLockHolderProcess(Process process) => _process = process;

    /// <summary>Starts the holder and returns once its transaction holds the database.</summary>
    public static async Task<SqliteLockHolderProcess> StartAsync(string databasePath)
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
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start python3");
        var holder = new SqliteLockHolderProcess(process);
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        if (line != "locked")
        {
            var error = await process.StandardError.ReadToEndAsync();
            await holder.DisposeAsync();
            throw new InvalidOperationException($"the database lock holder did not take the lock: {line} {error}");
        }
        return holder;
    }

    /// <summary>Ends the transaction (the process ends without committing) and waits until it has.</summary>
    public async Task ReleaseAsync()
    {
        if (_process.HasExited)
        {
            return;
        }
        _process.StandardInput.Close();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ReleaseAsync();
        }
        catch (TimeoutException)
        {
            _process.Kill();
        }
        _process.Dispose();
    }
}

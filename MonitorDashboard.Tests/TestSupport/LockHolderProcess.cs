using System.Diagnostics;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// Another program holding an exclusive flock(2) on a file, as a second MonitorDashboard process or any well-behaved
/// tool would: python3 takes the lock, says "locked", and keeps it until its stdin closes (or it is killed).
/// </summary>
public sealed class LockHolderProcess : IAsyncDisposable
{
    private const string Script =
        "import fcntl,sys; f=open(sys.argv[1],'a'); fcntl.flock(f, fcntl.LOCK_EX); print('locked', flush=True); sys.stdin.read()";

    private readonly Process process;

    private LockHolderProcess(Process process) => this.process = process;

    /// <summary>Starts the holder and returns once it holds the lock.</summary>
    public static async Task<LockHolderProcess> StartAsync(string path)
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
        start.ArgumentList.Add(path);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start python3");
        var holder = new LockHolderProcess(process);
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        if (line != "locked")
        {
            var error = await process.StandardError.ReadToEndAsync();
            await holder.DisposeAsync();
            throw new InvalidOperationException($"the lock holder did not take the lock: {line} {error}");
        }
        return holder;
    }

    /// <summary>Lets go of the lock (the process ends) and waits until it has.</summary>
    public async Task ReleaseAsync()
    {
        if (process.HasExited)
        {
            return;
        }
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ReleaseAsync();
        }
        catch (TimeoutException)
        {
            process.Kill();
        }
        process.Dispose();
    }
}

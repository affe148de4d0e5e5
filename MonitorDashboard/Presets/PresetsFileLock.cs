namespace MonitorDashboard.Presets;

/// <summary>
/// The advisory lock every writer of presets.json takes on <c>presets.json.lock</c> beside it, around
/// read-compare-write: this app, <c>monitor</c> commands in other processes, a second store in the same process.
/// Opening with <see cref="FileShare.None"/> is an exclusive, non-blocking flock(2) on Linux and macOS (a share-mode
/// lock on Windows), released when the stream is closed or the process dies; so the wait is a retry loop with a
/// deadline on the injected clock. The lock file is created when missing and never deleted: deleting it would let
/// a waiting writer lock a file that a newcomer no longer sees.
/// </summary>
internal sealed class PresetsFileLock(string filePath, TimeSpan timeout, TimeProvider time)
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(50);

    public string Path { get; } = filePath + ".lock";

    /// <summary>
    /// True when this process was told not to lock files (<c>System.IO.DisableFileLocking</c> or
    /// <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c>): .NET then silently skips the flock, and writers are not kept apart.
    /// </summary>
    public static bool IsDisabledForProcess =>
        (AppContext.TryGetSwitch("System.IO.DisableFileLocking", out var disabled) && disabled)
        || Environment.GetEnvironmentVariable("DOTNET_SYSTEM_IO_DISABLEFILELOCKING") is "1" or "true" or "True" or "TRUE";

    /// <summary>Waits up to the timeout for the lock; dispose the result to release it.</summary>
    /// <exception cref="PresetsLockTimeoutException">Another program held it the whole time.</exception>
    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            try
            {
                return new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            }
            catch (IOException ex) when (IsHeldByAnother(ex))
            {
                var waited = time.GetElapsedTime(started);
                if (waited >= timeout)
                {
                    throw new PresetsLockTimeoutException(filePath, Path, ex);
                }
                var pause = timeout - waited < RetryInterval ? timeout - waited : RetryInterval;
                await Task.Delay(pause, time, cancellationToken);
            }
        }
    }

    // .NET reports a lock held elsewhere as an IOException whose HResult is the raw errno on Unix (EWOULDBLOCK:
    // 11 on Linux, 35 on macOS) and ERROR_SHARING_VIOLATION / ERROR_LOCK_VIOLATION on Windows. Anything else
    // (permissions, a read-only disk) is a real failure and is not waited out.
    private static bool IsHeldByAnother(IOException ex) =>
        ex.GetType() == typeof(IOException)
        && ex.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);
}

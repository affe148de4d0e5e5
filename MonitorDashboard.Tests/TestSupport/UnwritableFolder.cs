using System.Diagnostics;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// Makes a folder refuse new entries (no file created, renamed or deleted in it) until disposed, as a read-only
/// share or a locked-down deployment would: <c>chattr +i</c> where that works (as root, whom permissions do not stop),
/// otherwise <c>chmod 555</c>. Each way is checked by trying to create a file; <see cref="TryMake"/> says why when
/// neither works here, so the test can skip with that reason.
/// </summary>
internal sealed class UnwritableFolder : IDisposable
{
    private readonly UnixFileMode? _modeBefore;
    private bool _disposed;

    private UnwritableFolder(string folder, UnixFileMode? modeBefore)
    {
        Folder = folder;
        _modeBefore = modeBefore;
    }

    public string Folder { get; }

    public static UnwritableFolder? TryMake(string folder, out string reason)
    {
        if (OperatingSystem.IsWindows())
        {
            reason = "folders are made unwritable with chattr or chmod, which this system does not have";
            return null;
        }
        if (RunChattr("+i", folder) && Refuses(folder))
        {
            reason = "";
            return new UnwritableFolder(folder, null);
        }
        RunChattr("-i", folder);

        var mode = File.GetUnixFileMode(folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        if (Refuses(folder))
        {
            reason = "";
            return new UnwritableFolder(folder, mode);
        }
        File.SetUnixFileMode(folder, mode);
        reason = $"cannot make {folder} unwritable here: chattr +i is not available or not allowed, and chmod 555 does not stop this user";
        return null;
    }

    /// <summary>Writable again (idempotent).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_modeBefore is null)
        {
            RunChattr("-i", Folder);
        }
        else if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Folder, _modeBefore.Value);
        }
    }

    private static bool Refuses(string folder)
    {
        var probe = Path.Combine(folder, ".probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllText(probe, "");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }
        File.Delete(probe);
        return false;
    }

    private static bool RunChattr(string flag, string folder)
    {
        try
        {
            var start = new ProcessStartInfo("chattr") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(flag);
            start.ArgumentList.Add(folder);
            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }
            process.StandardError.ReadToEnd();
            return process.WaitForExit(TimeSpan.FromSeconds(30)) && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no chattr on this machine
        }
    }
}

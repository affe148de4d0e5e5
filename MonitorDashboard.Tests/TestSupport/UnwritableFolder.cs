using System.Diagnostics;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// A folder in which no file can be created or renamed, as on a read-only mount or a folder the service account may
/// not write: files in it can still be read. As root a mode change stops nothing, so root gets <c>chattr +i</c> on the
/// folder (immutable: no entries added, removed or renamed); anyone else gets mode 555. Undone on dispose (or by
/// <see cref="MakeWritable"/>), so the temp folder can be deleted. Skips the test, saying why, when neither works here
/// (a file system without the immutable attribute, no chattr).
/// </summary>
internal sealed class UnwritableFolder : IDisposable
{
    private readonly string _folder;
    private readonly UnixFileMode? _modeBefore;
    private bool _undone;

    private UnwritableFolder(string folder, UnixFileMode? modeBefore)
    {
        _folder = folder;
        _modeBefore = modeBefore;
    }

    /// <summary>How the folder was made unwritable, for messages.</summary>
    public string How => _modeBefore is null ? "chattr +i" : "chmod 555";

    public static UnwritableFolder Make(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("making a folder unwritable is done with chattr/chmod, which Windows does not have");
            throw new PlatformNotSupportedException();
        }
        UnwritableFolder made;
        if (Environment.IsPrivilegedProcess)
        {
            var (exitCode, output) = Chattr("+i", folder);
            Assert.SkipWhen(exitCode != 0, $"running as root, and `chattr +i {folder}` failed ({exitCode}: {output.Trim()}); without it root writes anywhere");
            made = new UnwritableFolder(folder, null);
        }
        else
        {
            var before = File.GetUnixFileMode(folder);
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            made = new UnwritableFolder(folder, before);
        }
        if (!made.RefusesNewFiles(out var why))
        {
            made.Dispose();
            Assert.Skip($"{made.How} did not make {folder} unwritable here ({why})");
        }
        return made;
    }

    /// <summary>Undoes it now (idempotent; dispose does the same).</summary>
    public void MakeWritable()
    {
        if (_undone)
        {
            return;
        }
        if (_modeBefore is { } mode && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder, mode);
        }
        else
        {
            var (exitCode, output) = Chattr("-i", _folder);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"`chattr -i {_folder}` failed ({exitCode}): {output}");
            }
        }
        _undone = true;
    }

    public void Dispose() => MakeWritable();

    private bool RefusesNewFiles(out string why)
    {
        var probe = Path.Combine(_folder, $".probe-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            why = "a new file could still be created";
            return false;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            why = "";
            return true;
        }
    }

    private static (int ExitCode, string Output) Chattr(string change, string folder)
    {
        var start = new ProcessStartInfo("chattr") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(change);
        start.ArgumentList.Add(folder);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill();
                return (-1, "did not finish within 30 s");
            }
            return (process.ExitCode, process.StandardOutput.ReadToEnd() + output.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message); // no chattr on this machine
        }
    }
}

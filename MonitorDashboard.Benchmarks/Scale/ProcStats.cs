using System.Globalization;
using System.Runtime.InteropServices;

namespace MonitorDashboard.Benchmarks.Scale;

/// <summary>A process's CPU time so far and its memory, as Linux's /proc tells it.</summary>
/// <param name="Cpu">User plus system time since the process started.</param>
/// <param name="RssBytes">Resident set size now (VmRSS).</param>
/// <param name="PeakRssBytes">The highest resident set size so far (VmHWM).</param>
internal sealed record ProcessSample(TimeSpan Cpu, long RssBytes, long PeakRssBytes);

/// <summary>
/// Reads another process's CPU time and memory from <c>/proc/&lt;pid&gt;/stat</c> and <c>/proc/&lt;pid&gt;/status</c>.
/// Linux only: <see cref="IsAvailable"/> is false elsewhere, and the scale benchmark says so instead of guessing.
/// </summary>
internal static class ProcStats
{
    private const int ClockTicksName = 2; // _SC_CLK_TCK in Linux's <unistd.h>

    public static bool IsAvailable => OperatingSystem.IsLinux() && File.Exists("/proc/self/stat");

    public static ProcessSample Read(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var status = File.ReadAllText($"/proc/{pid}/status");
        return new ProcessSample(
            TimeSpan.FromSeconds((double)CpuTicks(stat) / TicksPerSecond.Value),
            StatusKilobytes(status, "VmRSS") * 1024,
            StatusKilobytes(status, "VmHWM") * 1024);
    }

    /// <summary>utime + stime (fields 14 and 15) of a stat line, in clock ticks.</summary>
    /// <remarks>Field 2, the command name, is in parentheses and may itself hold spaces and ')', so fields are counted
    /// from the last ')'.</remarks>
    public static long CpuTicks(string stat)
    {
        var end = stat.LastIndexOf(')');
        if (end < 0)
        {
            throw new FormatException("a /proc stat line without \"(comm)\"");
        }
        // After ") " come field 3 (state), 4, ...: utime is field 14, the 12th after the command.
        var fields = stat[(end + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 13)
        {
            throw new FormatException($"a /proc stat line with {fields.Length + 2} fields, fewer than 15");
        }
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>The kB value of a line such as <c>VmRSS:     123456 kB</c>.</summary>
    public static long StatusKilobytes(string status, string key)
    {
        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
            {
                var value = line[(key.Length + 1)..].Trim();
                var space = value.IndexOf(' ', StringComparison.Ordinal);
                return long.Parse(space < 0 ? value : value[..space], CultureInfo.InvariantCulture);
            }
        }
        throw new FormatException($"no {key} line in /proc status");
    }

    // Clock ticks per second (USER_HZ): 100 on every common Linux, but asked rather than assumed.
    private static readonly Lazy<long> TicksPerSecond = new(() =>
    {
        var ticks = (long)SysConf(ClockTicksName);
        return ticks > 0 ? ticks : 100;
    });

    // DllImport rather than LibraryImport: the generated stub would need unsafe code for this one blittable call.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "sysconf")]
    private static extern nint SysConf(int name);
#pragma warning restore SYSLIB1054
}

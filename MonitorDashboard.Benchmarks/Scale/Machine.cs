namespace MonitorDashboard.Benchmarks.Scale;

/// <summary>The machine in one line: cores, CPU model and load, so a reader can compare numbers across machines.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var load = File.Exists("/proc/loadavg") ? ", load average " + string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";
        return $"{Environment.ProcessorCount} cores{(model is null ? "" : ", " + model)}{load}";
    }
}

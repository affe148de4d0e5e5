using MonitorDashboard.Benchmarks.Scale;

namespace MonitorDashboard.Tests.Benchmarks.Scale;

public sealed class ProcStatsTests
{
    [Fact]
    public void Cpu_ticks_are_user_plus_system_time()
    {
        const string stat = "4242 (dotnet) S 1 4242 4242 0 -1 4194560 51234 0 12 0 1500 250 0 0 20 0 23 0 987654 3145728000 35000 18446744073709551615";

        Assert.Equal(1750, ProcStats.CpuTicks(stat));
    }

    [Fact]
    public void A_command_name_with_spaces_and_parentheses_does_not_shift_the_fields()
    {
        const string stat = "77 (my (odd) app) R 1 77 77 0 -1 0 0 0 0 0 30 12 0 0 20 0 1 0 100 0 0";

        Assert.Equal(42, ProcStats.CpuTicks(stat));
    }

    [Fact]
    public void A_truncated_stat_line_is_an_error_not_a_zero()
    {
        Assert.Throws<FormatException>(() => ProcStats.CpuTicks("77 (app) R 1 77"));
        Assert.Throws<FormatException>(() => ProcStats.CpuTicks("no command here"));
    }

    [Fact]
    public void Resident_and_peak_memory_are_read_in_kilobytes_from_status()
    {
        const string status = "Name:\tdotnet\nVmPeak:\t 3200000 kB\nVmHWM:\t  245760 kB\nVmRSS:\t  131072 kB\nThreads:\t23\n";

        Assert.Equal(131072, ProcStats.StatusKilobytes(status, "VmRSS"));
        Assert.Equal(245760, ProcStats.StatusKilobytes(status, "VmHWM"));
        Assert.Throws<FormatException>(() => ProcStats.StatusKilobytes(status, "VmSwap"));
    }

    [Fact]
    public void This_process_can_be_read_where_proc_exists()
    {
        Assert.SkipUnless(ProcStats.IsAvailable, "no /proc on this system");

        var sample = ProcStats.Read(Environment.ProcessId);

        Assert.True(sample.Cpu > TimeSpan.Zero);
        Assert.True(sample.RssBytes > 1024 * 1024);
        Assert.True(sample.PeakRssBytes >= sample.RssBytes);
    }
}

using System.Globalization;

namespace MonitorDashboard.Benchmarks;

/// <summary>Command line: <c>[--short] [--latency-ms N] [--runs N]</c>.</summary>
internal sealed record BenchmarkOptions(bool Short, TimeSpan Latency, int Runs, int BaselineRuns)
{
    public const string Usage = "usage: MonitorDashboard.Benchmarks [--short] [--latency-ms N (default 20)] [--runs N (default 5; --short: 3, baseline 1)]";

    public static bool TryParse(IReadOnlyList<string> args, out BenchmarkOptions options, out string error)
    {
        options = new BenchmarkOptions(false, TimeSpan.FromMilliseconds(20), 5, 5);
        int? runs = null;
        error = "";
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--short":
                    options = options with { Short = true };
                    break;
                case "--latency-ms" when TryInt(args, ++i, 0, out var ms):
                    options = options with { Latency = TimeSpan.FromMilliseconds(ms) };
                    break;
                case "--runs" when TryInt(args, ++i, 1, out var n):
                    runs = n;
                    break;
                default:
                    error = $"unknown or invalid argument \"{args[Math.Min(i, args.Count - 1)]}\"";
                    return false;
            }
        }
        // Short mode (CI) measures our fast check 3 times, so one scheduling spike on a busy machine does not
        // decide the verdict; the baseline takes seconds per run and is measured once.
        options = options with { Runs = runs ?? (options.Short ? 3 : 5), BaselineRuns = runs ?? (options.Short ? 1 : 5) };
        return true;
    }

    private static bool TryInt(IReadOnlyList<string> args, int index, int minimum, out int value)
    {
        value = 0;
        return index < args.Count
               && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out value)
               && value >= minimum;
    }
}

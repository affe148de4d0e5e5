using System.Globalization;

namespace MonitorDashboard.Benchmarks;

/// <summary>What the benchmark runs: the request-count scenarios, the scale burst, or both (the default).</summary>
internal enum BenchmarkParts
{
    All,
    Requests,
    Scale,
}

/// <summary>Command line: <c>[--short] [--latency-ms N] [--runs N] [--scale [N]] [--only requests|scale]</c>.</summary>
/// <param name="ScaleLists">Monitoring lists due at the same minute in the scale burst.</param>
internal sealed record BenchmarkOptions(bool Short, TimeSpan Latency, int Runs, int BaselineRuns, BenchmarkParts Parts, int ScaleLists)
{
    public const int DefaultScaleLists = 1000;

    public const string Usage = "usage: MonitorDashboard.Benchmarks [--short] [--latency-ms N (default 20)] [--runs N (default 5; --short: 3, baseline 1)]\n"
                                + "       [--scale [N] (only the scale burst, N lists, default 1000)] [--only requests|scale]";

    public bool RunsRequests => Parts is BenchmarkParts.All or BenchmarkParts.Requests;

    public bool RunsScale => Parts is BenchmarkParts.All or BenchmarkParts.Scale;

    public static bool TryParse(IReadOnlyList<string> args, out BenchmarkOptions options, out string error)
    {
        options = new BenchmarkOptions(false, TimeSpan.FromMilliseconds(20), 5, 5, BenchmarkParts.All, DefaultScaleLists);
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
                case "--scale":
                    // The count is optional: "--scale" alone is the default 1,000 lists.
                    var lists = DefaultScaleLists;
                    if (TryInt(args, i + 1, 1, out var count))
                    {
                        lists = count;
                        i++;
                    }
                    options = options with { Parts = BenchmarkParts.Scale, ScaleLists = lists };
                    break;
                case "--only" when i + 1 < args.Count && args[i + 1] is "requests" or "scale":
                    options = options with { Parts = args[++i] == "scale" ? BenchmarkParts.Scale : BenchmarkParts.Requests };
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

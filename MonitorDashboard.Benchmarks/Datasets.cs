using MonitorDashboard.Demo;
using MonitorDashboard.InvenTreeEmulator;

namespace MonitorDashboard.Benchmarks;

/// <summary>The fixtures the scenarios run on: the bundled sample catalog and InvenTree's demo dataset beside the repo.</summary>
internal static class Datasets
{
    /// <summary>Null, with the reason, when the dataset is not on this machine (its scenarios are skipped).</summary>
    public static InvenTreeFixture? Load(Dataset dataset, out string reason)
    {
        reason = "";
        if (dataset == Dataset.SampleCatalog)
        {
            return SampleCatalog.Load();
        }
        var path = DemoDatasetPath();
        if (path is null)
        {
            reason = "InvenTree demo dataset not found (set INVENTREE_DEMO_DATA or put it at ../shared/inventree-demo/inventree_data.json beside the repository)";
            return null;
        }
        return InvenTreeFixture.Load(path);
    }

    /// <summary>The demo dataset is never copied into the repository; it is read where it lies.</summary>
    private static string? DemoDatasetPath()
    {
        var fromEnv = Environment.GetEnvironmentVariable("INVENTREE_DEMO_DATA");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(fromEnv))
        {
            return fromEnv;
        }
        var root = FindRepoRoot();
        var beside = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "inventree-demo", "inventree_data.json"));
        return beside is not null && File.Exists(beside) ? beside : null;
    }

    /// <summary>The folder holding MonitorDashboard.sln, from the build output or the working directory; null when neither is inside it.</summary>
    public static string? FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MonitorDashboard.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        return null;
    }
}

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>Where the repository, its sample catalog and the shared demo dataset are on this machine.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SampleCatalog => Path.Combine(RepoRoot, "MonitorDashboard", "Demo", "sample-catalog.json");

    /// <summary>
    /// InvenTree's public demo dataset, kept beside the repository in <c>../shared</c> (never committed).
    /// <c>INVENTREE_DEMO_DATA</c> points elsewhere. Null when it is not on this machine.
    /// </summary>
    public static string? DemoDataset
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("INVENTREE_DEMO_DATA");
            if (!string.IsNullOrEmpty(fromEnv) && File.Exists(fromEnv))
            {
                return fromEnv;
            }
            var beside = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "inventree-demo", "inventree_data.json"));
            return File.Exists(beside) ? beside : null;
        }
    }

    /// <summary>Skips the calling test, with a visible reason, when the demo dataset is absent.</summary>
    public static string RequireDemoDataset()
    {
        var path = DemoDataset;
        Assert.SkipWhen(path is null, "InvenTree demo dataset not found (../shared/inventree-demo/inventree_data.json or INVENTREE_DEMO_DATA)");
        return path!;
    }

    /// <summary>
    /// A real InvenTree 1.4 server's recorded answers (see its README), kept beside the repository in
    /// <c>../shared/inventree-recordings</c> (never committed). Null when it is not on this machine.
    /// </summary>
    public static string? InvenTreeRecording
    {
        get
        {
            var beside = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "inventree-recordings", "inventree-1.4-api511.json"));
            return File.Exists(beside) ? beside : null;
        }
    }

    /// <summary>Skips the calling test, with a visible reason, when the recording or the dataset it was made with is absent.</summary>
    public static string RequireInvenTreeRecording()
    {
        RequireDemoDataset();
        var path = InvenTreeRecording;
        Assert.SkipWhen(path is null, "Recorded InvenTree answers not found (../shared/inventree-recordings/inventree-1.4-api511.json)");
        return path!;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MonitorDashboard.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("MonitorDashboard.sln not found above " + AppContext.BaseDirectory);
    }
}

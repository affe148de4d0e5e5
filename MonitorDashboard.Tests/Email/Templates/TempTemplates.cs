namespace MonitorDashboard.Tests.Email.Templates;

/// <summary>A copy of the committed templates in a temp folder, for tests that edit or break them.</summary>
internal sealed class TempTemplates : IDisposable
{
    public TempTemplates()
    {
        Folder = Directory.CreateTempSubdirectory("email-templates-").FullName;
        foreach (var file in Directory.GetFiles(EmailRendering.CommittedTemplates, "*.liquid"))
        {
            File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
        }
    }

    public string Folder { get; }

    /// <summary>Rewrites a template and moves its last-write time forward, as an editor saving it a moment later would.</summary>
    public void Edit(string file, Func<string, string> change)
    {
        var path = Path.Combine(Folder, file);
        var before = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, change(File.ReadAllText(path)));
        File.SetLastWriteTimeUtc(path, before.AddSeconds(2));
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

using System.Diagnostics;

namespace MonitorDashboard.Tests.TestSupport;

public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr);

/// <summary>Runs the built MonitorDashboard executable as a user would, in its own process.</summary>
public static class AppProcess
{
    private static readonly string AppDll = Path.Combine(AppContext.BaseDirectory, "MonitorDashboard.dll");

    /// <param name="environment">Variables to set; a null value removes the variable.</param>
    /// <param name="workingDirectory">Defaults to a fresh empty folder, so no stray .env or presets.json is read.</param>
    /// <param name="stdin">Text piped to the command; without it stdin is closed at once.</param>
    /// <param name="started">Told the process id as soon as the process runs (a command left running in the background).</param>
    public static async Task<ProcessResult> RunAsync(
        IEnumerable<string> arguments,
        IDictionary<string, string?>? environment = null,
        string? workingDirectory = null,
        TimeSpan? timeout = null,
        string? stdin = null,
        Action<int>? started = null)
    {
        var folder = workingDirectory ?? Directory.CreateTempSubdirectory("md-cli-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Never the test runner's terminal: a command that asks a question must see "no one is typing".
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The machine's own InvenTree settings must not leak into a test.
        foreach (var inherited in new[] { "INVENTREE_URL", "INVENTREE_API_TOKEN", "INVENTREE_INSTANCE_URL", "PRESETS_FILE_PATH" })
        {
            start.Environment.Remove(inherited);
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        started?.Invoke(process.Id);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"MonitorDashboard {string.Join(' ', arguments)} did not finish in time.\n{await stderr}");
        }
        finally
        {
            if (workingDirectory is null)
            {
                TryDelete(folder);
            }
        }
        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

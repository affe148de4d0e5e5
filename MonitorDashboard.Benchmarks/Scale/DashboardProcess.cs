using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MonitorDashboard.Benchmarks.Scale;

/// <summary>
/// The dashboard as a user runs it: the Release-built MonitorDashboard.dll (copied beside the benchmark by the project
/// reference, with its runtimeconfig, deps and static web assets manifest) in its own process, on a free loopback
/// port, with presets.json, the history database, the outbox and the log in one private folder and no SMTP server,
/// so reports are written to the outbox as .eml files.
/// </summary>
internal sealed partial class DashboardProcess : IAsyncDisposable
{
    private const int KeptLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Uri> _signIn = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DashboardProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The token sign-in URL the app prints when no accounts are configured.</summary>
    public Uri SignInUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The app's last lines of output, for a failure message.</summary>
    public string LastOutput
    {
        get
        {
            lock (_lastLines)
            {
                return string.Join('\n', _lastLines);
            }
        }
    }

    public static string AppDll => Path.Combine(AppContext.BaseDirectory, "MonitorDashboard.dll");

    /// <summary>Starts the app and waits until it listens and printed its sign-in URL.</summary>
    public static async Task<DashboardProcess> StartAsync(string folder, string repositoryRoot, Uri inventree, string token, TimeSpan timeout)
    {
        foreach (var needed in new[] { AppDll, Path.ChangeExtension(AppDll, ".runtimeconfig.json"), Path.ChangeExtension(AppDll, ".staticwebassets.runtime.json") })
        {
            if (!File.Exists(needed))
            {
                throw new InvalidOperationException($"{needed} is missing: build the benchmark (dotnet build -c Release MonitorDashboard.Benchmarks)");
            }
        }
        var start = new ProcessStartInfo("dotnet")
        {
            // The content root: appsettings.json and EmailTemplates/ are read from the repository, as `dotnet run` does.
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                                                                   || k.StartsWith("INVENTREE_", StringComparison.Ordinal)
                                                                   || k.StartsWith("Email__", StringComparison.Ordinal)
                                                                   || k.StartsWith("SMTP", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }
        start.Environment["INVENTREE_URL"] = inventree.ToString();
        start.Environment["INVENTREE_API_TOKEN"] = token;
        start.Environment["PRESETS_FILE_PATH"] = Path.Combine(folder, "presets.json");
        start.Environment["History__DatabasePath"] = Path.Combine(folder, "data", "monitor.db");
        start.Environment["Email__OutboxFolder"] = Path.Combine(folder, "outbox");
        start.Environment["Auth__UpgradedHashesFile"] = Path.Combine(folder, "data", "password-hashes.json");
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(folder, "logs", "monitor-.json");
        start.Environment["DOTNET_NOLOGO"] = "1";

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the app");
        var app = new DashboardProcess(process);
        process.OutputDataReceived += (_, e) => app.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => app.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = process.WaitForExitAsync().ContinueWith(_ =>
        {
            var exited = new InvalidOperationException($"the app exited (code {process.ExitCode}):\n{app.LastOutput}");
            app._listening.TrySetException(exited);
            app._signIn.TrySetException(exited);
        }, TaskScheduler.Default);
        try
        {
            app.BaseAddress = await app._listening.Task.WaitAsync(timeout);
            app.SignInUrl = await app._signIn.Task.WaitAsync(timeout);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }
        if (ListeningLine().Match(line) is { Success: true } listening)
        {
            _listening.TrySetResult(new Uri(listening.Groups[1].Value + "/"));
        }
        if (SignInLine().Match(line) is { Success: true } signIn)
        {
            _signIn.TrySetResult(new Uri(signIn.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Sign in at (http://127\.0\.0\.1:\d+/signin\?token=[A-Za-z0-9_-]+)")]
    private static partial Regex SignInLine();

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

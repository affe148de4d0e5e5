using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// The dashboard as a user starts it: the built executable in its own process, content root at the
/// repository root, on a free loopback port. presets.json is a private copy, so tests never touch the
/// repository's file.
/// </summary>
public sealed partial class AppServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly System.Text.StringBuilder _output = new();
    private bool _ownsFolder = true;

    private AppServer(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Where this server's presets.json, database and outbox live.</summary>
    public string DataFolder => _folder;

    public string PresetsPath => Path.Combine(_folder, "presets.json");

    /// <summary>Where reports go as .eml files when no SMTP server is configured.</summary>
    public string OutboxFolder => Path.Combine(_folder, "outbox");

    /// <summary>
    /// How long a check started from the browser may take to show: a Debug build using every code path for the first
    /// time (JIT), beside a test suite that keeps both cores of a CI machine busy. A run normally shows in 3–5 s.
    /// </summary>
    public const float RunTimeoutMilliseconds = 60_000;

    /// <summary>A browser expectation about this app; when it fails, the failure carries the app's log output.</summary>
    public async Task ExpectAsync(Func<Task> expectation, string what)
    {
        try
        {
            await expectation();
        }
        catch (Microsoft.Playwright.PlaywrightException ex)
        {
            throw new InvalidOperationException($"{what}. App output:\n{Output}", ex);
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The app's <c>Health:Token</c>: a caller that sends it gets the detailed /healthz report.</summary>
    public const string HealthToken = "health-token-for-tests-0123456789";

    /// <summary>A client that reads /healthz as a monitoring system with <see cref="HealthToken"/> does: every check.</summary>
    public HttpClient CreateMonitoringClient(TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", HealthToken);
        return client;
    }

    /// <summary>The token sign-in URL the app printed (no accounts configured); null before it is printed or with accounts.</summary>
    public Uri? SignInUrl { get; private set; }

    /// <param name="urls">What <c>--urls</c> says; without accounts the app moves any address to 127.0.0.1 itself.</param>
    public static Task<AppServer> StartAsync(IDictionary<string, string?>? environment = null, string? presetsSource = null, string urls = "http://127.0.0.1:0")
    {
        var folder = Directory.CreateTempSubdirectory("md-app-").FullName;
        File.Copy(presetsSource ?? Path.Combine(TestPaths.RepoRoot, "presets.json"), Path.Combine(folder, "presets.json"));
        return StartInAsync(folder, environment, urls);
    }

    /// <summary>The app's process id, as the app names itself in run leases and in the reasons it records.</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// Ends the app with SIGKILL (no shutdown: nothing is flushed, no run is finished) and leaves its folder as the kill
    /// left it, for <see cref="RestartAsync"/>.
    /// </summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// A new app process over this one's folder (presets.json, history database, outbox), as a user restarts the app
    /// after it was killed; the new server owns the folder from then on.
    /// </summary>
    public Task<AppServer> RestartAsync(IDictionary<string, string?>? environment = null, string urls = "http://127.0.0.1:0")
    {
        if (!_process.HasExited)
        {
            throw new InvalidOperationException("the app is still running; kill it first");
        }
        _ownsFolder = false;
        return StartInAsync(_folder, environment, urls);
    }

    private static async Task<AppServer> StartInAsync(string folder, IDictionary<string, string?>? environment, string urls)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = TestPaths.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MonitorDashboard.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(urls);
        foreach (var inherited in new[] { "INVENTREE_URL", "INVENTREE_API_TOKEN", "INVENTREE_INSTANCE_URL", "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS" })
        {
            start.Environment.Remove(inherited);
        }
        start.Environment["PRESETS_FILE_PATH"] = Path.Combine(folder, "presets.json");
        // Everything the app writes stays in the server's own folder, not in the repository (the content root).
        start.Environment["History__DatabasePath"] = Path.Combine(folder, "data", "monitor.db");
        start.Environment["Email__OutboxFolder"] = Path.Combine(folder, "outbox");
        start.Environment["Auth__UpgradedHashesFile"] = Path.Combine(folder, "data", "password-hashes.json");
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Health__Token"] = HealthToken;
        // The rolling log file goes with the server's other data, not into the repository.
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(folder, "logs", "monitor-.json");
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

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the app");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = new AppServer(process, folder);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data, listening);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data, listening);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = process.WaitForExitAsync().ContinueWith(_ => listening.TrySetException(
            new InvalidOperationException("The app exited before listening:\n" + server.Output)), TaskScheduler.Default);

        try
        {
            server.BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private void OnLine(string? line, TaskCompletionSource<Uri> listening)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
        }
        if (SignInLine().Match(line) is { Success: true } signIn)
        {
            SignInUrl = new Uri(signIn.Groups[1].Value);
            _signInUrl.TrySetResult(SignInUrl);
        }
    }

    private readonly TaskCompletionSource<Uri> _signInUrl = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Waits for the token sign-in URL, printed just after the server starts when no account is configured.</summary>
    public Task<Uri> WaitForSignInUrlAsync() => _signInUrl.Task.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>An HTTP client that keeps cookies and does not follow redirects, so tests see every 302.</summary>
    public HttpClient CreateClient(System.Net.CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>A client signed in with the start-up token (no accounts configured).</summary>
    public async Task<HttpClient> CreateSignedInClientAsync()
    {
        var client = CreateClient();
        using var response = await client.GetAsync(await WaitForSignInUrlAsync());
        Assert.Equal(System.Net.HttpStatusCode.Found, response.StatusCode);
        return client;
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
        if (!_ownsFolder)
        {
            return;
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

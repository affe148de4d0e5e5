using MonitorDashboard.Cron;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Configuration;
using MonitorDashboard.Demo;
using MonitorDashboard.Email;
using MonitorDashboard.Email.Smtp;
using MonitorDashboard.InvenTree;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.Health;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Presets;
using MonitorDashboard.Security;
using MonitorDashboard.Tests.Email.Smtp;
using MonitorDashboard.Tests.Presets;
using MonitorDashboard.Tests.TestSupport;
using MudBlazor;
using MudBlazor.Services;
using StatusPage = MonitorDashboard.Components.Pages.Status.Status;

namespace MonitorDashboard.Tests.Components.Pages.Status;

/// <summary>The status page on real services: an emulated InvenTree over HTTP, the real state, probe and configuration.</summary>
public sealed class StatusPageTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly TempPresetsFolder _folder;
    private EmulatorServer _emulator = null!;

    // Resolved on first use, so a test can still replace a registration (the email settings) before that.
    private MonitorState State => _ctx.Services.GetRequiredService<MonitorState>();

    public StatusPageTests() => _folder = new TempPresetsFolder(_time);

    public async ValueTask InitializeAsync()
    {
        _emulator = await EmulatorServer.StartAsync(SampleCatalog.Load(), cancellationToken: Xunit.TestContext.Current.CancellationToken);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["INVENTREE_URL"] = _emulator.BaseAddress.ToString(),
            ["INVENTREE_API_TOKEN"] = _emulator.Token,
        }).Build();
        var services = _ctx.Services;
        services.AddMudServices();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddInvenTreeClientServices(configuration);
        services.AddInvenTreeConnectionServices();
        services.AddSingleton(Options.Create(new EmailOptions { OutboxFolder = "/srv/outbox" }));
        services.AddSingleton(Options.Create(new MonitoringOptions()));
        services.AddSingleton(Options.Create(new ScheduleOptions()));
        services.AddSingleton(Options.Create(new PresetsOptions { FilePath = _folder.FilePath }));
        services.AddSingleton(Options.Create(new AuthOptions
        {
            Accounts = [new AuthAccount { UserName = "alice", PasswordHash = PasswordHashing.Hash("pw"), Role = "admin" }],
        }));
        services.AddSingleton<SmtpProbe>();
        services.AddSingleton<EffectiveConfiguration>();
        services.AddSingleton<MonitorState>();
        services.AddSingleton<RunTracker>();
        services.AddSingleton(_folder.Store);
        // The page renders the same health reports as /healthz.
        services.AddMonitorHealthCheckServices();
    }

    public async ValueTask DisposeAsync()
    {
        // The page's InvenTree probe may still be unwinding through the resilience pipeline.
        await FakeClockDisposal.DisposeAsync(_time, _ctx.DisposeAsync);
        await _emulator.DisposeAsync();
        _folder.Dispose();
    }

    private IRenderedComponent<StatusPage> Render()
    {
        _ctx.Render<MudPopoverProvider>();
        return _ctx.Render<StatusPage>();
    }

    [Fact]
    public void InvenTree_is_probed_and_shown_reachable_with_its_version()
    {
        var cut = Render();

        cut.WaitForState(() => cut.FindAll("[data-testid=inventree-version]").Count == 1, TimeSpan.FromSeconds(10));
        Assert.Contains("reachable", cut.Find("[data-testid=inventree-status]").TextContent, StringComparison.Ordinal);
        Assert.Equal("InvenTree 1.4.0 dev (API 479)", cut.Find("[data-testid=inventree-version]").TextContent);
        Assert.Contains(_emulator.BaseAddress + "api/", cut.Find("[data-testid=inventree-card]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=demo-mode]"));
    }

    [Fact]
    public async Task An_InvenTree_that_never_answers_is_shown_unreachable_after_the_health_checks_deadline()
    {
        _emulator.Faults.Hang = true;
        var cut = Render();
        Assert.Empty(cut.FindAll("[data-testid=inventree-status]"));

        // The deadline runs on the app's clock; it is armed once the probe has started, so the clock moves until it fires.
        await Poll.UntilAsync(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            return cut.FindAll("[data-testid=inventree-status]").Count == 1;
        });

        var status = cut.Find("[data-testid=inventree-status]").TextContent;
        Assert.Contains("unreachable", status, StringComparison.Ordinal);
        Assert.Contains($"InvenTree did not answer within {InvenTreeHealthCheck.Timeout.TotalSeconds:0} s", status, StringComparison.Ordinal);
        Assert.Contains("Unhealthy", cut.Find("[data-testid=overall-status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_asks_InvenTree_again_instead_of_showing_the_cached_answer()
    {
        var cut = Render();
        cut.WaitForState(() => cut.FindAll("[data-testid=inventree-version]").Count == 1, TimeSpan.FromSeconds(10));
        _emulator.ResetCounters();

        _emulator.Faults.FailureRate = 1.0;
        await cut.InvokeAsync(() => cut.Find("[data-testid=refresh]").Click());

        // The client's retries back off on the app's clock; it moves until the answer is in.
        await Poll.UntilAsync(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            return cut.Find("[data-testid=inventree-status]").TextContent.Contains("unreachable", StringComparison.Ordinal);
        });
        Assert.NotEqual(0, _emulator.RequestCount);
    }

    [Fact]
    public void The_outbox_and_the_global_switch_are_explained()
    {
        var cut = Render();

        Assert.Contains("emails are written as .eml files to /srv/outbox", cut.Find("[data-testid=smtp-status]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Email is globally enabled.", cut.Find("[data-testid=email-enabled]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_smtp_server_with_a_user_name_is_shown_reachable_and_encrypted_with_authentication_not_tested()
    {
        using var certificate = TestCertificate.Create(_folder.Folder);
        await using var server = await SmtpTestServer.StartAsync(new(TestServerSecurity.StartTls, certificate.Certificate, ("planner-bot", "smtp-pw-status")));
        _ctx.Services.AddSingleton(Options.Create(new EmailOptions
        {
            SmtpServer = "127.0.0.1",
            SmtpPort = server.Port,
            UseTls = true,
            Username = "planner-bot",
            Password = "smtp-pw-status",
            CaCertificateFile = certificate.PemFile,
        }));

        var cut = Render();

        cut.WaitForState(() => cut.FindAll("[data-testid=smtp-authentication]").Count == 1, TimeSpan.FromSeconds(10));
        Assert.Contains("reachable", cut.Find("[data-testid=smtp-status]").TextContent, StringComparison.Ordinal);
        Assert.Contains("encrypted", cut.Find("[data-testid=smtp-status]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Sign-in as planner-bot: authentication not tested by the probe", cut.Find("[data-testid=smtp-authentication]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("smtp-pw-status", cut.Markup, StringComparison.Ordinal);
        Assert.Equal((1, 0), (server.Sessions, server.AuthAttempts));
    }

    [Fact]
    public void The_heartbeat_age_follows_the_clock_and_the_scheduler_check_judges_it()
    {
        var cut = Render();
        Assert.Contains("no tick yet", cut.Find("[data-testid=scheduler-heartbeat]").TextContent, StringComparison.Ordinal);

        State.Heartbeat();
        _time.Advance(StatusPage.ReportInterval);

        cut.WaitForState(() => cut.Find("[data-testid=scheduler-heartbeat]").TextContent.Contains("last tick 5 s ago", StringComparison.Ordinal));
        cut.WaitForState(() => cut.Find("[data-testid=scheduler-heartbeat]").TextContent.Contains("alive", StringComparison.Ordinal));

        _time.Advance(SchedulerHealthCheck.MaxAge);
        cut.WaitForState(() => cut.Find("[data-testid=scheduler-heartbeat]").TextContent.Contains("stopped", StringComparison.Ordinal));
        Assert.Contains("no scheduler tick since", cut.Find("[data-testid=scheduler-description]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_presets_file_shows_its_error_with_line_and_column()
    {
        var cut = Render();
        cut.WaitForState(() => cut.Find("[data-testid=presets-state]").TextContent.Contains("OK", StringComparison.Ordinal));

        _folder.Write("{\n  \"presets\": [,\n}");
        State.ApplyPresets(await _folder.Store.LoadAsync(Xunit.TestContext.Current.CancellationToken));

        cut.WaitForState(() => cut.Find("[data-testid=presets-state]").TextContent.Contains("broken", StringComparison.Ordinal));
        var text = cut.Find("[data-testid=presets-state]").TextContent;
        Assert.Matches(@"line 2, column \d+", text);
        Assert.Contains(_folder.FilePath, text, StringComparison.Ordinal);
    }

    [Fact]
    public void System_errors_appear_live()
    {
        var cut = Render();
        Assert.Contains("No system errors since start-up.", cut.Find("[data-testid=recent-errors]").TextContent, StringComparison.Ordinal);

        State.ReportSystemError("InvenTree", "InvenTree at http://inventree.local is unreachable");

        cut.WaitForState(() => cut.FindAll("[data-testid=recent-error]").Count == 1);
        Assert.Contains("InvenTree at http://inventree.local is unreachable", cut.Find("[data-testid=recent-error]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configuration_table_is_redacted_and_lists_accounts_by_name_and_role_only()
    {
        var cut = Render();

        var table = cut.Find("[data-testid=configuration]").TextContent;
        Assert.Contains("Auth:Accounts", table, StringComparison.Ordinal);
        Assert.Contains("alice (admin)", table, StringComparison.Ordinal);
        Assert.Contains("Email:MaxRetries", table, StringComparison.Ordinal);
        Assert.DoesNotContain(_emulator.Token, table, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", table, StringComparison.Ordinal); // the start of every v3 hash
    }
}

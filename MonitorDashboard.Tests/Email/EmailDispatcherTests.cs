using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using MonitorDashboard.Email;
using MonitorDashboard.Email.Outbox;
using MonitorDashboard.Email.Smtp;
using MonitorDashboard.Tests.Email.Smtp;

namespace MonitorDashboard.Tests.Email;

/// <summary>The sender everyone gets: the global switch first, then SMTP or the outbox.</summary>
public sealed class EmailDispatcherTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("md-dispatch-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static EmailDispatcher Dispatcher(EmailOptions options, SignalingTimeProvider time, FakeLogCollector logs)
    {
        var wrapped = Options.Create(options);
        var factory = new MimeMessageFactory(wrapped, time);
        return new EmailDispatcher(wrapped,
            new SmtpEmailSender(wrapped, factory, time, new FakeLogger<SmtpEmailSender>(logs)),
            new OutboxEmailSender(wrapped, factory, time, new FakeLogger<OutboxEmailSender>(logs)),
            new FakeLogger<EmailDispatcher>(logs));
    }

    [Fact]
    public async Task With_the_global_switch_off_nothing_is_delivered_and_nothing_is_written()
    {
        await using var server = await SmtpTestServer.StartAsync(new(TestServerSecurity.None));
        var harness = new SmtpSenderHarness(server.Port, SmtpSecurity.None, caFile: null, withCredentials: false);
        harness.Options.GlobalNotificationsEnabled = false;
        harness.Options.OutboxFolder = _folder.FullName;
        var ct = TestContext.Current.CancellationToken;

        var report = await Dispatcher(harness.Options, harness.Time, harness.Logs).SendAsync(EmailTestData.Message(), ct);
        harness.Options.SmtpServer = null;
        var notice = await Dispatcher(harness.Options, harness.Time, harness.Logs)
            .SendAsync(EmailTestData.Message("admin@example.com") with { Kind = EmailKind.AdminNotice }, ct);

        Assert.All([report, notice], r =>
        {
            Assert.Equal(DeliveryOutcome.Disabled, r.Outcome);
            Assert.False(r.Accepted);
            Assert.Equal(0, r.Attempts);
            Assert.Contains("GLOBAL_EMAIL_NOTIFICATIONS_ENABLED=false", Assert.Single(r.Recipients).Reason, StringComparison.Ordinal);
        });
        Assert.Equal(0, server.Sessions);
        Assert.Empty(_folder.EnumerateFileSystemInfos());
    }

    [Fact]
    public async Task Without_an_smtp_server_the_message_goes_to_the_outbox()
    {
        var options = new EmailOptions { OutboxFolder = _folder.FullName };

        var result = await Dispatcher(options, new SignalingTimeProvider(), new FakeLogCollector())
            .SendAsync(EmailTestData.Message(), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Sent, result.Outcome);
        Assert.StartsWith(_folder.FullName, result.OutboxFile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_without_recipients_fails_before_any_delivery()
    {
        var options = new EmailOptions { OutboxFolder = _folder.FullName };

        var result = await Dispatcher(options, new SignalingTimeProvider(), new FakeLogCollector())
            .SendAsync(EmailTestData.Message() with { To = [] }, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Empty(_folder.EnumerateFileSystemInfos());
    }

    [Fact]
    public async Task AddEmail_registers_the_dispatcher_with_the_outbox_under_the_content_root()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder.FullName, Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Email:OutboxFolder"] = "mail/out" });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddEmail();
        using var host = builder.Build();

        var sender = host.Services.GetRequiredService<IEmailSender>();
        var result = await sender.SendAsync(EmailTestData.Message(), TestContext.Current.CancellationToken);

        Assert.IsType<EmailDispatcher>(sender);
        Assert.NotNull(host.Services.GetRequiredService<SmtpProbe>());
        Assert.Equal(Path.Combine(_folder.FullName, "mail", "out"), Path.GetDirectoryName(result.OutboxFile));
    }
}

using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using MonitorDashboard.Email;
using MonitorDashboard.Email.Outbox;

namespace MonitorDashboard.Tests.Email.Outbox;

/// <summary>Demo mode: the message a server would get, as a .eml file any mail client opens.</summary>
public sealed class OutboxEmailSenderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("md-outbox-");

    public void Dispose() => _folder.Delete(recursive: true);

    private OutboxEmailSender Sender(string? senderAddress = EmailTestData.Sender)
    {
        var options = Options.Create(new EmailOptions { SenderAddress = senderAddress, OutboxFolder = Path.Combine(_folder.FullName, "outbox") });
        var time = new FakeTimeProvider(EmailTestData.Now);
        return new OutboxEmailSender(options, new MimeMessageFactory(options, time), time, new FakeLogger<OutboxEmailSender>());
    }

    [Fact]
    public async Task A_report_is_written_as_a_parseable_eml_with_the_same_content_as_over_smtp()
    {
        var result = await Sender().SendAsync(EmailTestData.Message("buyer@example.com", "planner@example.org"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Sent, result.Outcome);
        Assert.All(result.Recipients, r => Assert.True(r.Accepted));
        var file = Assert.Single(Directory.GetFiles(Path.Combine(_folder.FullName, "outbox")));
        Assert.Equal(file, result.OutboxFile);
        Assert.Matches(@"^20250314-092653-report-[0-9a-f]{8}\.eml$", Path.GetFileName(file));

        var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal(text.Split('\n').Length, text.Split("\r\n").Length);
        var mime = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
        MimeAssert.IsTheSampleReport(mime, ["buyer@example.com", "planner@example.org"]);
        Assert.Equal(result.MessageId, mime.MessageId);
    }

    [Fact]
    public async Task Without_a_sender_address_the_outbox_uses_a_local_default_and_names_the_kind()
    {
        var notice = EmailTestData.Message("admin@example.com") with { Kind = EmailKind.AdminNotice };

        var result = await Sender(senderAddress: null).SendAsync(notice, TestContext.Current.CancellationToken);

        Assert.Matches(@"-admin-notice-[0-9a-f]{8}\.eml$", result.OutboxFile);
        var mime = await MimeMessage.LoadAsync(result.OutboxFile!, TestContext.Current.CancellationToken);
        Assert.Equal(MimeMessageFactory.OutboxDefaultSender, Assert.Single(mime.From.Mailboxes).Address);
        Assert.EndsWith("@localhost", mime.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_messages_in_the_same_second_get_two_files_and_no_temporary_file_is_left()
    {
        var sender = Sender();

        var first = await sender.SendAsync(EmailTestData.Message(), TestContext.Current.CancellationToken);
        var second = await sender.SendAsync(EmailTestData.Message(), TestContext.Current.CancellationToken);

        Assert.NotEqual(first.OutboxFile, second.OutboxFile);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_folder.FullName, "outbox"), "*.eml").Length);
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder.FullName, "outbox"), "*.tmp"));
    }

    [Fact]
    public async Task An_outbox_that_cannot_be_written_fails_with_the_folder_named()
    {
        // A file where the folder should be: the directory cannot be created.
        var blocked = Path.Combine(_folder.FullName, "outbox");
        await File.WriteAllTextAsync(blocked, "not a folder", TestContext.Current.CancellationToken);

        var result = await Sender().SendAsync(EmailTestData.Message(), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Contains(blocked, result.Error, StringComparison.Ordinal);
    }
}

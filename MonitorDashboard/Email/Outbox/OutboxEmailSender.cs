using System.Globalization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MonitorDashboard.Email.Outbox;

/// <summary>
/// Demo mode without an SMTP server: the same MIME message a server would get is written to
/// <c>&lt;outbox&gt;/&lt;yyyyMMdd-HHmmss&gt;-&lt;kind&gt;-&lt;id&gt;.eml</c>, any mail client opens it.
/// </summary>
public sealed partial class OutboxEmailSender(
    IOptions<EmailOptions> options, MimeMessageFactory messages, TimeProvider time, ILogger<OutboxEmailSender> logger) : IEmailSender
{
    /// <summary>CRLF line ends, as on the wire (RFC 5322), whatever the platform writing the file.</summary>
    private static readonly FormatOptions FileFormat = CreateFileFormat();

    public async Task<DeliveryResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(options.Value.OutboxFolder);
        MimeMessage mime;
        try
        {
            mime = messages.Create(message);
        }
        catch (ArgumentException ex)
        {
            return Failed(message, null, ex.Message);
        }

        var path = Path.Combine(folder, FileName(message.Kind));
        // Written under a temporary name and renamed, so a reader (the dashboard's outbox view) never sees half a file.
        var temporary = path + ".tmp";
        try
        {
            Directory.CreateDirectory(folder);
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await mime.WriteToAsync(FileFormat, stream, cancellationToken);
            }
            File.Move(temporary, path, overwrite: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            return Failed(message, mime.MessageId, $"could not write the email to the outbox folder {folder}: {ex.Message}");
        }
        catch (OperationCanceledException)
        {
            TryDelete(temporary);
            throw;
        }

        LogWritten(message.Kind, mime.MessageId, message.ListId, path);
        return new DeliveryResult(DeliveryOutcome.Sent,
            [.. message.To.Select(address => new RecipientOutcome(address, Accepted: true))], mime.MessageId, OutboxFile: path);
    }

    private string FileName(EmailKind kind)
    {
        var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var kindName = kind switch
        {
            EmailKind.Report => "report",
            EmailKind.AdminNotice => "admin-notice",
            _ => kind.ToString().ToLowerInvariant(),
        };
        return $"{stamp}-{kindName}-{Guid.NewGuid().ToString("N")[..8]}.eml";
    }

    private DeliveryResult Failed(EmailMessage message, string? messageId, string error)
    {
        LogNotWritten(message.Kind, message.ListId, error);
        return new DeliveryResult(DeliveryOutcome.Failed,
            [.. message.To.Select(address => new RecipientOutcome(address, Accepted: false))], messageId, error);
    }

    private static FormatOptions CreateFileFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Only a leftover .tmp file; the outbox view ignores it.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {Kind} {MessageId} for list {ListId} written to the outbox: {File}")]
    private partial void LogWritten(EmailKind kind, string? messageId, string? listId, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email {Kind} for list {ListId} not written to the outbox: {Error}")]
    private partial void LogNotWritten(EmailKind kind, string? listId, string error);
}

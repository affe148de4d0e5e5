using MimeKit;

namespace MonitorDashboard.Tests.Email;

/// <summary>What every delivered sample report must look like, whichever way it travelled.</summary>
internal static class MimeAssert
{
    public static void IsTheSampleReport(MimeMessage mime, IReadOnlyList<string> to)
    {
        Assert.Equal(EmailTestData.Subject, mime.Subject);
        Assert.Equal(EmailTestData.Sender, Assert.Single(mime.From.Mailboxes).Address);
        Assert.Equal(to, mime.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(EmailTestData.Now, mime.Date);
        Assert.False(string.IsNullOrEmpty(mime.MessageId));
        Assert.Equal("auto-generated", mime.Headers["Auto-Submitted"]);
        Assert.Equal("All", mime.Headers["X-Auto-Response-Suppress"]);

        // The raw Subject header is RFC 2047 encoded ASCII; decoding gives the exact original back.
        var rawSubject = mime.Headers.First(h => h.Id == HeaderId.Subject).RawValue;
        Assert.All(rawSubject, b => Assert.True(b < 128, "Subject header must be 7-bit on the wire"));

        var alternative = Assert.IsType<MultipartAlternative>(mime.Body);
        Assert.Collection(alternative,
            part => Assert.Equal("text/plain", part.ContentType.MimeType),
            part => Assert.Equal("text/html", part.ContentType.MimeType));
        var text = (TextPart)alternative[0];
        var html = (TextPart)alternative[1];
        Assert.Equal("utf-8", text.ContentType.Charset, ignoreCase: true);
        Assert.Equal("utf-8", html.ContentType.Charset, ignoreCase: true);
        Assert.Equal(EmailTestData.TextBody, text.Text.ReplaceLineEndings("\n"));
        Assert.Equal(EmailTestData.HtmlBody, html.Text.ReplaceLineEndings("\n"));
        Assert.Contains(text.ContentTransferEncoding, new[] { ContentEncoding.QuotedPrintable, ContentEncoding.Base64 });
    }
}

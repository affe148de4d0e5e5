using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using MonitorDashboard.Email;

namespace MonitorDashboard.Tests.Email;

public sealed class MimeMessageFactoryTests
{
    private static MimeMessageFactory Factory() =>
        new(Options.Create(new EmailOptions { SenderAddress = EmailTestData.Sender }), new FakeTimeProvider(EmailTestData.Now));

    [Fact]
    public void Plain_text_comes_before_html_so_clients_prefer_the_html()
    {
        var mime = Factory().Create(EmailTestData.Message());

        var alternative = Assert.IsType<MultipartAlternative>(mime.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
    }

    [Fact]
    public void Every_message_gets_its_own_message_id_in_the_sender_domain()
    {
        var factory = Factory();

        var first = factory.Create(EmailTestData.Message()).MessageId;
        var second = factory.Create(EmailTestData.Message()).MessageId;

        Assert.NotEqual(first, second);
        Assert.EndsWith("@example.com", first, StringComparison.Ordinal);
    }

    [Fact]
    public void The_subject_is_encoded_to_seven_bit_and_decodes_exactly()
    {
        var mime = Factory().Create(EmailTestData.Message());
        using var stream = new MemoryStream();
        mime.WriteTo(stream, TestContext.Current.CancellationToken);
        stream.Position = 0;

        var bytes = stream.ToArray();
        Assert.All(bytes, b => Assert.True(b < 128, "the whole message must be 7-bit"));
        var loaded = MimeMessage.Load(stream, TestContext.Current.CancellationToken);
        var rawSubject = System.Text.Encoding.ASCII.GetString(loaded.Headers.First(h => h.Id == HeaderId.Subject).RawValue);
        Assert.Contains("=?utf-8?", rawSubject, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(EmailTestData.Subject, loaded.Subject);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("")]
    public void A_recipient_that_is_not_an_address_is_refused_with_its_value(string recipient)
    {
        var ex = Assert.Throws<ArgumentException>(() => Factory().Create(EmailTestData.Message(recipient)));

        Assert.Contains($"\"{recipient}\"", ex.Message, StringComparison.Ordinal);
    }
}

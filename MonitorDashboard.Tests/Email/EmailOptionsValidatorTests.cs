using MonitorDashboard.Email;

namespace MonitorDashboard.Tests.Email;

public sealed class EmailOptionsValidatorTests
{
    private static EmailOptions Valid() => new()
    {
        SmtpServer = "smtp.example.com",
        SmtpPort = 587,
        UseTls = true,
        Username = "planner",
        Password = "pw",
        SenderAddress = "monitor@example.com",
        AdminRecipients = ["admin@example.com"],
    };

    private static IReadOnlyList<string> Problems(EmailOptions options) =>
        new EmailOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void A_complete_smtp_configuration_is_valid() => Assert.Empty(Problems(Valid()));

    [Fact]
    public void No_smtp_server_at_all_is_valid_and_means_the_outbox()
    {
        var options = new EmailOptions();
        Assert.Empty(Problems(options));
        Assert.True(options.UsesOutbox);
    }

    public static TheoryData<string, Action<EmailOptions>, string> BrokenFields => new()
    {
        { "both TLS modes", o => o.UseSsl = true, "EMAIL_USE_TLS and EMAIL_USE_SSL are both true" },
        { "no sender", o => o.SenderAddress = null, "EMAIL_SENDER_ADDRESS is required" },
        { "bad sender", o => o.SenderAddress = "monitor at example", "EMAIL_SENDER_ADDRESS: \"monitor at example\"" },
        { "port 0", o => o.SmtpPort = 0, "EMAIL_SMTP_PORT: 0" },
        { "port too big", o => o.SmtpPort = 70000, "EMAIL_SMTP_PORT: 70000" },
        { "password without user", o => o.Username = null, "EMAIL_PASSWORD is set but EMAIL_USERNAME is not" },
        { "user without password", o => o.Password = null, "EMAIL_USERNAME is set but EMAIL_PASSWORD is not" },
        { "bad admin", o => o.AdminRecipients = ["admin@example.com", "nobody"], "ADMIN_EMAIL_RECIPIENTS: \"nobody\"" },
        { "bad host", o => o.SmtpServer = "smtp example com", "EMAIL_SMTP_SERVER" },
        { "missing CA file", o => o.CaCertificateFile = "/nonexistent/ca.pem", "Email:CaCertificateFile" },
        { "password in clear text", o => o.UseTls = false, "EMAIL_USERNAME is set but the SMTP connection is not encrypted" },
        { "too many retries", o => o.MaxRetries = 11, "Email:MaxRetries: 11" },
        { "negative retries", o => o.MaxRetries = -1, "Email:MaxRetries: -1" },
        { "no retry delay", o => o.RetryBaseDelay = TimeSpan.Zero, "Email:RetryBaseDelay" },
        { "tiny timeout", o => o.Timeout = TimeSpan.FromMilliseconds(10), "Email:Timeout" },
        { "no session timeout", o => o.SessionTimeout = TimeSpan.Zero, "Email:SessionTimeout: 00:00:00 must be more than 0" },
        { "session shorter than one operation", o => o.SessionTimeout = TimeSpan.FromSeconds(10),
            "Email:SessionTimeout: 00:00:10 is shorter than Email:Timeout (00:00:30)" },
        { "session timeout beyond a timer", o => o.SessionTimeout = TimeSpan.FromDays(60),
            "Email:SessionTimeout: 60.00:00:00 must be more than 0 and at most 1 day" },
        { "send shorter than one session", o => o.SendTimeout = TimeSpan.FromMinutes(1),
            "Email:SendTimeout: 00:01:00 is shorter than Email:SessionTimeout (00:02:00)" },
        { "breaker threshold 1", o => o.CircuitBreakerFailureThreshold = 1, "Email:CircuitBreakerFailureThreshold: 1" },
        { "breaker without a break", o => o.CircuitBreakerBreakDuration = TimeSpan.Zero, "Email:CircuitBreakerBreakDuration" },
    };

    [Theory]
    [MemberData(nameof(BrokenFields))]
    public void Each_broken_field_is_named_in_its_own_message(string scenario, Action<EmailOptions> breakIt, string expected)
    {
        var options = Valid();
        breakIt(options);

        var problem = Assert.Single(Problems(options));
        Assert.True(problem.Contains(expected, StringComparison.Ordinal), $"{scenario}: {problem}");
    }

    [Fact]
    public void Clear_text_authentication_is_valid_only_when_allowed_on_purpose()
    {
        var options = Valid();
        options.UseTls = false;
        options.AllowPlainTextAuth = true;

        Assert.Empty(Problems(options));
    }

    [Fact]
    public void Without_credentials_a_plain_connection_is_valid()
    {
        var options = Valid();
        options.UseTls = false;
        options.Username = null;
        options.Password = null;

        Assert.Empty(Problems(options));
    }

    [Fact]
    public void A_ca_file_without_a_pem_certificate_is_named()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "not a certificate");
            var options = Valid();
            options.CaCertificateFile = file;

            Assert.Equal($"Email:CaCertificateFile: \"{file}\" holds no PEM certificate", Assert.Single(Problems(options)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var options = Valid();
        options.UseSsl = true;
        options.SmtpPort = -1;
        options.SenderAddress = "x";

        Assert.Equal(3, Problems(options).Count);
    }

    [Fact]
    public void The_password_never_appears_in_a_message()
    {
        var options = Valid();
        options.Username = null;
        options.Password = "hunter2-secret";

        Assert.DoesNotContain(Problems(options), p => p.Contains("hunter2", StringComparison.Ordinal));
    }
}

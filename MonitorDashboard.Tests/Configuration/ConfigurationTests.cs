using Microsoft.Extensions.Configuration;
using MonitorDashboard.Email;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Configuration;

/// <summary>The Python tool's variables and .env, as the real executable reads them.</summary>
[ProcessTests]
public sealed class ConfigurationTests
{
    private static EmailOptions BindEmail(Dictionary<string, string?> values)
    {
        var options = new EmailOptions();
        options.ApplyPythonToolVariables(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        return options;
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("0", false)]
    public void Boolean_variables_are_read_as_the_python_tool_wrote_them(string value, bool expected)
    {
        var options = BindEmail(new() { ["EMAIL_USE_TLS"] = value, ["GLOBAL_EMAIL_NOTIFICATIONS_ENABLED"] = value });

        Assert.Equal(expected, options.UseTls);
        Assert.Equal(expected, options.GlobalNotificationsEnabled);
        Assert.Empty(options.BindingProblems);
    }

    [Fact]
    public void Python_variables_map_onto_the_email_options()
    {
        var options = BindEmail(new()
        {
            ["EMAIL_SMTP_SERVER"] = "smtp.example.com",
            ["EMAIL_SMTP_PORT"] = "465",
            ["EMAIL_USE_SSL"] = "true",
            ["EMAIL_USERNAME"] = "user",
            ["EMAIL_PASSWORD"] = " pass with spaces ",
            ["EMAIL_SENDER_ADDRESS"] = "monitor@example.com",
            ["ADMIN_EMAIL_RECIPIENTS"] = "a@example.com, b@example.com",
        });

        Assert.Equal(("smtp.example.com", 465, SmtpSecurity.ImplicitTls), (options.SmtpServer, options.SmtpPort, options.Security));
        Assert.Equal(" pass with spaces ", options.Password);
        Assert.Equal(["a@example.com", "b@example.com"], options.AdminRecipients);
        Assert.True(options.GlobalNotificationsEnabled);
    }

    [Fact]
    public void Unreadable_values_are_recorded_against_their_key()
    {
        var options = BindEmail(new() { ["EMAIL_SMTP_PORT"] = "smtp", ["EMAIL_USE_TLS"] = "maybe" });

        Assert.Equal(["EMAIL_SMTP_PORT: \"smtp\" is not a port number (1–65535)", "EMAIL_USE_TLS: \"maybe\" is not true or false"],
            options.BindingProblems);
    }

    [Fact]
    public async Task Every_configuration_problem_is_listed_at_start_with_its_key_and_nothing_runs()
    {
        var result = await AppProcess.RunAsync([], new Dictionary<string, string?>
        {
            ["INVENTREE_URL"] = "ftp://inventree.example.com",
            ["EMAIL_USE_TLS"] = "true",
            ["EMAIL_USE_SSL"] = "true",
            ["EMAIL_SMTP_PORT"] = "twenty-five",
            ["EMAIL_PASSWORD"] = "never-show-this",
            ["Monitoring__TimeZone"] = "Mars/Olympus",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Configuration is invalid (6 problems)", result.StdErr, StringComparison.Ordinal);
        foreach (var key in new[] { "INVENTREE_URL", "INVENTREE_API_TOKEN", "EMAIL_USE_SSL", "EMAIL_SMTP_PORT", "EMAIL_PASSWORD is set", "Monitoring:TimeZone" })
        {
            Assert.Contains(key, result.StdErr, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("never-show-this", result.StdErr + result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_shows_the_effective_configuration_with_secrets_redacted()
    {
        var result = await AppProcess.RunAsync(["--help"], new Dictionary<string, string?>
        {
            ["INVENTREE_URL"] = "https://inventree.example.com",
            ["INVENTREE_API_TOKEN"] = "tok-3141592653",
            ["EMAIL_SMTP_SERVER"] = "smtp.example.com",
            ["EMAIL_SENDER_ADDRESS"] = "monitor@example.com",
            ["EMAIL_USE_TLS"] = "true",
            ["EMAIL_USERNAME"] = "planner",
            ["EMAIL_PASSWORD"] = "pw-2718281828",
        });

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("calc", result.StdOut, StringComparison.Ordinal);
        Assert.Matches(@"INVENTREE_URL\s+https://inventree.example.com", result.StdOut);
        Assert.Matches(@"INVENTREE_API_TOKEN\s+set", result.StdOut);
        Assert.Matches(@"EMAIL_PASSWORD\s+set", result.StdOut);
        Assert.DoesNotContain("tok-3141592653", result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-2718281828", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Real_environment_variables_win_over_the_dotenv_file()
    {
        await using var harness = await InvenTreeHarness.StartAsync();
        var folder = Directory.CreateTempSubdirectory("md-env-").FullName;
        try
        {
            // The .env points at nothing; the environment points at the emulator and must win.
            await File.WriteAllTextAsync(Path.Combine(folder, ".env"),
                "INVENTREE_URL=http://127.0.0.1:9/\nINVENTREE_API_TOKEN=wrong\nGLOBAL_EMAIL_NOTIFICATIONS_ENABLED=false\n",
                TestContext.Current.CancellationToken);

            var calc = await AppProcess.RunAsync(["calc", "Sensor Board:1", "--json"], new Dictionary<string, string?>
            {
                ["INVENTREE_URL"] = harness.Emulator.BaseAddress.ToString(),
                ["INVENTREE_API_TOKEN"] = harness.Emulator.Token,
            }, workingDirectory: folder);
            var help = await AppProcess.RunAsync(["--help"], workingDirectory: folder);

            Assert.True(calc.ExitCode == 0, calc.StdErr);
            Assert.Matches(@"GLOBAL_EMAIL_NOTIFICATIONS_ENABLED\s+false", help.StdOut);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using MonitorDashboard.Security;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Cli;

[ProcessTests]
public sealed class HashPasswordCommandTests
{
    [Theory]
    [InlineData("s3cret passphrase\n", "s3cret passphrase")]
    [InlineData("s3cret passphrase\r\n", "s3cret passphrase")]
    [InlineData("  spaces count  ", "  spaces count  ")]
    public async Task A_piped_password_is_printed_as_a_hash_that_verifies(string stdin, string password)
    {
        var result = await AppProcess.RunAsync(["hash-password"], stdin: stdin);

        Assert.Equal(0, result.ExitCode);
        var hash = result.StdOut.Trim();
        Assert.True(PasswordHashing.IsWellFormed(hash), result.StdOut + result.StdErr);
        Assert.True(PasswordHashing.Verify(hash, password));
        Assert.DoesNotContain(password.Trim(), result.StdOut + result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    public async Task An_empty_password_is_refused(string stdin)
    {
        var result = await AppProcess.RunAsync(["hash-password"], stdin: stdin);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.StdOut);
        Assert.StartsWith("error: the password is empty", result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eleven char\n")]
    [InlineData("short\n")]
    [InlineData("ünïcödé pw\n")] // 10 characters whatever their bytes
    public async Task A_password_shorter_than_twelve_characters_is_refused_naming_the_rule(string stdin)
    {
        var result = await AppProcess.RunAsync(["hash-password"], stdin: stdin);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.StdOut);
        Assert.StartsWith("error: the password is too short: at least 12 characters are required", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_of_exactly_twelve_characters_is_accepted()
    {
        var result = await AppProcess.RunAsync(["hash-password"], stdin: "twelve chars\n");

        Assert.Equal(0, result.ExitCode);
        Assert.True(PasswordHashing.Verify(result.StdOut.Trim(), "twelve chars"));
    }

    [Fact]
    public async Task It_works_while_the_rest_of_the_configuration_is_broken()
    {
        var result = await AppProcess.RunAsync(["hash-password"], new Dictionary<string, string?>
        {
            ["Auth__Accounts__0__UserName"] = "vera",
            ["Auth__Accounts__0__PasswordHash"] = "not yet",
        }, stdin: "long enough password\n");

        Assert.Equal(0, result.ExitCode);
        Assert.True(PasswordHashing.Verify(result.StdOut.Trim(), "long enough password"));
    }
}

using MonitorDashboard.Security;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Cli;

public sealed class HashPasswordCommandTests
{
    [Theory]
    [InlineData("s3cret pass\n", "s3cret pass")]
    [InlineData("s3cret pass\r\n", "s3cret pass")]
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

    [Fact]
    public async Task It_works_while_the_rest_of_the_configuration_is_broken()
    {
        var result = await AppProcess.RunAsync(["hash-password"], new Dictionary<string, string?>
        {
            ["Auth__Accounts__0__UserName"] = "vera",
            ["Auth__Accounts__0__PasswordHash"] = "not yet",
        }, stdin: "pw\n");

        Assert.Equal(0, result.ExitCode);
        Assert.True(PasswordHashing.Verify(result.StdOut.Trim(), "pw"));
    }
}

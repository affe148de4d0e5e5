using MonitorDashboard.Security;

namespace MonitorDashboard.Tests.Security;

public sealed class StartupTokenTests
{
    [Fact]
    public void The_token_is_32_random_bytes_in_base64url()
    {
        var token = new StartupToken();

        Assert.Matches("^[A-Za-z0-9_-]{43}$", token.Value);
        Assert.NotEqual(token.Value, new StartupToken().Value);
    }

    [Fact]
    public void Only_the_exact_token_matches()
    {
        var token = new StartupToken();

        Assert.True(token.Matches(token.Value));
        Assert.False(token.Matches(token.Value.ToUpperInvariant() == token.Value ? token.Value.ToLowerInvariant() : token.Value.ToUpperInvariant()));
        Assert.False(token.Matches(token.Value[..^1]));
        Assert.False(token.Matches(token.Value + "x"));
        Assert.False(token.Matches(""));
        Assert.False(token.Matches(null));
        Assert.False(token.Matches(new string('a', 10_000)));
    }

    [Fact]
    public void The_token_never_prints() => Assert.DoesNotContain(new StartupToken().Value, new StartupToken().ToString(), StringComparison.Ordinal);
}

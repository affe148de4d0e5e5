using MonitorDashboard.Security;

namespace MonitorDashboard.Tests.Security;

public sealed class AuthOptionsValidatorTests
{
    private static readonly string Hash = PasswordHashing.Hash("secret");

    private static AuthOptions Valid() => new()
    {
        Accounts =
        [
            new AuthAccount { UserName = "alice", PasswordHash = Hash, Role = "admin" },
            new AuthAccount { UserName = "bob", PasswordHash = Hash, Role = "viewer" },
        ],
    };

    private static IReadOnlyList<string> Validate(AuthOptions options) =>
        new AuthOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Valid_accounts_pass() => Assert.Empty(Validate(Valid()));

    [Fact]
    public void No_accounts_is_valid_token_mode()
    {
        var options = new AuthOptions();

        Assert.Empty(Validate(options));
        Assert.True(options.UsesStartupToken);
    }

    public static TheoryData<string, Action<AuthOptions>, string> Broken => new()
    {
        { "missing user name", o => o.Accounts[1].UserName = " ", "Auth:Accounts:1:UserName is required" },
        { "padded user name", o => o.Accounts[1].UserName = "bob ", "Auth:Accounts:1:UserName: \"bob\" must not start or end with spaces" },
        { "duplicate user name", o => o.Accounts[1].UserName = "ALICE", "Auth:Accounts:1:UserName: \"ALICE\" is already used by Auth:Accounts:0" },
        { "missing hash", o => o.Accounts[0].PasswordHash = null, "Auth:Accounts:0:PasswordHash is required" },
        { "plain-text password as hash", o => o.Accounts[0].PasswordHash = "hunter2", "Auth:Accounts:0:PasswordHash is not a hash made by MonitorDashboard hash-password" },
        { "missing role", o => o.Accounts[1].Role = null, "Auth:Accounts:1:Role is required (admin or viewer)" },
        { "unknown role", o => o.Accounts[1].Role = "root", "Auth:Accounts:1:Role: \"root\" is not a role (admin or viewer)" },
        { "zero session", o => o.SessionLifetime = TimeSpan.Zero, "Auth:SessionLifetime: 00:00:00 must be longer than zero" },
        { "no upgraded hashes file", o => o.UpgradedHashesFile = " ", "Auth:UpgradedHashesFile must not be empty" },
        { "bad upgraded hashes file", o => o.UpgradedHashesFile = "data/\0hashes.json", "Auth:UpgradedHashesFile: \"data/\0hashes.json\" is not a valid path" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void One_broken_field_gives_one_problem_naming_its_key(string because, Action<AuthOptions> breakIt, string expected)
    {
        var options = Valid();
        breakIt(options);

        var problem = Assert.Single(Validate(options));
        Assert.True(problem.StartsWith(expected, StringComparison.Ordinal), $"{because}: {problem}");
    }

    [Fact]
    public void A_bad_hash_is_never_echoed()
    {
        var options = Valid();
        options.Accounts[0].PasswordHash = "hunter2";

        Assert.DoesNotContain("hunter2", Assert.Single(Validate(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void Roles_ignore_case() 
    {
        var options = Valid();
        options.Accounts[0].Role = "Admin";

        Assert.Empty(Validate(options));
    }
}

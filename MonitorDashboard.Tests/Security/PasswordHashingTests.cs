using Microsoft.AspNetCore.Identity;
using MonitorDashboard.Security;

namespace MonitorDashboard.Tests.Security;

public sealed class PasswordHashingTests
{
    private static readonly string Hash = PasswordHashing.Hash("correct horse battery staple");

    [Fact]
    public void The_right_password_verifies() => Assert.True(PasswordHashing.Verify(Hash, "correct horse battery staple"));

    [Theory]
    [InlineData("correct horse battery stapl")]
    [InlineData("Correct horse battery staple")]
    [InlineData("correct horse battery staple ")]
    [InlineData("")]
    public void A_wrong_password_does_not_verify(string password) => Assert.False(PasswordHashing.Verify(Hash, password));

    [Fact]
    public void The_same_password_hashes_differently_each_time_because_of_the_random_salt()
    {
        var again = PasswordHashing.Hash("correct horse battery staple");

        Assert.NotEqual(Hash, again);
        Assert.True(PasswordHashing.Verify(again, "correct horse battery staple"));
    }

    [Theory]
    [InlineData(20)] // inside the salt
    [InlineData(45)] // inside the subkey
    [InlineData(60)] // last byte
    public void A_tampered_hash_does_not_verify_and_does_not_throw(int index)
    {
        var bytes = Convert.FromBase64String(Hash);
        bytes[index] ^= 0x01;

        Assert.False(PasswordHashing.Verify(Convert.ToBase64String(bytes), "correct horse battery staple"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("c2hvcnQ=")] // base64, too short
    [InlineData("$2b$12$abcdefghijklmnopqrstuuQ0hDf6uMj6C0pHNvQh7c5P1pI3k6g4u")] // bcrypt: not our format
    public void Malformed_hashes_are_recognised(string? hash)
    {
        Assert.False(PasswordHashing.IsWellFormed(hash));
        Assert.False(PasswordHashing.Verify(hash ?? "", "anything"));
    }

    [Fact]
    public void A_fresh_hash_is_well_formed() => Assert.True(PasswordHashing.IsWellFormed(Hash));

    [Fact]
    public void An_identity_v3_hash_with_too_few_iterations_is_refused()
    {
        var bytes = Convert.FromBase64String(Hash);
        bytes[5] = bytes[6] = bytes[7] = 0;
        bytes[8] = 1; // one iteration

        Assert.False(PasswordHashing.IsWellFormed(Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void A_fresh_hash_uses_at_least_the_210000_PBKDF2_iterations_OWASP_asks_for()
    {
        Assert.True(PasswordHashing.IterationsOf(Hash) >= 210_000, $"{PasswordHashing.IterationsOf(Hash)} iterations");
        Assert.Equal(PasswordVerificationResult.Success, PasswordHashing.Check(Hash, "correct horse battery staple"));
    }

    [Fact]
    public void An_older_weaker_hash_is_still_accepted_and_verifies_but_asks_to_be_rehashed()
    {
        var weak = WeakHashes.Make("correct horse battery staple", 10_000);

        Assert.True(PasswordHashing.IsWellFormed(weak));
        Assert.Equal(10_000, PasswordHashing.IterationsOf(weak));
        Assert.True(PasswordHashing.Verify(weak, "correct horse battery staple"));
        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, PasswordHashing.Check(weak, "correct horse battery staple"));
        Assert.Equal(PasswordVerificationResult.Failed, PasswordHashing.Check(weak, "correct horse battery stapler"));
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MonitorDashboard.Security;

namespace MonitorDashboard.Tests.Security;

/// <summary>Identity v3 hashes with fewer iterations, as older versions of hash-password (or of Identity) made them.</summary>
internal static class WeakHashes
{
    public static string Make(string password, int iterations = 10_000) =>
        new PasswordHasher<AuthAccount>(Options.Create(new PasswordHasherOptions { IterationCount = iterations }))
            .HashPassword(new AuthAccount(), password);
}

using Microsoft.Extensions.Options;

namespace MonitorDashboard.Security;

/// <summary>Every problem of the accounts at once, each naming its key. Never echoes a password hash.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var errors = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Accounts.Count; i++)
        {
            var key = $"{AuthOptions.SectionName}:Accounts:{i}";
            var account = options.Accounts[i];
            if (string.IsNullOrWhiteSpace(account.UserName))
            {
                errors.Add($"{key}:UserName is required");
            }
            else if (account.UserName.Trim() != account.UserName || account.UserName.Any(char.IsControl))
            {
                errors.Add($"{key}:UserName: \"{account.UserName.Trim()}\" must not start or end with spaces or contain control characters");
            }
            else if (!seen.TryAdd(account.UserName, i))
            {
                errors.Add($"{key}:UserName: \"{account.UserName}\" is already used by {AuthOptions.SectionName}:Accounts:{seen[account.UserName]} (user names ignore case)");
            }

            if (string.IsNullOrWhiteSpace(account.PasswordHash))
            {
                errors.Add($"{key}:PasswordHash is required (make one with: MonitorDashboard hash-password)");
            }
            else if (!PasswordHashing.IsWellFormed(account.PasswordHash))
            {
                errors.Add($"{key}:PasswordHash is not a hash made by MonitorDashboard hash-password");
            }

            if (string.IsNullOrWhiteSpace(account.Role))
            {
                errors.Add($"{key}:Role is required (admin or viewer)");
            }
            else if (Roles.Normalize(account.Role) is null)
            {
                errors.Add($"{key}:Role: \"{account.Role}\" is not a role (admin or viewer)");
            }
        }
        if (options.RevalidationInterval < TimeSpan.FromSeconds(1) || options.RevalidationInterval > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{AuthOptions.SectionName}:RevalidationInterval: {options.RevalidationInterval} is outside 00:00:01–00:10:00");
        }
        if (options.SessionLifetime <= TimeSpan.Zero)
        {
            errors.Add($"{AuthOptions.SectionName}:SessionLifetime: {options.SessionLifetime} must be longer than zero");
        }
        if (string.IsNullOrWhiteSpace(options.UpgradedHashesFile))
        {
            errors.Add($"{AuthOptions.SectionName}:UpgradedHashesFile must not be empty");
        }
        else if (options.UpgradedHashesFile.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            errors.Add($"{AuthOptions.SectionName}:UpgradedHashesFile: \"{options.UpgradedHashesFile}\" is not a valid path");
        }
        errors.AddRange(TrustedProxies.Problems(options));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

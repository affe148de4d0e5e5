using System.Net.Mail;
using System.Text.RegularExpressions;

namespace MonitorDashboard.Presets;

/// <summary>
/// Strict recipient check: a bare addr-spec (dot-atom local part, a domain with at least one dot), no display
/// name, no quoted local part, no whitespace or CR/LF that could smuggle headers into an email.
/// </summary>
public static partial class EmailAddressRule
{
    public const int MaxRecipients = 50;

    public static bool IsValid(string? address)
    {
        if (string.IsNullOrEmpty(address) || address.Length > 254 || !AddrSpec().IsMatch(address))
        {
            return false;
        }
        var at = address.LastIndexOf('@');
        if (at > 64)
        {
            return false;
        }
        // Second opinion from the framework parser: it must read the same address and no display name.
        return MailAddress.TryCreate(address, out var parsed)
            && parsed.DisplayName.Length == 0
            && string.Equals(parsed.Address, address, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@([\p{L}\p{N}]([\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}\p{N}]([\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\z")]
    private static partial Regex AddrSpec();
}

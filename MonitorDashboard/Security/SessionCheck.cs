namespace MonitorDashboard.Security;

/// <summary>Whether a session may still act, and if not, why — in words a signed-out user is shown.</summary>
public enum SessionCheck
{
    Valid,
    SignedOut,
    AccountChanged,
    Expired,
}

public static class SessionCheckText
{
    /// <summary>What the page says when a live dashboard loses access.</summary>
    public static string Describe(SessionCheck check) => check switch
    {
        SessionCheck.SignedOut => "you signed out (in this or another tab)",
        SessionCheck.AccountChanged => "your account was changed or removed (role, password or the accounts configuration)",
        SessionCheck.Expired => "your session expired",
        _ => "your session is no longer valid",
    };
}

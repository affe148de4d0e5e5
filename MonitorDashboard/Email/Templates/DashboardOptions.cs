namespace MonitorDashboard.Email.Templates;

/// <summary>How people reach the dashboard from outside. Bound from <c>Dashboard</c>.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// The dashboard's address as recipients of a report open it (<c>https://monitor.example.com</c>, a path base allowed).
    /// Reports link to pages of the dashboard only when it is set: the app cannot know its public address behind a proxy.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>The order proposal page of a run (<c>&lt;PublicUrl&gt;/runs/&lt;id&gt;/proposal</c>); empty without a public address.</summary>
    public string ProposalUrl(Guid runId) =>
        string.IsNullOrWhiteSpace(PublicUrl) ? "" : $"{PublicUrl.Trim().TrimEnd('/')}/runs/{runId}/proposal";
}

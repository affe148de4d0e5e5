using System.Globalization;
using Microsoft.Extensions.Options;
using MonitorDashboard.Cron;
using MonitorDashboard.Email;
using MonitorDashboard.Email.Templates;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.Health;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Presets;
using MonitorDashboard.Security;

namespace MonitorDashboard.Configuration;

/// <summary>One line of the effective configuration. Secrets only ever say "set" or "not set".</summary>
public sealed record ConfigurationEntry(string Key, string Value, bool IsSecret = false);

/// <summary>
/// The configuration in force, redacted, for the status page and <c>--help</c>: what a user needs to
/// see to understand what the app will do, never a token or password.
/// </summary>
public sealed class EffectiveConfiguration(
    IOptions<InvenTreeOptions> inventree,
    IOptions<EmailOptions> email,
    IOptions<MonitoringOptions> monitoring,
    IOptions<ScheduleOptions> schedule,
    IOptions<PresetsOptions> presets,
    IOptions<HistoryOptions> history,
    IOptions<AuthOptions> auth,
    IOptions<HealthOptions> health,
    IOptions<DashboardOptions> dashboard)
{
    public IReadOnlyList<ConfigurationEntry> Entries()
    {
        var i = inventree.Value;
        var e = email.Value;
        var m = monitoring.Value;
        var a = auth.Value;
        return
        [
            new("INVENTREE_URL", i.IsDemo ? "not set (demo mode: embedded sample catalog)" : i.Url!),
            Secret("INVENTREE_API_TOKEN", i.ApiToken),
            new("INVENTREE_INSTANCE_URL", i.InstanceUrl ?? "not set"),
            new("InvenTree:WebUi", i.WebUi),
            new("PRESETS_FILE_PATH", presets.Value.FilePath),
            new("Presets:LockTimeout", presets.Value.LockTimeout.ToString()),
            new("Presets:BackupGenerations", presets.Value.BackupGenerations.ToString(CultureInfo.InvariantCulture)),
            new("EMAIL_SMTP_SERVER", e.UsesOutbox ? $"not set (emails are written to {e.OutboxFolder}/)" : e.SmtpServer!),
            new("EMAIL_SMTP_PORT", e.SmtpPort.ToString(CultureInfo.InvariantCulture)),
            new("EMAIL_USE_TLS / EMAIL_USE_SSL", e.Security switch
            {
                SmtpSecurity.ImplicitTls => "implicit TLS (EMAIL_USE_SSL)",
                SmtpSecurity.StartTls => "STARTTLS (EMAIL_USE_TLS)",
                _ => "none",
            }),
            new("EMAIL_USERNAME", e.Username ?? "not set"),
            Secret("EMAIL_PASSWORD", e.Password),
            new("EMAIL_SENDER_ADDRESS", e.SenderAddress ?? "not set"),
            new("ADMIN_EMAIL_RECIPIENTS", e.AdminRecipients.Count == 0 ? "none" : string.Join(", ", e.AdminRecipients)),
            new("GLOBAL_EMAIL_NOTIFICATIONS_ENABLED", e.GlobalNotificationsEnabled ? "true" : "false (no email of any kind)"),
            new("Email:OutboxFolder", e.OutboxFolder),
            new("Dashboard:PublicUrl", string.IsNullOrWhiteSpace(dashboard.Value.PublicUrl)
                ? "not set (reports do not link to the dashboard)" : dashboard.Value.PublicUrl.Trim()),
            new("Email:CaCertificateFile", e.CaCertificateFile ?? "not set (system trust store)"),
            new("Email:AllowPlainTextAuth", e.AllowPlainTextAuth ? "true" : "false"),
            new("Email:Timeout", e.Timeout.ToString()),
            new("Email:SessionTimeout", e.SessionTimeout.ToString()),
            new("Email:SendTimeout", e.SendTimeout.ToString()),
            new("Email:MaxRetries", e.MaxRetries.ToString(CultureInfo.InvariantCulture)),
            new("Email:RetryBaseDelay", e.RetryBaseDelay.ToString()),
            new("Email:CircuitBreakerFailureThreshold", e.CircuitBreakerFailureThreshold.ToString(CultureInfo.InvariantCulture)),
            new("Email:CircuitBreakerBreakDuration", e.CircuitBreakerBreakDuration.ToString()),
            new("Monitoring:TimeZone", schedule.Value.TimeZone),
            new("Monitoring:MinimumInterval", schedule.Value.MinimumInterval.ToString()),
            new("Monitoring:MaxConcurrentChecks", m.MaxConcurrentChecks.ToString(CultureInfo.InvariantCulture)),
            new("Monitoring:MisfireGrace", m.MisfireGrace.ToString()),
            new("Monitoring:HistoryRetention", m.HistoryRetention.ToString(CultureInfo.InvariantCulture)),
            new("Monitoring:CheckTimeout", m.CheckTimeout.ToString()),
            new("Monitoring:RunLease", m.RunLease.ToString()),
            new("Monitoring:StopGrace", m.StopGrace.ToString()),
            new("History:DatabasePath", history.Value.DatabasePath),
            new("History:BusyTimeout", history.Value.BusyTimeout.ToString()),
            new("InvenTree:MaxConcurrency", i.MaxConcurrency.ToString(CultureInfo.InvariantCulture)),
            new("InvenTree:PageSize", i.PageSize.ToString(CultureInfo.InvariantCulture)),
            new("InvenTree:RequestTimeout", i.RequestTimeout.ToString()),
            new("InvenTree:MaxRetries", i.MaxRetries.ToString(CultureInfo.InvariantCulture)),
            new("InvenTree:RetryBaseDelay", i.RetryBaseDelay.ToString()),
            new("InvenTree:MaxResponseBytes", i.MaxResponseBytes.ToString(CultureInfo.InvariantCulture)),
            new("InvenTree:CaCertificateFile", i.CaCertificateFile ?? "not set (system trust store)"),
            // Names and roles only: password hashes stay out, like every other secret.
            new("Auth:Accounts", a.UsesStartupToken
                ? "none (sign-in with the start-up token printed on the console; listening on 127.0.0.1 only)"
                : string.Join(", ", a.Accounts.Select(x => $"{x.UserName} ({Roles.Normalize(x.Role) ?? x.Role})"))),
            new("Auth:SessionLifetime", a.SessionLifetime.ToString()),
            new("Auth:RevalidationInterval", a.RevalidationInterval.ToString()),
            new("Auth:UpgradedHashesFile", a.UpgradedHashesFile),
            Secret("Health:Token", health.Value.Token),
            new("Health:AnonymousCacheDuration", health.Value.AnonymousCacheDuration.ToString()),
            new("Auth:KnownProxies / Auth:KnownNetworks", a.TrustsProxies
                ? string.Join(", ", a.KnownProxies.Concat(a.KnownNetworks)) + $" (forward limit {a.ForwardLimit})"
                : "none (X-Forwarded-* headers are ignored)"),
        ];
    }

    private static ConfigurationEntry Secret(string key, string? value) =>
        new(key, string.IsNullOrEmpty(value) ? "not set" : "set", IsSecret: true);
}

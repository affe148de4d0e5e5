namespace MonitorDashboard.Monitoring;

/// <summary>
/// The scheduler's and the checks' own settings (the <c>Monitoring</c> section). The default time zone and the minimum
/// interval, which the list validator and the emails share, are <see cref="Cron.ScheduleOptions"/>.
/// </summary>
public sealed class MonitoringOptions
{
    public const string SectionName = "Monitoring";

    public int MaxConcurrentChecks { get; set; } = 2;

    /// <summary>A run missed by less than this during downtime runs once at start-up; older ones are recorded as missed.</summary>
    public TimeSpan MisfireGrace { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many runs per list the history keeps.</summary>
    public int HistoryRetention { get; set; } = 500;

    /// <summary>A whole check (fetch, calculation, report, delivery) is cancelled and recorded as failed after this.</summary>
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a running check's claim on its list (in the history database) lasts without renewal. A process that
    /// is killed leaves its claim behind; another process takes it over once it expires (at once on the same machine).
    /// </summary>
    public TimeSpan RunLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// presets.json is written with the <c>last_hash</c> of reports at most this often; reports that go out meanwhile
    /// have theirs written together in the next write. Zero writes as soon as the previous write is done.
    /// </summary>
    public TimeSpan LastHashWriteInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>When the app stops, a report already being sent gets this long to finish before it is cancelled too.</summary>
    public TimeSpan StopGrace { get; set; } = TimeSpan.FromSeconds(5);
}

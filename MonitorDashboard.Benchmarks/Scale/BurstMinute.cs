namespace MonitorDashboard.Benchmarks.Scale;

/// <summary>
/// When the burst happens: every list gets the cron <c>M * * * *</c> (hourly at minute M, UTC), so all come due at
/// the same minute without lowering the minimum interval, and the benchmark knows when.
/// </summary>
internal static class BurstMinute
{
    /// <summary>
    /// Time from launching the app to the burst: start-up (3–8 s on a busy 2-core machine), 5 s to settle, 10 s idle
    /// measurement, the browser's sign-in; so the burst minute is 40–100 s after the launch.
    /// </summary>
    public static readonly TimeSpan Lead = TimeSpan.FromSeconds(40);

    /// <summary>The first whole UTC minute at least <paramref name="lead"/> after <paramref name="now"/>.</summary>
    public static DateTimeOffset First(DateTimeOffset now, TimeSpan lead)
    {
        var earliest = now.ToUniversalTime() + lead;
        var floor = new DateTimeOffset(earliest.Year, earliest.Month, earliest.Day, earliest.Hour, earliest.Minute, 0, TimeSpan.Zero);
        return floor == earliest ? floor : floor.AddMinutes(1);
    }

    /// <summary>The cron expression due at <paramref name="burst"/> (once an hour, so well above the minimum interval).</summary>
    public static string Cron(DateTimeOffset burst) => $"{burst.ToUniversalTime().Minute} * * * *";
}

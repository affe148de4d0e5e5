using Microsoft.Data.Sqlite;
using MonitorDashboard.Email;

namespace MonitorDashboard.Monitoring.History;

/// <summary>Maps a run to the <c>runs</c> columns and back.</summary>
internal static class RunColumns
{
    private static readonly string[] SummaryNames =
    [
        "run_id", "list_id", "list_name", "trigger", "scheduled_for", "started_at", "finished_at", "outcome",
        "to_order", "to_build", "critical", "not_found", "warnings", "hash", "changed", "email_outcome", "error",
        "correlation_id",
    ];

    /// <summary>The summary columns, optionally qualified by a table alias; the payload, when selected, follows them.</summary>
    public static string Summary(string alias = "") =>
        string.Join(", ", SummaryNames.Select(n => alias.Length == 0 ? n : $"{alias}.{n}"));

    public static int PayloadOrdinal => SummaryNames.Length;

    public const string Insert = """
        INSERT INTO runs (run_id, list_id, list_name, trigger, scheduled_for, started_at, finished_at, outcome,
                          to_order, to_build, critical, not_found, warnings, hash, changed, email_outcome, reported,
                          error, correlation_id, payload)
        VALUES ($run_id, $list_id, $list_name, $trigger, $scheduled_for, $started_at, $finished_at, $outcome,
                $to_order, $to_build, $critical, $not_found, $warnings, $hash, $changed, $email_outcome, $reported,
                $error, $correlation_id, $payload);
        """;

    public static void Bind(SqliteCommand command, RunRecord run)
    {
        var s = run.Summary;
        var p = command.Parameters;
        p.AddWithValue("$run_id", s.RunId.ToString("D"));
        p.AddWithValue("$list_id", s.ListId);
        p.AddWithValue("$list_name", s.ListName);
        p.AddWithValue("$trigger", HistoryValues.ToText(s.Trigger));
        p.AddWithValue("$scheduled_for", HistoryValues.ToDb(s.ScheduledFor));
        p.AddWithValue("$started_at", HistoryValues.ToText(s.StartedAt));
        p.AddWithValue("$finished_at", HistoryValues.ToText(s.FinishedAt));
        p.AddWithValue("$outcome", HistoryValues.ToText(s.Outcome));
        p.AddWithValue("$to_order", s.Counts.ToOrder);
        p.AddWithValue("$to_build", s.Counts.ToBuild);
        p.AddWithValue("$critical", s.Counts.Critical);
        p.AddWithValue("$not_found", s.Counts.NotFound);
        p.AddWithValue("$warnings", s.Counts.Warnings);
        p.AddWithValue("$hash", HistoryValues.ToDb(s.Hash));
        p.AddWithValue("$changed", s.Changed);
        p.AddWithValue("$email_outcome", s.EmailOutcome is { } e ? HistoryValues.ToText(e) : DBNull.Value);
        // "Reported" follows the delivery itself, not the summary's copy of its outcome: only an accepted
        // delivery makes a run "the previous report" that the next report is compared with.
        p.AddWithValue("$reported", run.Delivery?.Accepted == true);
        p.AddWithValue("$error", HistoryValues.ToDb(s.Error));
        p.AddWithValue("$correlation_id", HistoryValues.ToDb(s.CorrelationId));
        p.Add("$payload", SqliteType.Blob).Value = (object?)run.Details.Payload ?? DBNull.Value;
    }

    public static RunSummary ReadSummary(SqliteDataReader r) => new(
        Guid.ParseExact(r.GetString(0), "D"),
        r.GetString(1),
        r.GetString(2),
        HistoryValues.ParseEnum<RunTrigger>(r.GetString(3)),
        r.IsDBNull(4) ? null : HistoryValues.ParseTime(r.GetString(4)),
        HistoryValues.ParseTime(r.GetString(5)),
        HistoryValues.ParseTime(r.GetString(6)),
        HistoryValues.ParseEnum<RunOutcome>(r.GetString(7)),
        new RunCounts(r.GetInt32(8), r.GetInt32(9), r.GetInt32(10), r.GetInt32(11), r.GetInt32(12)),
        r.IsDBNull(13) ? null : r.GetString(13),
        r.GetBoolean(14),
        r.IsDBNull(15) ? null : HistoryValues.ParseEnum<DeliveryOutcome>(r.GetString(15)),
        r.IsDBNull(16) ? null : r.GetString(16),
        r.IsDBNull(17) ? null : r.GetString(17));

    public static RunRecord ReadRecord(SqliteDataReader r)
    {
        var payload = r.IsDBNull(PayloadOrdinal) ? null : (byte[])r.GetValue(PayloadOrdinal);
        return RunPayload.Unpack(ReadSummary(r), payload);
    }
}

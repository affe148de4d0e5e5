using Microsoft.Data.Sqlite;

namespace MonitorDashboard.Monitoring.History;

/// <summary>Maps a list's scheduling state to the <c>list_state</c> columns and back.</summary>
internal static class StateColumns
{
    public const string Select = """
        SELECT list_id, next_due, last_scheduled, schedule_key, failing_since, consecutive_failures,
               failure_notice_sent, delivery_failure_notice_sent, unsaved_hash, unsaved_hash_base, delivery_failing_since
        FROM list_state
        """;

    public const string Upsert = """
        INSERT INTO list_state (list_id, next_due, last_scheduled, schedule_key, failing_since, consecutive_failures,
                                failure_notice_sent, delivery_failure_notice_sent, unsaved_hash, unsaved_hash_base,
                                delivery_failing_since)
        VALUES ($list_id, $next_due, $last_scheduled, $schedule_key, $failing_since, $consecutive_failures,
                $failure_notice_sent, $delivery_failure_notice_sent, $unsaved_hash, $unsaved_hash_base,
                $delivery_failing_since)
        ON CONFLICT (list_id) DO UPDATE SET
            next_due = excluded.next_due,
            last_scheduled = excluded.last_scheduled,
            schedule_key = excluded.schedule_key,
            failing_since = excluded.failing_since,
            consecutive_failures = excluded.consecutive_failures,
            failure_notice_sent = excluded.failure_notice_sent,
            delivery_failure_notice_sent = excluded.delivery_failure_notice_sent,
            unsaved_hash = excluded.unsaved_hash,
            unsaved_hash_base = excluded.unsaved_hash_base,
            delivery_failing_since = excluded.delivery_failing_since;
        """;

    public static void Bind(SqliteCommand command, ListScheduleState state)
    {
        var p = command.Parameters;
        p.AddWithValue("$list_id", state.ListId);
        p.AddWithValue("$next_due", HistoryValues.ToDb(state.NextDue));
        p.AddWithValue("$last_scheduled", HistoryValues.ToDb(state.LastScheduled));
        p.AddWithValue("$schedule_key", HistoryValues.ToDb(state.ScheduleKey));
        p.AddWithValue("$failing_since", HistoryValues.ToDb(state.FailingSince));
        p.AddWithValue("$consecutive_failures", state.ConsecutiveFailures);
        p.AddWithValue("$failure_notice_sent", state.FailureNoticeSent);
        p.AddWithValue("$delivery_failure_notice_sent", state.DeliveryFailureNoticeSent);
        p.AddWithValue("$unsaved_hash", HistoryValues.ToDb(state.UnsavedHash));
        p.AddWithValue("$unsaved_hash_base", HistoryValues.ToDb(state.UnsavedHashBase));
        p.AddWithValue("$delivery_failing_since", HistoryValues.ToDb(state.DeliveryFailingSince));
    }

    public static ListScheduleState Read(SqliteDataReader r) => new(
        r.GetString(0),
        r.IsDBNull(1) ? null : HistoryValues.ParseTime(r.GetString(1)),
        r.IsDBNull(2) ? null : HistoryValues.ParseTime(r.GetString(2)),
        r.IsDBNull(3) ? null : r.GetString(3),
        r.IsDBNull(4) ? null : HistoryValues.ParseTime(r.GetString(4)),
        r.GetInt32(5),
        r.GetBoolean(6),
        r.GetBoolean(7),
        r.IsDBNull(8) ? null : r.GetString(8),
        r.IsDBNull(9) ? null : r.GetString(9),
        r.IsDBNull(10) ? null : HistoryValues.ParseTime(r.GetString(10)));
}

namespace MonitorDashboard.Monitoring.History;

/// <summary>One forward step of the schema: the SQL that takes the database from <c>Version - 1</c> to <c>Version</c>.</summary>
internal sealed record HistoryMigration(int Version, string Sql);

/// <summary>
/// The schema as an ordered list of forward migrations; <c>PRAGMA user_version</c> records how many were applied.
/// Never edit a released step: append a new one.
/// </summary>
internal static class HistorySchema
{
    public static IReadOnlyList<HistoryMigration> Migrations { get; } =
    [
        new(1, """
            CREATE TABLE runs (
                run_id         TEXT    NOT NULL PRIMARY KEY,
                list_id        TEXT    NOT NULL,
                list_name      TEXT    NOT NULL,
                trigger        TEXT    NOT NULL,
                scheduled_for  TEXT    NULL,
                started_at     TEXT    NOT NULL,
                finished_at    TEXT    NOT NULL,
                outcome        TEXT    NOT NULL,
                to_order       INTEGER NOT NULL,
                to_build       INTEGER NOT NULL,
                critical       INTEGER NOT NULL,
                not_found      INTEGER NOT NULL,
                warnings       INTEGER NOT NULL,
                hash           TEXT    NULL,
                changed        INTEGER NOT NULL,
                email_outcome  TEXT    NULL,
                reported       INTEGER NOT NULL,
                error          TEXT    NULL,
                correlation_id TEXT    NULL,
                payload        BLOB    NULL
            );
            -- Ascending on purpose: walked backwards it yields started_at DESC, rowid DESC (the "newest first"
            -- order with insertion order breaking ties) without a sort step.
            CREATE INDEX ix_runs_list_started ON runs (list_id, started_at);
            CREATE INDEX ix_runs_list_reported ON runs (list_id, started_at) WHERE reported = 1;

            CREATE TABLE list_state (
                list_id                      TEXT    NOT NULL PRIMARY KEY,
                next_due                     TEXT    NULL,
                last_scheduled               TEXT    NULL,
                schedule_key                 TEXT    NULL,
                failing_since                TEXT    NULL,
                consecutive_failures         INTEGER NOT NULL DEFAULT 0,
                failure_notice_sent          INTEGER NOT NULL DEFAULT 0,
                delivery_failure_notice_sent INTEGER NOT NULL DEFAULT 0
            );
            """),
        new(2, """
            -- A report accepted for delivery whose hash could not be written to presets.json (read-only file, a
            -- conflict): kept here so the next run does not send it again, and written to presets.json later.
            -- unsaved_hash_base is the last_hash presets.json had then; an outside change to it wins.
            ALTER TABLE list_state ADD COLUMN unsaved_hash TEXT NULL;
            ALTER TABLE list_state ADD COLUMN unsaved_hash_base TEXT NULL;
            -- Start of a delivery failure streak, for the "delivery recovered" notice (told even when the "failing" one
            -- could not be: it goes through the same mail server).
            ALTER TABLE list_state ADD COLUMN delivery_failing_since TEXT NULL;

            -- One row per list being checked right now, by any process: the claim that keeps the same list from
            -- running twice at once across the dashboard and `monitor run`. It expires unless renewed, so a killed
            -- process does not block the list; its row then tells what the killed run was doing.
            CREATE TABLE run_leases (
                list_id        TEXT    NOT NULL PRIMARY KEY,
                run_id         TEXT    NOT NULL,
                list_name      TEXT    NOT NULL,
                trigger        TEXT    NOT NULL,
                scheduled_for  TEXT    NULL,
                started_at     TEXT    NOT NULL,
                expires_at     TEXT    NOT NULL,
                owner_host     TEXT    NOT NULL,
                owner_pid      INTEGER NOT NULL,
                owner_started  TEXT    NOT NULL,
                owner_kind     TEXT    NOT NULL,
                owner_instance TEXT    NOT NULL,
                stage          TEXT    NULL,
                correlation_id TEXT    NULL
            );
            """),
        new(3, """
            -- The Pending purchase orders drafted in InvenTree from a run's order proposal, one per run and supplier,
            -- each written as soon as InvenTree created it (so a crash half-way still knows what exists). Not tied to
            -- runs: the orders exist in InvenTree whether or not retention has dropped the run.
            CREATE TABLE draft_orders (
                run_id          TEXT    NOT NULL,
                supplier_pk     INTEGER NOT NULL,
                supplier_name   TEXT    NOT NULL,
                order_pk        INTEGER NOT NULL,
                order_reference TEXT    NOT NULL,
                created_at      TEXT    NOT NULL,
                PRIMARY KEY (run_id, supplier_pk)
            );
            -- Their lines: created (with InvenTree's line pk) or refused (with InvenTree's reason); a created line is
            -- never turned back into a refused one. quantity is the line's quantity in supplier-part units (packs),
            -- as invariant decimal text.
            CREATE TABLE draft_order_lines (
                run_id           TEXT    NOT NULL,
                supplier_pk      INTEGER NOT NULL,
                supplier_part_pk INTEGER NOT NULL,
                part_pk          INTEGER NOT NULL,
                part_name        TEXT    NOT NULL,
                sku              TEXT    NULL,
                quantity         TEXT    NOT NULL,
                line_pk          INTEGER NULL,
                status           TEXT    NOT NULL,
                reason           TEXT    NULL,
                recorded_at      TEXT    NOT NULL,
                PRIMARY KEY (run_id, supplier_pk, supplier_part_pk)
            );
            """),
    ];
}

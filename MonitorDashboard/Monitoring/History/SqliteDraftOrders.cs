using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MonitorDashboard.Monitoring.History;

/// <summary><see cref="IDraftOrderStore"/> in the <c>draft_orders</c> and <c>draft_order_lines</c> tables of the history database.</summary>
internal sealed class SqliteDraftOrders(HistoryDatabase database) : IDraftOrderStore
{
    public async Task<RunDraftOrders> ForRunAsync(Guid runId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var id = runId.ToString("D");
        var orders = new List<DraftOrderRecord>();
        await using (var command = Command(connection, """
            SELECT supplier_pk, supplier_name, order_pk, order_reference, created_at
            FROM draft_orders WHERE run_id = $run_id ORDER BY supplier_name, supplier_pk;
            """, id))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                orders.Add(new DraftOrderRecord(runId, reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                    HistoryValues.ParseTime(reader.GetString(4))));
            }
        }
        var lines = new List<DraftLineRecord>();
        await using (var command = Command(connection, """
            SELECT supplier_pk, supplier_part_pk, part_pk, part_name, sku, quantity, line_pk, status, reason, recorded_at
            FROM draft_order_lines WHERE run_id = $run_id ORDER BY supplier_pk, part_name, supplier_part_pk;
            """, id))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                lines.Add(new DraftLineRecord(runId, reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    decimal.Parse(reader.GetString(5), NumberStyles.Number, CultureInfo.InvariantCulture),
                    reader.IsDBNull(6) ? null : reader.GetInt32(6),
                    HistoryValues.ParseEnum<DraftLineStatus>(reader.GetString(7)),
                    reader.IsDBNull(8) ? null : reader.GetString(8),
                    HistoryValues.ParseTime(reader.GetString(9))));
            }
        }
        return new RunDraftOrders(orders, lines);
    }

    public async Task<bool> AddOrderAsync(DraftOrderRecord order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = Command(connection, """
            INSERT INTO draft_orders (run_id, supplier_pk, supplier_name, order_pk, order_reference, created_at)
            VALUES ($run_id, $supplier_pk, $supplier_name, $order_pk, $order_reference, $created_at)
            ON CONFLICT (run_id, supplier_pk) DO NOTHING;
            """, order.RunId.ToString("D"));
        var p = command.Parameters;
        p.AddWithValue("$supplier_pk", order.SupplierPk);
        p.AddWithValue("$supplier_name", order.SupplierName);
        p.AddWithValue("$order_pk", order.OrderPk);
        p.AddWithValue("$order_reference", order.OrderReference);
        p.AddWithValue("$created_at", HistoryValues.ToText(order.CreatedAt));
        // Once InvenTree has the order, the record must land even if the caller gives up now.
        return await command.ExecuteNonQueryAsync(CancellationToken.None) == 1;
    }

    public async Task RecordLineAsync(DraftLineRecord line, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(line);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = Command(connection, """
            INSERT INTO draft_order_lines
                (run_id, supplier_pk, supplier_part_pk, part_pk, part_name, sku, quantity, line_pk, status, reason, recorded_at)
            VALUES ($run_id, $supplier_pk, $supplier_part_pk, $part_pk, $part_name, $sku, $quantity, $line_pk, $status, $reason, $recorded_at)
            ON CONFLICT (run_id, supplier_pk, supplier_part_pk) DO UPDATE SET
                part_pk = excluded.part_pk, part_name = excluded.part_name, sku = excluded.sku, quantity = excluded.quantity,
                line_pk = excluded.line_pk, status = excluded.status, reason = excluded.reason, recorded_at = excluded.recorded_at
            WHERE draft_order_lines.status <> 'created';
            """, line.RunId.ToString("D"));
        var p = command.Parameters;
        p.AddWithValue("$supplier_pk", line.SupplierPk);
        p.AddWithValue("$supplier_part_pk", line.SupplierPartPk);
        p.AddWithValue("$part_pk", line.PartPk);
        p.AddWithValue("$part_name", line.PartName);
        p.AddWithValue("$sku", HistoryValues.ToDb(line.Sku));
        p.AddWithValue("$quantity", line.Quantity.ToString(CultureInfo.InvariantCulture));
        p.AddWithValue("$line_pk", line.LinePk is { } pk ? pk : DBNull.Value);
        p.AddWithValue("$status", HistoryValues.ToText(line.Status));
        p.AddWithValue("$reason", HistoryValues.ToDb(line.Reason));
        p.AddWithValue("$recorded_at", HistoryValues.ToText(line.RecordedAt));
        if (line.Status == DraftLineStatus.Created)
        {
            // The part is on the order now: its refusals through another supplier part are history no longer worth showing.
            command.CommandText += """

                DELETE FROM draft_order_lines
                WHERE run_id = $run_id AND supplier_pk = $supplier_pk AND part_pk = $part_pk
                  AND supplier_part_pk <> $supplier_part_pk AND status = 'refused';
                """;
        }
        await using var transaction = connection.BeginTransaction(deferred: false);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string runId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$run_id", runId);
        return command;
    }
}

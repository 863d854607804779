package io.gull.cli.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.gull.cli.output.ResultTable;

/** The two telemetry reads of the CLI, on Gull's tables ({@code telemetry_by_device}, {@code latest_by_device}). */
public final class TelemetryQueries {
    static final String[] COLUMNS = {"received_at", "topic", "payload", "qos", "message_id"};

    private final CqlSession session;
    private final String keyspace;

    public TelemetryQueries(CqlSession session, String keyspace) {
        this.session = session;
        this.keyspace = CqlIdentifier.fromInternal(keyspace).asCql(true);
    }

    /**
     * Messages of one device received at or after {@code since}, newest first, reading the day partitions in the
     * order given (newest first) until {@code limit} rows are found.
     */
    public ResultTable telemetry(String deviceId, Instant since, List<LocalDate> daysNewestFirst, int limit) {
        PreparedStatement select = session.prepare("SELECT received_at, topic, payload, qos, message_id FROM "
                + keyspace + ".telemetry_by_device WHERE device_id = ? AND day = ? AND received_at >= ? LIMIT ?");
        ResultTable.Builder table = ResultTable.builder(COLUMNS);
        int remaining = limit;
        for (LocalDate day : daysNewestFirst) {
            if (remaining == 0) {
                break;
            }
            for (Row row : session.execute(select.bind(deviceId, day, since, remaining))) {
                addRow(table, row);
                remaining--;
            }
        }
        return table.build();
    }

    /** The newest message of the device on each of its topics. */
    public ResultTable latest(String deviceId) {
        PreparedStatement select = session.prepare("SELECT received_at, topic, payload, qos, message_id FROM "
                + keyspace + ".latest_by_device WHERE device_id = ?");
        ResultTable.Builder table = ResultTable.builder(COLUMNS);
        for (Row row : session.execute(select.bind(deviceId))) {
            addRow(table, row);
        }
        return table.build();
    }

    private static void addRow(ResultTable.Builder table, Row row) {
        Instant receivedAt = row.getInstant("received_at");
        table.row(receivedAt == null ? null : receivedAt.toString(), row.getString("topic"),
                PayloadText.render(row.getByteBuffer("payload")), row.isNull("qos") ? null : row.getInt("qos"),
                row.getString("message_id"));
    }
}

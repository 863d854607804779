package io.gull.flink.telemetry;


import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

/** The two prepared INSERTs a telemetry message becomes; both are idempotent (same key, same values). */
final class TelemetryStatements {
    private final PreparedStatement insertTelemetry;
    private final PreparedStatement insertLatest;

    TelemetryStatements(CqlSession session, String keyspace) {
        insertTelemetry = session.prepare("INSERT INTO " + keyspace + ".telemetry_by_device "
                + "(device_id, day, received_at, message_id, tenant, topic, payload, qos, retain, edge_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insertLatest = session.prepare("INSERT INTO " + keyspace + ".latest_by_device "
                + "(device_id, topic, received_at, message_id, tenant, payload, qos, edge_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) USING TIMESTAMP ?");
    }

    BoundStatement telemetry(TelemetryRow row) {
        return insertTelemetry.bind(row.deviceId(), row.day(), row.receivedAt(), row.messageId(), row.tenant(),
                row.topic(), row.payload(), row.qos(), row.retain(), row.edgeId()).setIdempotent(true);
    }

    BoundStatement latest(TelemetryRow row) {
        return insertLatest.bind(row.deviceId(), row.topic(), row.receivedAt(), row.messageId(), row.tenant(),
                row.payload(), row.qos(), row.edgeId(), row.writeTimeMicros()).setIdempotent(true);
    }
}

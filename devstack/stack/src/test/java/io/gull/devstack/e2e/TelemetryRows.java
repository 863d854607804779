package io.gull.devstack.e2e;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

/** Reads what the telemetry job wrote, straight from Cassandra. */
final class TelemetryRows implements AutoCloseable {
    record StoredMessage(String messageId, String topic, String payload, int qos, String tenant) {
    }

    private final CqlSession session;
    private final PreparedStatement byDeviceAndDay;
    private final PreparedStatement latest;

    TelemetryRows(String contactPoint, String keyspace) {
        String[] hostPort = contactPoint.split(":");
        this.session = CqlSession.builder()
                .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
                .withLocalDatacenter("datacenter1")
                .withKeyspace(keyspace)
                .build();
        this.byDeviceAndDay = session.prepare(
                "SELECT message_id, topic, payload, qos, tenant FROM telemetry_by_device WHERE device_id = ? AND day = ?");
        this.latest = session.prepare(
                "SELECT message_id, topic, payload, qos, tenant FROM latest_by_device WHERE device_id = ?");
    }

    /** Every stored message of a device from {@code since} (UTC day granularity) until today. */
    List<StoredMessage> of(String deviceId, Instant since) {
        List<StoredMessage> out = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (LocalDate day = LocalDate.ofInstant(since, ZoneOffset.UTC); !day.isAfter(today); day = day.plusDays(1)) {
            for (Row row : session.execute(byDeviceAndDay.bind(deviceId, day))) {
                out.add(toMessage(row));
            }
        }
        return out;
    }

    List<StoredMessage> latestOf(String deviceId) {
        List<StoredMessage> out = new ArrayList<>();
        for (Row row : session.execute(latest.bind(deviceId))) {
            out.add(toMessage(row));
        }
        return out;
    }

    private static StoredMessage toMessage(Row row) {
        ByteBuffer payload = row.getByteBuffer("payload");
        return new StoredMessage(row.getString("message_id"), row.getString("topic"),
                payload == null ? null : StandardCharsets.UTF_8.decode(payload.duplicate()).toString(),
                row.getInt("qos"), row.getString("tenant"));
    }

    @Override
    public void close() {
        session.close();
    }
}

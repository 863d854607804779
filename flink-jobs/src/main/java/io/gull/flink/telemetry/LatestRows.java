package io.gull.flink.telemetry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest_by_device writes not sent yet, one per (device, topic): a newer message replaces the older one's write
 * before it is sent, so a device publishing many messages between two flushes costs one latest_by_device write, not
 * one per message. The writes carry {@code USING TIMESTAMP} = the message's receive time, so the newest wins in
 * Cassandra whatever the order; here the write with the higher timestamp is kept too.
 */
final class LatestRows {
    private record Pending(TelemetryWrite write, long writeTimeMicros) {
    }

    private final Map<String, Pending> pending = new LinkedHashMap<>();

    /** Keeps {@code write} for (deviceId, topic) unless a newer one is waiting already. */
    void offer(String deviceId, String topic, TelemetryWrite write, long writeTimeMicros) {
        pending.merge(deviceId + '\u0000' + topic, new Pending(write, writeTimeMicros),
                (waiting, offered) -> offered.writeTimeMicros() >= waiting.writeTimeMicros() ? offered : waiting);
    }

    int size() {
        return pending.size();
    }

    /** The waiting writes, oldest key first; none wait afterwards. */
    List<TelemetryWrite> drain() {
        List<TelemetryWrite> writes = new ArrayList<>(pending.size());
        pending.values().forEach(entry -> writes.add(entry.write()));
        pending.clear();
        return writes;
    }
}

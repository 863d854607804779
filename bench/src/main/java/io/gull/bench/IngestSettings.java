package io.gull.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the ingest scenario loads each target.
 *
 * @param connections     the connection counts to measure, one step each (e.g. 1, 10, 100)
 * @param inFlight        unacknowledged publishes per connection (closed loop: a new one as soon as one is acked)
 * @param warmupSeconds   load before each step's measured window, not counted
 * @param durationSeconds each step's measured window
 * @param payloadBytes    payload of every publish
 */
public record IngestSettings(List<Integer> connections, int inFlight, double warmupSeconds, double durationSeconds,
                             int payloadBytes) {
    public IngestSettings {
        if (connections == null || connections.isEmpty()) {
            throw new IllegalArgumentException("--connections needs at least one count, e.g. 1,10,100");
        }
        connections = List.copyOf(connections);
        if (connections.stream().anyMatch(c -> c == null || c < 1 || c > 10_000)) {
            throw new IllegalArgumentException("--connections must be between 1 and 10000, not " + connections);
        }
        if (inFlight < 1 || inFlight > 65_535) {
            throw new IllegalArgumentException("--in-flight must be between 1 and 65535, not " + inFlight);
        }
        if (warmupSeconds < 0 || !(durationSeconds > 0)) {
            throw new IllegalArgumentException("--duration must be > 0 and --warmup >= 0");
        }
        if (payloadBytes < 1 || payloadBytes > 256 * 1024) {
            throw new IllegalArgumentException("--payload-bytes must be between 1 and 262144, not " + payloadBytes);
        }
    }

    /** The largest step: clients that are connected once and reused by the smaller steps. */
    public int maxConnections() {
        return connections.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("connections", connections);
        out.put("inFlightPerConnection", inFlight);
        out.put("warmupSeconds", warmupSeconds);
        out.put("durationSeconds", durationSeconds);
        out.put("qos", 1);
        out.put("mqttVersion", "3.1.1");
        out.put("payloadBytes", payloadBytes);
        return out;
    }
}

package io.gull.devstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where Gull is installed, where its local stack keeps data, and the ports its servers listen on.
 *
 * @param installDir          the repository root (holds {@code mqtt-edge/}, {@code flink-jobs/}, {@code devstack/})
 * @param dataDir             data, logs and pid files of the stack (default {@code ./.gull})
 * @param bindHost            address every server binds to
 * @param kafkaPort           Kafka client (PLAINTEXT) port
 * @param kafkaControllerPort Kafka KRaft controller port
 * @param cassandraPort       Cassandra native (CQL) port
 * @param cassandraStoragePort Cassandra internode (storage) port
 * @param flinkRestPort       Flink REST API and web UI port
 * @param mqttPort            the edge's MQTT port
 * @param edgeId              id of the one edge (its inbox topic is {@code gull.edge.<edgeId>})
 * @param keyspace            Cassandra keyspace of Gull's tables
 */
public record StackConfig(Path installDir, Path dataDir, String bindHost, int kafkaPort, int kafkaControllerPort,
        int cassandraPort, int cassandraStoragePort, int flinkRestPort, int mqttPort, String edgeId, String keyspace) {

    private static final Pattern EDGE_ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    private static final Pattern KEYSPACE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,47}");

    public StackConfig {
        Objects.requireNonNull(installDir, "installDir");
        Objects.requireNonNull(dataDir, "dataDir");
        installDir = installDir.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        if (bindHost == null || bindHost.isBlank()) {
            throw new StackException("bind host must not be empty");
        }
        if (edgeId == null || !EDGE_ID.matcher(edgeId).matches()) {
            throw new StackException("edge id must be 1-200 characters of [A-Za-z0-9._-], got: " + edgeId);
        }
        if (keyspace == null || !KEYSPACE.matcher(keyspace).matches()) {
            throw new StackException("keyspace must be a letter then up to 47 letters, digits or _, got: " + keyspace);
        }
        Map<Integer, String> seen = new LinkedHashMap<>();
        checkPort(seen, kafkaPort, "Kafka");
        checkPort(seen, kafkaControllerPort, "Kafka controller");
        checkPort(seen, cassandraPort, "Cassandra");
        checkPort(seen, cassandraStoragePort, "Cassandra storage");
        checkPort(seen, flinkRestPort, "Flink REST/web UI");
        checkPort(seen, mqttPort, "MQTT");
    }

    /** 127.0.0.1 and the standard ports: Kafka 9092/9093, Cassandra 9042/7000, Flink 8081, MQTT 1883; edge-1; gull. */
    public static StackConfig defaults(Path installDir, Path dataDir) {
        return new StackConfig(installDir, dataDir, "127.0.0.1", 9092, 9093, 9042, 7000, 8081, 1883, "edge-1", "gull");
    }

    /** The address clients use: the bind host, or 127.0.0.1 when the servers bind to every interface. */
    public String connectHost() {
        return bindHost.equals("0.0.0.0") || bindHost.equals("::") ? "127.0.0.1" : bindHost;
    }

    private static void checkPort(Map<Integer, String> seen, int port, String what) {
        if (port < 1 || port > 65535) {
            throw new StackException(what + " port must be between 1 and 65535, got " + port);
        }
        String other = seen.putIfAbsent(port, what);
        if (other != null) {
            throw new StackException(what + " and " + other + " are both configured on port " + port
                    + "; give each its own port");
        }
    }
}

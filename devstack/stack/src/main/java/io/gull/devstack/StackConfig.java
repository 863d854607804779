package io.gull.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where Gull is installed, where its local stack keeps data, the ports its servers listen on, its edges, and how its
 * Flink jobs start.
 *
 * @param installDir          the repository root (holds {@code mqtt-edge/}, {@code flink-jobs/}, {@code devstack/})
 * @param dataDir             data, logs and pid files of the stack (default {@code ./.gull})
 * @param bindHost            address every server binds to
 * @param kafkaPort           Kafka client (PLAINTEXT) port
 * @param kafkaControllerPort Kafka KRaft controller port
 * @param cassandraPort       Cassandra native (CQL) port
 * @param cassandraStoragePort Cassandra internode (storage) port
 * @param flinkRestPort       Flink REST API and web UI port
 * @param mqttPort            MQTT port of the first edge; edge {@code i} listens on {@code mqttPort + i - 1}
 * @param keyspace            Cassandra keyspace of Gull's tables
 * @param edgeCount           how many edges the stack starts (1 to {@value #MAX_EDGES}); edge {@code i} has id
 *                            {@code edge-i} and service name {@code edge} (i = 1) or {@code edge-i}
 * @param allowAnonymous      whether the edges let devices connect without credentials
 * @param jobRestore          how the Flink jobs use the checkpoints the data dir remembers
 */
public record StackConfig(Path installDir, Path dataDir, String bindHost, int kafkaPort, int kafkaControllerPort,
        int cassandraPort, int cassandraStoragePort, int flinkRestPort, int mqttPort, String keyspace, int edgeCount,
        boolean allowAnonymous, JobRestore jobRestore) {

    /** More edges than this on one machine is a mistake rather than a test. */
    public static final int MAX_EDGES = 16;
    private static final Pattern KEYSPACE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,47}");

    public StackConfig {
        Objects.requireNonNull(installDir, "installDir");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(jobRestore, "jobRestore");
        installDir = installDir.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        if (bindHost == null || bindHost.isBlank()) {
            throw new StackException("bind host must not be empty");
        }
        if (keyspace == null || !KEYSPACE.matcher(keyspace).matches()) {
            throw new StackException("keyspace must be a letter then up to 47 letters, digits or _, got: " + keyspace);
        }
        if (edgeCount < 1 || edgeCount > MAX_EDGES) {
            throw new StackException("the number of edges must be between 1 and " + MAX_EDGES + ", got " + edgeCount);
        }
        Map<Integer, String> seen = new LinkedHashMap<>();
        checkPort(seen, kafkaPort, "Kafka");
        checkPort(seen, kafkaControllerPort, "Kafka controller");
        checkPort(seen, cassandraPort, "Cassandra");
        checkPort(seen, cassandraStoragePort, "Cassandra storage");
        checkPort(seen, flinkRestPort, "Flink REST/web UI");
        checkPort(seen, mqttPort, "MQTT");
        if (mqttPort + edgeCount - 1 > 65535) {
            throw new StackException("the MQTT ports of " + edgeCount + " edges, " + mqttPort + "-"
                    + (mqttPort + edgeCount - 1) + ", go beyond 65535; choose a lower MQTT port");
        }
        for (int i = 2; i <= edgeCount; i++) {
            checkPort(seen, mqttPort + i - 1, "MQTT of edge-" + i);
        }
    }

    /**
     * 127.0.0.1 and the standard ports: Kafka 9092/9093, Cassandra 9042/7000, Flink 8081, MQTT 1883; keyspace gull;
     * one edge (edge-1), credentials required, jobs resumed from their checkpoints.
     */
    public static StackConfig defaults(Path installDir, Path dataDir) {
        return new StackConfig(installDir, dataDir, "127.0.0.1", 9092, 9093, 9042, 7000, 8081, 1883, "gull", 1, false,
                JobRestore.RESUME);
    }

    /** This config with other ports: Kafka, its controller, Cassandra CQL, Cassandra storage, Flink REST, first MQTT. */
    public StackConfig withPorts(int kafka, int kafkaController, int cassandra, int cassandraStorage, int flinkRest,
            int mqtt) {
        return new StackConfig(installDir, dataDir, bindHost, kafka, kafkaController, cassandra, cassandraStorage,
                flinkRest, mqtt, keyspace, edgeCount, allowAnonymous, jobRestore);
    }

    /** This config with {@code count} edges on MQTT ports {@code mqttPort} .. {@code mqttPort + count - 1}. */
    public StackConfig withEdges(int count) {
        return new StackConfig(installDir, dataDir, bindHost, kafkaPort, kafkaControllerPort, cassandraPort,
                cassandraStoragePort, flinkRestPort, mqttPort, keyspace, count, allowAnonymous, jobRestore);
    }

    /** This config with devices allowed (or not) to connect without credentials. */
    public StackConfig withAllowAnonymous(boolean allow) {
        return new StackConfig(installDir, dataDir, bindHost, kafkaPort, kafkaControllerPort, cassandraPort,
                cassandraStoragePort, flinkRestPort, mqttPort, keyspace, edgeCount, allow, jobRestore);
    }

    /** This config with the jobs started as {@code restore} says. */
    public StackConfig withJobRestore(JobRestore restore) {
        return new StackConfig(installDir, dataDir, bindHost, kafkaPort, kafkaControllerPort, cassandraPort,
                cassandraStoragePort, flinkRestPort, mqttPort, keyspace, edgeCount, allowAnonymous, restore);
    }

    /** The stack's own edges, in order: edge-1 on {@link #mqttPort()}, edge-2 on the next port, ... */
    public List<LocalEdge> edges() {
        List<LocalEdge> edges = new ArrayList<>();
        for (int i = 1; i <= edgeCount; i++) {
            edges.add(LocalEdge.ofStack(i, mqttPort, allowAnonymous));
        }
        return List.copyOf(edges);
    }

    /** True when the operator asked to drop state the jobs do not claim ({@code --allow-non-restored-state}). */
    public boolean allowNonRestoredState() {
        return jobRestore == JobRestore.RESUME_ALLOW_NON_RESTORED_STATE;
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

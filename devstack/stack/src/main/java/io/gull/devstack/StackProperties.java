package io.gull.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code <dataDir>/stack.properties}: the endpoints of the stack last started from a data dir, and its edges (the
 * stack's own and those added with {@code gull edge}), so that later commands can see, stop and start each of them.
 *
 * <pre>
 * kafka.bootstrap=127.0.0.1:9092          cassandra.contact-point=127.0.0.1:9042   flink.rest-url=http://127.0.0.1:8081
 * edges=edge,edge-2
 * edge.edge.id=edge-1    edge.edge.mqtt-port=1883    edge.edge.mqtt-url=tcp://127.0.0.1:1883   edge.edge.allow-anonymous=false
 * mqtt.url, mqtt.port, edge.id: the first edge, as 0.1.0 wrote them
 * </pre>
 */
final class StackProperties {
    static final String FILE_NAME = "stack.properties";

    private final Properties properties;

    private StackProperties(Properties properties) {
        this.properties = properties;
    }

    /** What {@link GullStack#start()} records: the config's endpoints and edges. */
    static StackProperties of(StackConfig config) {
        Endpoints endpoints = Endpoints.of(config);
        Properties p = new Properties();
        p.setProperty("kafka.bootstrap", endpoints.kafkaBootstrap());
        p.setProperty("cassandra.contact-point", endpoints.cassandraContactPoint());
        p.setProperty("cassandra.local-dc", CassandraLauncher.LOCAL_DC);
        p.setProperty("cassandra.keyspace", config.keyspace());
        p.setProperty("flink.rest-url", endpoints.flinkRestUrl());
        p.setProperty("connect-host", config.connectHost());
        StackProperties recorded = new StackProperties(p);
        config.edges().forEach(recorded::putEdge);
        return recorded;
    }

    static void write(StackConfig config) {
        of(config).save(config.dataDir());
    }

    static Optional<StackProperties> read(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new StackException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return Optional.of(new StackProperties(p));
    }

    void save(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        Path tmp = dataDir.resolve(FILE_NAME + ".tmp");
        try {
            Files.createDirectories(dataDir);
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                properties.store(out, "Endpoints and edges of the Gull stack started from this directory"
                        + " (written by gull up and gull edge)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StackException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    Endpoints endpoints() {
        String host = properties.getProperty("connect-host", "127.0.0.1").trim();
        List<EdgeEndpoint> edges = edges().stream()
                .map(e -> new EdgeEndpoint(e.service(), e.edgeId(), properties.getProperty(edgeKey(e.service(),
                        "mqtt-url"), e.mqttUri(host)).trim()))
                .toList();
        if (edges.isEmpty()) {
            throw new StackException(FILE_NAME + " has no edge; start the stack again to rewrite it");
        }
        return new Endpoints(required("kafka.bootstrap"), required("cassandra.contact-point"),
                required("flink.rest-url"), edges);
    }

    /** The Cassandra keyspace the stack was started with (absent in files of 0.1.0). */
    Optional<String> keyspace() {
        String keyspace = properties.getProperty("cassandra.keyspace");
        return keyspace == null || keyspace.isBlank() ? Optional.empty() : Optional.of(keyspace.trim());
    }

    /** Every recorded edge, in the order recorded; a file written by 0.1.0 has its one edge as {@code mqtt.*}. */
    List<LocalEdge> edges() {
        String list = properties.getProperty("edges");
        if (list == null) {
            return legacyEdge().map(List::of).orElse(List.of());
        }
        List<LocalEdge> edges = new ArrayList<>();
        for (String service : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
            try {
                edges.add(new LocalEdge(service, required(edgeKey(service, "id")),
                        Integer.parseInt(required(edgeKey(service, "mqtt-port"))),
                        Boolean.parseBoolean(properties.getProperty(edgeKey(service, "allow-anonymous"), "false"))));
            } catch (NumberFormatException e) {
                throw new StackException(FILE_NAME + " has a bad MQTT port for " + service
                        + "; start the stack again to rewrite it");
            }
        }
        return List.copyOf(edges);
    }

    /** Records the edge (replacing the one with its service name) after the others. */
    StackProperties withEdge(LocalEdge edge, String connectHost) {
        Properties copy = copy();
        StackProperties updated = new StackProperties(copy);
        updated.properties.putIfAbsent("connect-host", connectHost);
        updated.putEdge(edge);
        return updated;
    }

    /** Forgets the edge with this service name. */
    StackProperties withoutEdge(String service) {
        Map<String, LocalEdge> edges = new LinkedHashMap<>();
        edges().forEach(e -> edges.put(e.service(), e));
        edges.remove(service);
        Properties copy = copy();
        copy.stringPropertyNames().stream().filter(k -> k.startsWith("edge." + service + "."))
                .forEach(copy::remove);
        copy.setProperty("edges", String.join(",", edges.keySet()));
        return new StackProperties(copy);
    }

    private void putEdge(LocalEdge edge) {
        Map<String, LocalEdge> edges = new LinkedHashMap<>();
        edges().forEach(e -> edges.put(e.service(), e));
        edges.put(edge.service(), edge);
        String host = properties.getProperty("connect-host", "127.0.0.1");
        properties.setProperty("edges", String.join(",", edges.keySet()));
        properties.setProperty(edgeKey(edge.service(), "id"), edge.edgeId());
        properties.setProperty(edgeKey(edge.service(), "mqtt-port"), Integer.toString(edge.mqttPort()));
        properties.setProperty(edgeKey(edge.service(), "mqtt-url"), edge.mqttUri(host));
        properties.setProperty(edgeKey(edge.service(), "allow-anonymous"), Boolean.toString(edge.allowAnonymous()));
        if (edge.service().equals(LocalEdge.FIRST_SERVICE)) {
            properties.setProperty("mqtt.url", edge.mqttUri(host));
            properties.setProperty("mqtt.port", Integer.toString(edge.mqttPort()));
            properties.setProperty("edge.id", edge.edgeId());
        }
    }

    private Optional<LocalEdge> legacyEdge() {
        String port = properties.getProperty("mqtt.port");
        String id = properties.getProperty("edge.id");
        if (port == null || id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LocalEdge(LocalEdge.FIRST_SERVICE, id.trim(), Integer.parseInt(port.trim()), false));
        } catch (NumberFormatException | StackException e) {
            return Optional.empty();
        }
    }

    private Properties copy() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    private static String edgeKey(String service, String what) {
        return "edge." + service + "." + what;
    }

    private String required(String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new StackException(FILE_NAME + " has no '" + key + "'; start the stack again to rewrite it");
        }
        return value.trim();
    }
}

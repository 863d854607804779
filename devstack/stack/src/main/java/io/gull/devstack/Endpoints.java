package io.gull.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where clients reach the local stack.
 *
 * @param kafkaBootstrap        Kafka bootstrap servers, {@code host:port}
 * @param cassandraContactPoint Cassandra contact point, {@code host:port} (local DC {@code datacenter1})
 * @param flinkRestUrl          Flink REST API and web UI, {@code http://host:port}
 * @param edges                 every edge, the stack's own first (edge-1, edge-2, ...), then those added with
 *                              {@code gull edge}; never empty
 */
public record Endpoints(String kafkaBootstrap, String cassandraContactPoint, String flinkRestUrl,
        List<EdgeEndpoint> edges) {

    public Endpoints {
        edges = List.copyOf(edges);
        if (edges.isEmpty()) {
            throw new StackException("a stack has at least one edge");
        }
    }

    static Endpoints of(StackConfig config) {
        return of(config, config.edges());
    }

    static Endpoints of(StackConfig config, List<LocalEdge> edges) {
        String host = config.connectHost();
        return new Endpoints(host + ":" + config.kafkaPort(), host + ":" + config.cassandraPort(),
                "http://" + host + ":" + config.flinkRestPort(),
                edges.stream().map(e -> new EdgeEndpoint(e.service(), e.edgeId(), e.mqttUri(host))).toList());
    }

    /** The first edge's MQTT listener, {@code tcp://host:port} (a Paho server URI). */
    public String mqtt() {
        return edges.get(0).mqtt();
    }

    /**
     * The MQTT listener of edge {@code number}, counted from 1 as the edge ids are ({@code mqtt(2)} is edge-2's).
     *
     * @throws IllegalArgumentException when there is no such edge
     */
    public String mqtt(int number) {
        if (number < 1 || number > edges.size()) {
            throw new IllegalArgumentException("edges are numbered 1 to " + edges.size() + ", got " + number);
        }
        return edges.get(number - 1).mqtt();
    }

    /** Every edge's MQTT listener, in the order of {@link #edges()}. */
    public List<String> mqttEdges() {
        return edges.stream().map(EdgeEndpoint::mqtt).collect(Collectors.toUnmodifiableList());
    }

    /** The edge with this id, if the stack has it. */
    public Optional<EdgeEndpoint> edge(String edgeId) {
        return edges.stream().filter(e -> e.edgeId().equals(edgeId)).findFirst();
    }

    /**
     * The endpoints recorded in {@code <dataDir>/stack.properties} by the last {@link GullStack#start()} (and
     * {@link GullStack#addEdge}), or empty when the stack was never started from that data dir.
     *
     * @throws StackException when the file exists but cannot be read or lacks an endpoint
     */
    public static Optional<Endpoints> load(Path dataDir) {
        return StackProperties.read(dataDir).map(StackProperties::endpoints);
    }
}

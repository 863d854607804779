package io.gull.cli.stack;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The services of the local stack, as {@code gull start}, {@code stop} and {@code status} name them: the servers, the
 * first edge ({@code edge}) and further edges ({@code edge-2}, ..., {@code edge-<id>} for edges added with
 * {@code gull edge}). Whether an edge exists is the stack's business; this only rejects names no service can have.
 */
final class ServiceName {
    static final List<String> SERVERS = List.of("kafka", "cassandra", "flink", "edge");
    static final String CANDIDATES = "kafka, cassandra, flink, edge, and edge-2 ... or edge-<id> for further edges"
            + " (./gull status lists them)";
    private static final Pattern FURTHER_EDGE = Pattern.compile("edge-[A-Za-z0-9._-]{1,200}");

    private ServiceName() {
    }

    static String require(String name) {
        if (name == null || !(SERVERS.contains(name) || FURTHER_EDGE.matcher(name).matches())) {
            throw new IllegalArgumentException("unknown service '" + name + "'; the services are " + CANDIDATES);
        }
        return name;
    }
}

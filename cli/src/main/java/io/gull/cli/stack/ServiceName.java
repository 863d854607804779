package io.gull.cli.stack;

import java.util.List;

/** The services of the local stack, as {@code gull start} and {@code gull stop} name them. */
final class ServiceName {
    static final List<String> ALL = List.of("kafka", "cassandra", "flink", "edge");
    static final String CANDIDATES = "kafka, cassandra, flink, edge";

    private ServiceName() {
    }

    static String require(String name) {
        if (!ALL.contains(name)) {
            throw new IllegalArgumentException("unknown service '" + name + "'; the services are " + CANDIDATES);
        }
        return name;
    }
}

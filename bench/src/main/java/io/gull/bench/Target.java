package io.gull.bench;

import java.util.List;
import java.util.Optional;

/**
 * A system under test: its name, its MQTT edges (edge A first; Mosquitto has one listener, used as both), and
 * Gull's Kafka bootstrap servers (commands go in through Kafka), empty for Mosquitto.
 */
public record Target(String name, List<Endpoint> edges, Optional<String> kafkaBootstrap) {
    public Target {
        if (edges.isEmpty()) {
            throw new IllegalArgumentException(name + " needs at least one MQTT endpoint");
        }
        edges = List.copyOf(edges);
    }

    public Endpoint edgeA() {
        return edges.get(0);
    }

    /** Edge B: the second edge when there are two, else the only one. */
    public Endpoint edgeB() {
        return edges.get(edges.size() > 1 ? 1 : 0);
    }

    /** The edge for the i-th of many clients spread over all edges. */
    public Endpoint edgeFor(int i) {
        return edges.get(i % edges.size());
    }

    public boolean isGull() {
        return kafkaBootstrap.isPresent();
    }
}

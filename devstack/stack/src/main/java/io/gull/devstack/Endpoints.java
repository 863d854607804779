package io.gull.devstack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where clients reach the local stack.
 *
 * @param kafkaBootstrap        Kafka bootstrap servers, {@code host:port}
 * @param cassandraContactPoint Cassandra contact point, {@code host:port} (local DC {@code datacenter1})
 * @param flinkRestUrl          Flink REST API and web UI, {@code http://host:port}
 * @param mqtt                  the edge's MQTT listener as a URI, {@code tcp://host:port}
 */
public record Endpoints(String kafkaBootstrap, String cassandraContactPoint, String flinkRestUrl, String mqtt) {

    static Endpoints of(StackConfig config) {
        String host = config.connectHost();
        return new Endpoints(host + ":" + config.kafkaPort(), host + ":" + config.cassandraPort(),
                "http://" + host + ":" + config.flinkRestPort(), "tcp://" + host + ":" + config.mqttPort());
    }

    /**
     * The endpoints recorded in {@code <dataDir>/stack.properties} by the last {@link GullStack#start()}, or empty
     * when the stack was never started from that data dir.
     *
     * @throws StackException when the file exists but cannot be read or lacks an endpoint
     */
    public static Optional<Endpoints> load(Path dataDir) {
        return StackProperties.read(dataDir).map(StackProperties::endpoints);
    }
}

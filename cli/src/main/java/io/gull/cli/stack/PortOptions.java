package io.gull.cli.stack;

import io.gull.devstack.StackConfig;
import picocli.CommandLine.Option;

/** The ports {@code gull up} binds, each overridable when another program already has the default. */
public final class PortOptions {
    @Option(names = "--mqtt-port", paramLabel = "PORT",
            description = "MQTT port of the first edge; edge n listens on this port + n - 1 (default: 1883).")
    Integer mqtt;

    @Option(names = "--kafka-port", paramLabel = "PORT", description = "Kafka port (default: 9092).")
    Integer kafka;

    @Option(names = "--kafka-controller-port", paramLabel = "PORT",
            description = "Kafka's KRaft controller port (default: 9093).")
    Integer kafkaController;

    @Option(names = "--cassandra-port", paramLabel = "PORT", description = "Cassandra CQL port (default: 9042).")
    Integer cassandra;

    @Option(names = "--cassandra-storage-port", paramLabel = "PORT",
            description = "Cassandra's inter-node storage port (default: 7000).")
    Integer cassandraStorage;

    @Option(names = "--flink-port", paramLabel = "PORT", description = "Flink REST API and web UI port (default: 8081).")
    Integer flink;

    /** {@code defaults} with every port given on the command line in place of its default. */
    public StackConfig applyTo(StackConfig defaults) {
        return defaults.withPorts(
                valid(kafka, defaults.kafkaPort(), "--kafka-port"),
                valid(kafkaController, defaults.kafkaControllerPort(), "--kafka-controller-port"),
                valid(cassandra, defaults.cassandraPort(), "--cassandra-port"),
                valid(cassandraStorage, defaults.cassandraStoragePort(), "--cassandra-storage-port"),
                valid(flink, defaults.flinkRestPort(), "--flink-port"),
                valid(mqtt, defaults.mqttPort(), "--mqtt-port"));
    }

    static int valid(Integer given, int fallback, String option) {
        if (given == null) {
            return fallback;
        }
        if (given < 1 || given > 65535) {
            throw new IllegalArgumentException(option + " must be a port between 1 and 65535, got " + given);
        }
        return given;
    }
}

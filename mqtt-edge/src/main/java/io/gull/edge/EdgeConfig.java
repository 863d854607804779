package io.gull.edge;

import java.time.Duration;
import java.util.Objects;

import io.gull.schemas.Topics;

/**
 * Everything an edge can be configured with. Every field has a default (see {@link #defaults()});
 * {@link EdgeConfigParser} maps {@code --key=value} arguments onto it. The keys are listed in the README.
 *
 * @param edgeId               name of this edge; its inbox topic is {@code gull.edge.<edgeId>} ({@code edge-id})
 * @param mqttHost             address the MQTT listener binds ({@code mqtt.host})
 * @param mqttPort             TCP port of the MQTT listener, 0 = any free port ({@code mqtt.port})
 * @param maxPacketSize        largest MQTT packet accepted, in bytes ({@code mqtt.max-packet-size})
 * @param connectTimeout       how long a new socket may take to send CONNECT ({@code mqtt.connect-timeout-ms})
 * @param maxInflightPerConnection PUBLISHes of one connection waiting for Kafka before the edge stops
 *                             reading that socket ({@code mqtt.max-inflight-per-connection})
 * @param ioThreads            Netty event-loop threads, 0 = Netty's default ({@code mqtt.io-threads})
 * @param kafkaBootstrap       Kafka bootstrap servers ({@code kafka.bootstrap})
 * @param deliveryTimeout      how long the producer keeps retrying one record ({@code kafka.delivery-timeout-ms})
 * @param lingerMs             producer batching delay ({@code kafka.linger-ms})
 * @param maxPendingSends      sends waiting for Kafka across all connections before every socket pauses
 *                             ({@code kafka.max-pending-sends})
 * @param kafkaRetryInterval   pause between attempts to reach Kafka at start ({@code kafka.retry-interval-ms})
 * @param authTimeout          how long a CONNECT waits for the auth decision ({@code auth.timeout-ms})
 * @param inboxPartitions      partitions of the inbox topic when the edge creates it ({@code inbox.partitions})
 * @param inboxRetention       retention of the inbox topic when the edge creates it ({@code inbox.retention-ms})
 * @param shutdownTimeout      how long a graceful stop may wait for Kafka acks ({@code shutdown.timeout-ms})
 */
public record EdgeConfig(
        String edgeId,
        String mqttHost,
        int mqttPort,
        int maxPacketSize,
        Duration connectTimeout,
        int maxInflightPerConnection,
        int ioThreads,
        String kafkaBootstrap,
        Duration deliveryTimeout,
        int lingerMs,
        int maxPendingSends,
        Duration kafkaRetryInterval,
        Duration authTimeout,
        int inboxPartitions,
        Duration inboxRetention,
        Duration shutdownTimeout) {

    public EdgeConfig {
        Objects.requireNonNull(edgeId, "edgeId");
        Topics.edgeInbox(edgeId); // validates the characters
        requireNonBlank(mqttHost, "mqtt.host");
        requireNonBlank(kafkaBootstrap, "kafka.bootstrap");
        requireRange(mqttPort, 0, 65535, "mqtt.port");
        requireRange(maxPacketSize, 16, 268_435_455, "mqtt.max-packet-size");
        requireRange(maxInflightPerConnection, 1, 65_535, "mqtt.max-inflight-per-connection");
        requireRange(ioThreads, 0, 1024, "mqtt.io-threads");
        requireRange(lingerMs, 0, 10_000, "kafka.linger-ms");
        requireRange(maxPendingSends, 1, 10_000_000, "kafka.max-pending-sends");
        requireRange(inboxPartitions, 1, 1000, "inbox.partitions");
        requirePositive(connectTimeout, "mqtt.connect-timeout-ms");
        requirePositive(deliveryTimeout, "kafka.delivery-timeout-ms");
        requirePositive(kafkaRetryInterval, "kafka.retry-interval-ms");
        requirePositive(authTimeout, "auth.timeout-ms");
        requirePositive(inboxRetention, "inbox.retention-ms");
        requirePositive(shutdownTimeout, "shutdown.timeout-ms");
    }

    /** The defaults: edge {@code edge-1} on 127.0.0.1:1883, Kafka on 127.0.0.1:9092. */
    public static EdgeConfig defaults() {
        return new EdgeConfig("edge-1", "127.0.0.1", 1883, 1024 * 1024, Duration.ofSeconds(10), 1000, 0,
                "127.0.0.1:9092", Duration.ofMinutes(2), 2, 100_000, Duration.ofSeconds(5),
                Duration.ofSeconds(10), 1, Duration.ofHours(1), Duration.ofSeconds(10));
    }

    /** The inbox topic of this edge, {@code gull.edge.<edgeId>}. */
    public String inboxTopic() {
        return Topics.edgeInbox(edgeId);
    }

    public EdgeConfig withEdgeId(String value) {
        return new EdgeConfig(value, mqttHost, mqttPort, maxPacketSize, connectTimeout, maxInflightPerConnection,
                ioThreads, kafkaBootstrap, deliveryTimeout, lingerMs, maxPendingSends, kafkaRetryInterval,
                authTimeout, inboxPartitions, inboxRetention, shutdownTimeout);
    }

    public EdgeConfig withMqtt(String host, int port) {
        return new EdgeConfig(edgeId, host, port, maxPacketSize, connectTimeout, maxInflightPerConnection,
                ioThreads, kafkaBootstrap, deliveryTimeout, lingerMs, maxPendingSends, kafkaRetryInterval,
                authTimeout, inboxPartitions, inboxRetention, shutdownTimeout);
    }

    public EdgeConfig withKafkaBootstrap(String value) {
        return new EdgeConfig(edgeId, mqttHost, mqttPort, maxPacketSize, connectTimeout, maxInflightPerConnection,
                ioThreads, value, deliveryTimeout, lingerMs, maxPendingSends, kafkaRetryInterval,
                authTimeout, inboxPartitions, inboxRetention, shutdownTimeout);
    }

    private static void requireNonBlank(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be empty");
        }
    }

    private static void requireRange(int value, int min, int max, String key) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static void requirePositive(Duration value, String key) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive number of milliseconds, got " + value);
        }
    }
}

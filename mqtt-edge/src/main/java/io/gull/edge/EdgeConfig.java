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
 * @param maxInflightBytesPerConnection payload bytes of one connection waiting for Kafka before the edge
 *                             stops reading that socket ({@code mqtt.max-inflight-bytes-per-connection})
 * @param ioThreads            Netty event-loop threads, 0 = Netty's default ({@code mqtt.io-threads})
 * @param kafkaBootstrap       Kafka bootstrap servers ({@code kafka.bootstrap})
 * @param deliveryTimeout      how long the producer keeps retrying one record ({@code kafka.delivery-timeout-ms})
 * @param lingerMs             producer batching delay ({@code kafka.linger-ms})
 * @param maxPendingSends      sends waiting for Kafka across all connections before every socket pauses
 *                             ({@code kafka.max-pending-sends})
 * @param maxPendingBytes      record bytes waiting for Kafka across all connections before every socket
 *                             pauses ({@code kafka.max-pending-bytes}); the producer's buffer.memory is sized
 *                             above it
 * @param maxRequestSize       the producer's max.request.size, the largest record it sends
 *                             ({@code kafka.max-request-size}); must exceed the max packet size by
 *                             {@link #ENVELOPE_OVERHEAD}
 * @param kafkaRetryInterval   pause between attempts to reach Kafka at start ({@code kafka.retry-interval-ms})
 * @param authTimeout          how long a CONNECT waits for the auth decision ({@code auth.timeout-ms})
 * @param inboxPartitions      partitions of the inbox topic when the edge creates it ({@code inbox.partitions})
 * @param inboxRetention       retention of the inbox topic when the edge creates it ({@code inbox.retention-ms})
 * @param shutdownTimeout      how long a whole graceful stop may take ({@code shutdown.timeout-ms})
 * @param allowAnonymous       let CONNECTs without password in as anonymous clients, and assign 5.0 clients
 *                             with an empty client id one ({@code mqtt.allow-anonymous})
 * @param heartbeatInterval    how often the edge writes its heartbeat to {@code gull.edges}
 *                             ({@code edge.heartbeat-interval-ms})
 * @param addressLimit         brute-force protection per source address ({@code auth.address.*},
 *                             {@link AddressLimitConfig})
 */
public record EdgeConfig(
        String edgeId,
        String mqttHost,
        int mqttPort,
        int maxPacketSize,
        Duration connectTimeout,
        int maxInflightPerConnection,
        int maxInflightBytesPerConnection,
        int ioThreads,
        String kafkaBootstrap,
        Duration deliveryTimeout,
        int lingerMs,
        int maxPendingSends,
        long maxPendingBytes,
        int maxRequestSize,
        Duration kafkaRetryInterval,
        Duration authTimeout,
        int inboxPartitions,
        Duration inboxRetention,
        Duration shutdownTimeout,
        boolean allowAnonymous,
        Duration heartbeatInterval,
        AddressLimitConfig addressLimit) {

    /** Bytes the {@code Publish} envelope adds to an MQTT packet, reserved below {@code max.request.size}. */
    public static final int ENVELOPE_OVERHEAD = 1024;

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
        requireRange(maxInflightBytesPerConnection, 1, Integer.MAX_VALUE, "mqtt.max-inflight-bytes-per-connection");
        requireRange(maxRequestSize, 1024, 256 * 1024 * 1024, "kafka.max-request-size");
        if (maxPendingBytes < 1 || maxPendingBytes > 16L * 1024 * 1024 * 1024) {
            throw new IllegalArgumentException("kafka.max-pending-bytes must be between 1 and 17179869184, got "
                    + maxPendingBytes);
        }
        if ((long) maxPacketSize + ENVELOPE_OVERHEAD > maxRequestSize) {
            throw new IllegalArgumentException("mqtt.max-packet-size " + maxPacketSize + " plus " + ENVELOPE_OVERHEAD
                    + " bytes of envelope exceeds kafka.max-request-size " + maxRequestSize
                    + ": such PUBLISHes could never be stored. Lower --mqtt.max-packet-size or raise "
                    + "--kafka.max-request-size (and the brokers' message.max.bytes)");
        }
        requireRange(inboxPartitions, 1, 1000, "inbox.partitions");
        requirePositive(connectTimeout, "mqtt.connect-timeout-ms");
        requirePositive(deliveryTimeout, "kafka.delivery-timeout-ms");
        requirePositive(kafkaRetryInterval, "kafka.retry-interval-ms");
        requirePositive(authTimeout, "auth.timeout-ms");
        requirePositive(inboxRetention, "inbox.retention-ms");
        requirePositive(shutdownTimeout, "shutdown.timeout-ms");
        requirePositive(heartbeatInterval, "edge.heartbeat-interval-ms");
        Objects.requireNonNull(addressLimit, "addressLimit");
    }

    /** The defaults: edge {@code edge-1} on 127.0.0.1:1883, Kafka on 127.0.0.1:9092. */
    public static EdgeConfig defaults() {
        return new EdgeConfig("edge-1", "127.0.0.1", 1883, 1_000_000, Duration.ofSeconds(10), 1000,
                8 * 1024 * 1024, 0, "127.0.0.1:9092", Duration.ofMinutes(2), 2, 100_000, 64L * 1024 * 1024,
                1024 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(10), 1, Duration.ofHours(1),
                Duration.ofSeconds(15), false, Duration.ofSeconds(2), AddressLimitConfig.DEFAULTS);
    }

    /** The inbox topic of this edge, {@code gull.edge.<edgeId>}. */
    public String inboxTopic() {
        return Topics.edgeInbox(edgeId);
    }

    public EdgeConfig withEdgeId(String value) {
        return new EdgeConfig(value, mqttHost, mqttPort, maxPacketSize, connectTimeout, maxInflightPerConnection,
                maxInflightBytesPerConnection, ioThreads, kafkaBootstrap, deliveryTimeout, lingerMs, maxPendingSends,
                maxPendingBytes, maxRequestSize, kafkaRetryInterval, authTimeout, inboxPartitions, inboxRetention,
                shutdownTimeout, allowAnonymous, heartbeatInterval, addressLimit);
    }

    public EdgeConfig withMqtt(String host, int port) {
        return new EdgeConfig(edgeId, host, port, maxPacketSize, connectTimeout, maxInflightPerConnection,
                maxInflightBytesPerConnection, ioThreads, kafkaBootstrap, deliveryTimeout, lingerMs, maxPendingSends,
                maxPendingBytes, maxRequestSize, kafkaRetryInterval, authTimeout, inboxPartitions, inboxRetention,
                shutdownTimeout, allowAnonymous, heartbeatInterval, addressLimit);
    }

    public EdgeConfig withKafkaBootstrap(String value) {
        return new EdgeConfig(edgeId, mqttHost, mqttPort, maxPacketSize, connectTimeout, maxInflightPerConnection,
                maxInflightBytesPerConnection, ioThreads, value, deliveryTimeout, lingerMs, maxPendingSends,
                maxPendingBytes, maxRequestSize, kafkaRetryInterval, authTimeout, inboxPartitions, inboxRetention,
                shutdownTimeout, allowAnonymous, heartbeatInterval, addressLimit);
    }

    /**
     * The producer's buffer.memory: above {@code kafka.max-pending-bytes} (the edge pauses reading before the
     * producer's buffer is full, so {@code send} does not block) with room for auth requests and session events.
     */
    public long producerBufferMemory() {
        return maxPendingBytes + 2L * maxRequestSize + 8L * 1024 * 1024;
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

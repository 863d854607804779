package io.gull.bench;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The producer settings of the edge's ingress producer, with the edge's defaults, for the raw Kafka baseline. Copied
 * (the bench does not depend on mqtt-edge) from {@code io.gull.edge.kafka.KafkaClients#producer} and
 * {@code io.gull.edge.EdgeConfig#defaults}: idempotent, acks=all, linger 2 ms, delivery timeout 2 min, request timeout
 * min(30 s, delivery - linger), max.block = delivery timeout, max.request.size 1 MiB, buffer.memory =
 * max-pending-bytes (64 MiB) + 2 x max.request.size + 8 MiB. Keep them in step with the edge.
 */
public final class EdgeProducerSettings {
    static final int LINGER_MS = 2;
    static final int DELIVERY_TIMEOUT_MS = 120_000;
    static final int MAX_REQUEST_SIZE = 1024 * 1024;
    static final long MAX_PENDING_BYTES = 64L * 1024 * 1024;

    private EdgeProducerSettings() {
    }

    public static Map<String, Object> producer(String bootstrapServers, String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        props.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, Math.min(30_000, DELIVERY_TIMEOUT_MS - LINGER_MS)));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, DELIVERY_TIMEOUT_MS);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_SIZE);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, MAX_PENDING_BYTES + 2L * MAX_REQUEST_SIZE + 8L * 1024 * 1024);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }
}

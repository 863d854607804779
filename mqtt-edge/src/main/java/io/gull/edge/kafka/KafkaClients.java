package io.gull.edge.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.gull.edge.EdgeConfig;

/** Client settings of the edge's Kafka clients, derived from its {@link EdgeConfig}. */
public final class KafkaClients {

    private KafkaClients() {
    }

    /** The one producer of the edge: idempotent, acks=all, small linger so sends batch. */
    public static Map<String, Object> producer(EdgeConfig config) {
        int deliveryMs = (int) Math.min(Integer.MAX_VALUE, config.deliveryTimeout().toMillis());
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms
        int requestTimeoutMs = Math.max(1, Math.min(30_000, deliveryMs - config.lingerMs()));
        Map<String, Object> props = common(config, "producer");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, config.lingerMs());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs);
        // send() runs on the edge's sender threads, never on an event loop; it may wait this long for metadata
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryMs);
        // explicit, so the start-up check of mqtt.max-packet-size against it holds (EdgeConfig)
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, config.maxRequestSize());
        // above kafka.max-pending-bytes: connections pause before the buffer fills and send() would block
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, config.producerBufferMemory());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    /** The inbox reader: no consumer group, no commits, starts at the end. */
    public static Map<String, Object> inboxConsumer(EdgeConfig config) {
        Map<String, Object> props = common(config, "inbox");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    /** The reader of gull.edges at start (edge id in use?): no consumer group, no commits. */
    public static Map<String, Object> edgesReader(EdgeConfig config) {
        Map<String, Object> props = common(config, "edges");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    /** The admin client used at start (reachability, inbox topic). */
    public static Map<String, Object> admin(EdgeConfig config) {
        Map<String, Object> props = common(config, "admin");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return props;
    }

    private static Map<String, Object> common(EdgeConfig config, String role) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, "gull-edge-" + config.edgeId() + "-" + role);
        props.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
        return props;
    }
}

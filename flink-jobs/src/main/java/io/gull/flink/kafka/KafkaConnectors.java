package io.gull.flink.kafka;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import io.gull.flink.auth.EdgeReply;
import io.gull.flink.decode.DeadLetter;
import io.gull.schemas.Topics;

/** The Kafka sources and sinks of Gull's jobs, configured for the topics' contracts. */
public final class KafkaConnectors {
    public static final String DEVICE_AUTH_GROUP = "gull-device-auth";
    public static final String TELEMETRY_GROUP = "gull-telemetry";
    /** New partitions (or topics created after the job) are picked up within this time. */
    private static final String PARTITION_DISCOVERY_MS = "10000";

    private KafkaConnectors() {
    }

    /** The compacted registry, always from the earliest offset (on a restore: from the checkpoint). */
    public static KafkaSource<RawRecord> devices(String bootstrap) {
        return source(bootstrap, Topics.DEVICES, DEVICE_AUTH_GROUP, OffsetsInitializer.earliest());
    }

    /** Auth requests: from the group's committed offsets, else the latest (an old request is not worth answering). */
    @SuppressWarnings("deprecation") // connector 5.0.0 still takes kafka-clients' OffsetResetStrategy
    public static KafkaSource<RawRecord> authRequests(String bootstrap) {
        return source(bootstrap, Topics.AUTH_REQUESTS, DEVICE_AUTH_GROUP,
                OffsetsInitializer.committedOffsets(OffsetResetStrategy.LATEST));
    }

    /** Telemetry: from the group's committed offsets, else the earliest (never skip an acknowledged message). */
    @SuppressWarnings("deprecation") // connector 5.0.0 still takes kafka-clients' OffsetResetStrategy
    public static KafkaSource<RawRecord> ingress(String bootstrap) {
        return source(bootstrap, Topics.INGRESS, TELEMETRY_GROUP,
                OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST));
    }

    /** Replies into each edge's inbox; sent at once (linger 0), flushed on checkpoint. */
    public static KafkaSink<EdgeReply> edgeReplies(String bootstrap) {
        return sink(bootstrap, new EdgeReplySerializer(), "0");
    }

    public static KafkaSink<DeadLetter> deadLetters(String bootstrap) {
        return sink(bootstrap, new DeadLetterSerializer(), "5");
    }

    private static KafkaSource<RawRecord> source(String bootstrap, String topic, String group,
            OffsetsInitializer start) {
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId(group)
                .setClientIdPrefix(group + "-" + topic)
                .setStartingOffsets(start)
                .setDeserializer(new RawRecordDeserializer())
                .setProperty("commit.offsets.on.checkpoint", "true")
                .setProperty("partition.discovery.interval.ms", PARTITION_DISCOVERY_MS)
                .build();
    }

    private static <T> KafkaSink<T> sink(String bootstrap, KafkaRecordSerializationSchema<T> serializer,
            String lingerMs) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setProperty("acks", "all")
                .setProperty("enable.idempotence", "true")
                .setProperty("linger.ms", lingerMs)
                .build();
    }
}

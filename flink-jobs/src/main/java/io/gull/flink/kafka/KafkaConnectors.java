package io.gull.flink.kafka;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;

import io.gull.flink.auth.EdgeReply;
import io.gull.flink.decode.DeadLetter;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SharedHandoff;

/** The Kafka sources and sinks of Gull's jobs, configured for the topics' contracts. */
public final class KafkaConnectors {
    /** The sessions job's consumer group (every source of it). */
    public static final String SESSIONS_GROUP = "gull-sessions";
    public static final String TELEMETRY_GROUP = "gull-telemetry";
    /** New partitions (or topics created after the job) are picked up within this time. */
    private static final String PARTITION_DISCOVERY_MS = "10000";

    private KafkaConnectors() {
    }

    /** The compacted registry, always from the earliest offset (on a restore: from the checkpoint). */
    public static KafkaSource<RawRecord> devices(String bootstrap) {
        return source(bootstrap, Topics.DEVICES, SESSIONS_GROUP, StartOffsets.beginning());
    }

    /** Auth requests: from the group's committed offsets, else the latest (an old request is not worth answering). */
    public static KafkaSource<RawRecord> authRequests(String bootstrap) {
        return source(bootstrap, Topics.AUTH_REQUESTS, SESSIONS_GROUP,
                StartOffsets.committedElseEnd());
    }

    /**
     * Session events: from the group's committed offsets, else the earliest. A skipped DISCONNECTED or SUBSCRIBED would
     * leave a session or a subscription wrong for good; replaying old events is cheap (those of connections that do
     * not own a session are ignored).
     */
    public static KafkaSource<RawRecord> sessionEvents(String bootstrap) {
        return source(bootstrap, Topics.SESSIONS, SESSIONS_GROUP,
                StartOffsets.committedElseBeginning());
    }

    /**
     * Messages to route (the sessions job's own group, independent of telemetry's): from the committed offsets, else
     * the latest. Only a job that never ran (no checkpoint, no committed offsets) starts at the end, and then no
     * session has subscribed yet: whatever was published before had no subscribers to deliver to.
     */
    public static KafkaSource<RawRecord> routedIngress(String bootstrap) {
        return source(bootstrap, Topics.INGRESS, SESSIONS_GROUP,
                StartOffsets.committedElseEnd());
    }

    /**
     * Cloud-to-device commands: from the committed offsets, else the earliest (a command sent before the job first ran
     * is still delivered unless it expired).
     */
    public static KafkaSource<RawRecord> commands(String bootstrap) {
        return source(bootstrap, Topics.COMMANDS, SESSIONS_GROUP,
                StartOffsets.committedElseBeginning());
    }

    /** Edge heartbeats: from the committed offsets, else the latest (only the current beats matter). */
    public static KafkaSource<RawRecord> edgeHeartbeats(String bootstrap) {
        return source(bootstrap, Topics.EDGES, SESSIONS_GROUP,
                StartOffsets.committedElseEnd());
    }

    /** Shared messages handed back by members: from the committed offsets, else the earliest (never skip one). */
    public static KafkaSource<RawRecord> sharedHandoffs(String bootstrap) {
        return source(bootstrap, Topics.SHARED_HANDOFFS, SESSIONS_GROUP,
                StartOffsets.committedElseBeginning());
    }

    /** Shared messages for another member, into gull.shared.handoffs; sent at once. */
    public static KafkaSink<SharedHandoff> sharedHandoffsOut(String bootstrap) {
        return sink(bootstrap, new SharedHandoffSerializer(), "0");
    }

    /** Session events the sessions job makes itself (connections of dead edges), into gull.sessions; sent at once. */
    public static KafkaSink<SessionEvent> sessionEventsOut(String bootstrap) {
        return sink(bootstrap, new SessionEventSerializer(), "0");
    }

    /** Wills the sessions job publishes, into gull.ingress (key clientId) like any device's message; sent at once. */
    public static KafkaSink<Publish> wills(String bootstrap) {
        return sink(bootstrap, new IngressSerializer(), "0");
    }

    /** Telemetry: from the group's committed offsets, else the earliest (never skip an acknowledged message). */
    public static KafkaSource<RawRecord> ingress(String bootstrap) {
        return source(bootstrap, Topics.INGRESS, TELEMETRY_GROUP,
                StartOffsets.committedElseBeginning());
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

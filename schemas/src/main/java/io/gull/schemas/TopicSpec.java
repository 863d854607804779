package io.gull.schemas;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * How one of Gull's shared topics is created when it is missing: its partition count and topic configs. Every
 * creator (the devstack, the Flink jobs' mains) uses {@link #SHARED}, so a topic looks the same whoever made it.
 *
 * @param name       topic name, from {@link Topics}
 * @param partitions partition count
 * @param configs    Kafka topic configs (e.g. {@code cleanup.policy})
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {
    /** Auth requests carry the device's password and matter for seconds only: kept an hour at most. */
    public static final long AUTH_REQUESTS_RETENTION_MS = 3_600_000L;

    /** Heartbeats matter for seconds; an hour is plenty to look back on. */
    public static final long EDGE_HEARTBEATS_RETENTION_MS = 3_600_000L;

    /** Gull's shared topics; each edge creates its own inbox. */
    public static final List<TopicSpec> SHARED = List.of(
            new TopicSpec(Topics.INGRESS, 4, Map.of()),
            new TopicSpec(Topics.SESSIONS, 4, Map.of()),
            new TopicSpec(Topics.AUTH_REQUESTS, 4,
                    Map.of("retention.ms", String.valueOf(AUTH_REQUESTS_RETENTION_MS),
                            // the job judges a request's age by the broker's clock, never the edge's
                            "message.timestamp.type", "LogAppendTime")),
            new TopicSpec(Topics.DEVICES, 4, Map.of("cleanup.policy", "compact")),
            new TopicSpec(Topics.COMMANDS, 4, Map.of()),
            new TopicSpec(Topics.SHARED_HANDOFFS, 4, Map.of()),
            new TopicSpec(Topics.DEADLETTER, 1, Map.of()),
            new TopicSpec(Topics.EDGES, 1, Map.of("retention.ms", String.valueOf(EDGE_HEARTBEATS_RETENTION_MS),
                    // an edge's liveness is judged by the broker's clock, never by another edge's
                    "message.timestamp.type", "LogAppendTime")));

    public TopicSpec {
        configs = Map.copyOf(configs);
    }

    /** The spec of one shared topic. */
    public static TopicSpec of(String name) {
        return SHARED.stream().filter(spec -> spec.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("not one of Gull's shared topics: " + name));
    }
}

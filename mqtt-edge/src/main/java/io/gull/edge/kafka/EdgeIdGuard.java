package io.gull.edge.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.schemas.MalformedRecordException;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.EdgeHeartbeat;
import io.gull.schemas.avro.EdgeState;

/**
 * At start, before the inbox is read and the port bound: refuses to run when another live edge has this edge id.
 * Reads {@code gull.edges} from 3 heartbeat intervals ago ({@code offsetsForTimes}); another incarnation whose last
 * heartbeat is RUNNING and younger than 3 intervals (by the record's timestamp) is presumed alive. Then it watches
 * for up to 3 intervals: a new RUNNING heartbeat of it proves it alive (refused: {@link EdgeIdInUseException}), a
 * STOPPED one or silence until its last beat is 3 intervals old frees the id (a restart after {@code kill -9}).
 */
final class EdgeIdGuard {
    private static final Logger log = LoggerFactory.getLogger(EdgeIdGuard.class);
    static final int STALE_AFTER_INTERVALS = 3;

    private record Beat(EdgeHeartbeat heartbeat, long timestamp) {
    }

    private final Consumer<byte[], byte[]> consumer;
    private final String edgeId;
    private final String incarnation;
    private final Duration interval;
    private final Clock clock;

    EdgeIdGuard(Consumer<byte[], byte[]> consumer, String edgeId, String incarnation, Duration interval, Clock clock) {
        this.consumer = consumer;
        this.edgeId = edgeId;
        this.incarnation = incarnation;
        this.interval = interval;
        this.clock = clock;
    }

    /** Returns when the id is free; the caller closes the consumer. */
    void check(Duration metadataTimeout) throws EdgeIdInUseException, InterruptedException {
        long staleMs = STALE_AFTER_INTERVALS * interval.toMillis();
        List<org.apache.kafka.common.PartitionInfo> infos = consumer.partitionsFor(Topics.EDGES, metadataTimeout);
        if (infos == null || infos.isEmpty()) {
            return; // a topic this new holds no heartbeat yet
        }
        List<TopicPartition> partitions = infos.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> since = new HashMap<>();
        partitions.forEach(tp -> since.put(tp, clock.millis() - staleMs));
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(since, metadataTimeout);
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp start = starts.get(tp);
            if (start == null) {
                consumer.seekToEnd(List.of(tp));
            } else {
                consumer.seek(tp, start.offset());
            }
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, metadataTimeout);
        Map<String, Beat> others = new HashMap<>();
        long catchUpDeadline = System.nanoTime() + metadataTimeout.toNanos();
        while (!caughtUp(ends)) {
            if (System.nanoTime() > catchUpDeadline) {
                throw new IllegalStateException("could not read " + Topics.EDGES + " within "
                        + metadataTimeout.toMillis() + " ms to check that edge id " + edgeId + " is free");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(r -> read(r, others));
        }
        others.values().removeIf(beat -> !alive(beat, staleMs));
        if (others.isEmpty()) {
            return;
        }
        Beat suspect = others.values().iterator().next();
        log.info("Edge id {} was in use {} ms ago by {} (incarnation {}); waiting up to {} ms for it to go silent",
                edgeId, age(suspect), suspect.heartbeat().getMqttAddress(), suspect.heartbeat().getIncarnation(),
                staleMs);
        long deadline = System.nanoTime() + Duration.ofMillis(staleMs).toNanos();
        while (System.nanoTime() < deadline) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                Beat beat = read(record, others);
                if (beat != null && beat.heartbeat().getState() == EdgeState.RUNNING) {
                    throw new EdgeIdInUseException(edgeId, Math.max(0, age(beat)), beat.heartbeat().getMqttAddress());
                }
            }
            others.values().removeIf(beat -> !alive(beat, staleMs));
            if (others.isEmpty()) {
                log.info("Edge id {} is free now", edgeId);
                return;
            }
        }
        Beat last = others.values().iterator().next();
        throw new EdgeIdInUseException(edgeId, Math.max(0, age(last)), last.heartbeat().getMqttAddress());
    }

    /** Records another incarnation's heartbeat of this edge id; returns it, or null for anything else. */
    private Beat read(ConsumerRecord<byte[], byte[]> record, Map<String, Beat> others) {
        if (record.key() == null || !edgeId.equals(new String(record.key(), StandardCharsets.UTF_8))) {
            return null;
        }
        EdgeHeartbeat heartbeat;
        try {
            heartbeat = HeartbeatPublisher.CODEC.decode(record.value());
        } catch (MalformedRecordException e) {
            return null;
        }
        if (!edgeId.equals(heartbeat.getEdgeId()) || incarnation.equals(heartbeat.getIncarnation())) {
            return null;
        }
        Beat beat = new Beat(heartbeat, record.timestamp());
        others.put(heartbeat.getIncarnation(), beat);
        return beat;
    }

    private boolean alive(Beat beat, long staleMs) {
        return beat.heartbeat().getState() == EdgeState.RUNNING && age(beat) < staleMs;
    }

    private long age(Beat beat) {
        return clock.millis() - beat.timestamp();
    }

    private boolean caughtUp(Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }
}

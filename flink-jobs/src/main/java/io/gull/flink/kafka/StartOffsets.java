package io.gull.flink.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a Kafka source starts on a partition it is given for the first time, resolved to a real offset when the
 * partition is assigned: the group's committed offset, else the partition's beginning or end.
 *
 * <p>Flink's own {@code OffsetsInitializer.committedOffsets(..)}, {@code earliest()} and {@code latest()} are
 * resolved by the reader instead: the split keeps a marker ("committed", "earliest") as its position until the
 * reader emits a record of that partition, and a checkpoint taken before then stores the marker. A job restored from
 * such a checkpoint resolves it again, so with "committed, else latest" every record written to a partition while
 * the job was down, and since it last started, was skipped: the sessions job lost every message a device published
 * during a Flink outage when it was the first on its partition since the job started (found by the kill -9 test of
 * DeliveryFaultsTest). With the offset resolved here, a checkpoint always holds a position.
 */
public final class StartOffsets implements OffsetsInitializer {
    private static final long serialVersionUID = 1L;

    /** Where a partition without a committed offset (or every partition, for {@link #beginning()}) starts. */
    enum Fallback { BEGINNING, END }

    private final boolean useCommitted;
    private final Fallback fallback;

    private StartOffsets(boolean useCommitted, Fallback fallback) {
        this.useCommitted = useCommitted;
        this.fallback = fallback;
    }

    /** The group's committed offset, else the beginning of the partition: nothing is ever skipped. */
    public static StartOffsets committedElseBeginning() {
        return new StartOffsets(true, Fallback.BEGINNING);
    }

    /** The group's committed offset, else the end of the partition: what was written before the job first ran. */
    public static StartOffsets committedElseEnd() {
        return new StartOffsets(true, Fallback.END);
    }

    /** Always the beginning of the partition (a compacted topic read whole). */
    public static StartOffsets beginning() {
        return new StartOffsets(false, Fallback.BEGINNING);
    }

    @Override
    public Map<TopicPartition, Long> getPartitionOffsets(Collection<TopicPartition> partitions,
            PartitionOffsetsRetriever retriever) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (useCommitted) {
            retriever.committedOffsets(partitions).forEach((partition, offset) -> {
                if (offset != null && offset >= 0) {
                    offsets.put(partition, offset);
                }
            });
        }
        List<TopicPartition> rest = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            if (!offsets.containsKey(partition)) {
                rest.add(partition);
            }
        }
        if (!rest.isEmpty()) {
            offsets.putAll(fallback == Fallback.BEGINNING
                    ? retriever.beginningOffsets(rest) : retriever.endOffsets(rest));
        }
        return offsets;
    }

    /**
     * What the reader does with a position Kafka no longer has (deleted by retention): the earliest record left for
     * a source that never skips, else the end.
     */
    @Override
    @SuppressWarnings("deprecation") // connector 5.0.0 still takes kafka-clients' OffsetResetStrategy
    public OffsetResetStrategy getAutoOffsetResetStrategy() {
        return fallback == Fallback.BEGINNING ? OffsetResetStrategy.EARLIEST : OffsetResetStrategy.LATEST;
    }

    @Override
    public String toString() {
        return (useCommitted ? "committed offsets, else the " : "the ") + fallback.name().toLowerCase();
    }
}

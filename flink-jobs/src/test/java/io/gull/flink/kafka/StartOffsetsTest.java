package io.gull.flink.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer.PartitionOffsetsRetriever;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class StartOffsetsTest {
    private static final TopicPartition USED = new TopicPartition("gull.ingress", 0);
    private static final TopicPartition NEW = new TopicPartition("gull.ingress", 1);
    private static final List<TopicPartition> BOTH = List.of(USED, NEW);

    /** Partition 0 has a committed offset (7), partition 1 none; both begin at 2 and end at 10. */
    private static final PartitionOffsetsRetriever KAFKA = new PartitionOffsetsRetriever() {
        @Override
        public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
            return partitions.contains(USED) ? Map.of(USED, 7L) : Map.of();
        }

        @Override
        public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
            return each(partitions, 10L);
        }

        @Override
        public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions) {
            return each(partitions, 2L);
        }

        @Override
        public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestamps) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void shouldStartAtTheCommittedOffsetElseAtTheEnd() {
        assertThat(StartOffsets.committedElseEnd().getPartitionOffsets(BOTH, KAFKA))
                .containsExactlyInAnyOrderEntriesOf(Map.of(USED, 7L, NEW, 10L));
    }

    @Test
    void shouldStartAtTheCommittedOffsetElseAtTheBeginning() {
        assertThat(StartOffsets.committedElseBeginning().getPartitionOffsets(BOTH, KAFKA))
                .containsExactlyInAnyOrderEntriesOf(Map.of(USED, 7L, NEW, 2L));
    }

    @Test
    void shouldStartAtTheBeginningWhateverWasCommitted() {
        assertThat(StartOffsets.beginning().getPartitionOffsets(BOTH, KAFKA))
                .containsExactlyInAnyOrderEntriesOf(Map.of(USED, 2L, NEW, 2L));
    }

    private static Map<TopicPartition, Long> each(Collection<TopicPartition> partitions, long offset) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        partitions.forEach(partition -> offsets.put(partition, offset));
        return offsets;
    }
}

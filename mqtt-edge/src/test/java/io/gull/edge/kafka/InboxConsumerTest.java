package io.gull.edge.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import io.gull.schemas.Codecs;
import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.EdgeMessage;

class InboxConsumerTest {
    private static final String TOPIC = "gull.edge.t";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    @Test
    void shouldKeepReadingAfterAPollFailure() throws Exception {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("latest");
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, Node.noNode(), new Node[0], new Node[0])));
        consumer.updateEndOffsets(Map.of(PARTITION, 0L));
        List<EdgeMessage> handled = new CopyOnWriteArrayList<>();
        InboxConsumer inbox = new InboxConsumer(consumer, TOPIC, handled::add, Duration.ofMillis(50));
        inbox.start(Duration.ofSeconds(1));

        consumer.setPollException(new KafkaException("broker went away"));
        consumer.schedulePollTask(() -> consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0L, "dev1".getBytes(),
                Codecs.EDGE_MESSAGE.encode(decision()))));

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
        inbox.close(Duration.ofSeconds(5));
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void shouldCloseTheConsumerWhenStartFails() {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", "127.0.0.1:1",
                "key.deserializer", ByteArrayDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName()));
        InboxConsumer inbox = new InboxConsumer(consumer, TOPIC, message -> { });

        assertThatThrownBy(() -> inbox.start(Duration.ofMillis(200))).isInstanceOf(RuntimeException.class);

        assertThatThrownBy(() -> consumer.partitionsFor(TOPIC))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private static EdgeMessage decision() {
        return EdgeMessage.newBuilder().setBody(AuthDecision.newBuilder()
                .setRequestId("r1").setClientId("dev1").setOutcome(AuthOutcome.ALLOWED).setTenant("acme")
                .setDecidedAt(Instant.now()).build()).build();
    }
}

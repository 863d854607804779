package io.gull.flink.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.gull.flink.decode.DeadLetter;
import io.gull.flink.testing.EmbeddedKafka;
import io.gull.schemas.Topics;

/** The dead-letter channel the telemetry sink writes rejected messages through, against a real Kafka. */
class DeadLetterProducerTest {
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(Map.of(Topics.DEADLETTER, Map.of()));
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldHaveEveryLetterInKafkaWhenFlushReturns() throws Exception {
        // given
        try (DeadLetterProducer producer = new DeadLetterProducer(kafka.bootstrapServers(), "test");
                KafkaConsumer<byte[], byte[]> reader = kafka.reader(Topics.DEADLETTER)) {

            // when
            producer.send(new DeadLetter(Topics.INGRESS, -1, -1, bytes("devices/dev1/temp"), bytes("m1"),
                    "rejected by Cassandra: oversized mutation"));
            producer.flush();

            // then
            List<ConsumerRecord<byte[], byte[]>> read = new CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                read.addAll(EmbeddedKafka.poll(reader));
                return !read.isEmpty();
            });
            ConsumerRecord<byte[], byte[]> record = read.get(0);
            assertThat(record.value()).isEqualTo(bytes("m1"));
            assertThat(record.key()).isEqualTo(bytes("devices/dev1/temp"));
            assertThat(header(record, DeadLetterSerializer.REASON)).isEqualTo("rejected by Cassandra: oversized mutation");
            assertThat(header(record, DeadLetterSerializer.SOURCE_TOPIC)).isEqualTo(Topics.INGRESS);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

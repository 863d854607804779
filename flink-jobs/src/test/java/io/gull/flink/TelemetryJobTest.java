package io.gull.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.gull.flink.kafka.DeadLetterSerializer;
import io.gull.flink.kafka.KafkaConnectors;
import io.gull.flink.testing.CollectingSink;
import io.gull.flink.testing.EmbeddedKafka;
import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.Publish;

/**
 * The telemetry job's wiring on a Flink mini cluster against a real Kafka, with an in-memory sink in place of
 * Cassandra (the Cassandra sink is tested against a real Cassandra in devstack's end-to-end test).
 */
class TelemetryJobTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(1)
            .build());

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(Map.of(Topics.INGRESS, Map.of(), Topics.DEADLETTER, Map.of()));
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldDeliverIngressFromTheBeginningDeadLetterGarbageAndCommitOffsetsOnCheckpoints() throws Exception {
        // given messages published before the job ever ran, and one garbage record
        for (int i = 0; i < 5; i++) {
            kafka.send(Topics.INGRESS, bytes("devices/dev1/temp"), Codecs.PUBLISH.encode(publish("m" + i)));
        }
        kafka.send(Topics.INGRESS, bytes("devices/dev1/temp"), bytes("garbage"));

        // when the job runs
        JobArgs args = JobArgs.parse(new String[] {
            "--kafka.bootstrap", kafka.bootstrapServers(), "--checkpoint.interval-ms", "300"});
        CollectingSink<Publish> stored = new CollectingSink<>("telemetry");
        JobClient job = new TelemetryJob(KafkaConnectors.ingress(args.kafkaBootstrap()), stored,
                KafkaConnectors.deadLetters(args.kafkaBootstrap()))
                .start(JobEnvironment.create(args));

        try (KafkaConsumer<byte[], byte[]> deadLetters = kafka.reader(Topics.DEADLETTER)) {
            // then every message reaches the sink, the garbage goes to the dead-letter topic
            await().atMost(Duration.ofSeconds(90)).until(() -> stored.received().size() >= 5);
            assertThat(stored.received()).extracting(Publish::getMessageId)
                    .containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4");

            List<ConsumerRecord<byte[], byte[]>> dead = new CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dead.addAll(EmbeddedKafka.poll(deadLetters));
                return !dead.isEmpty();
            });
            assertThat(header(dead.get(0), DeadLetterSerializer.SOURCE_TOPIC)).isEqualTo(Topics.INGRESS);
            assertThat(header(dead.get(0), DeadLetterSerializer.SOURCE_OFFSET)).isEqualTo("5");

            // and the consumed position is committed to gull-telemetry once a checkpoint completes
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> kafka.committedOffset(KafkaConnectors.TELEMETRY_GROUP, Topics.INGRESS) == 6);
        } finally {
            job.cancel().get();
        }
    }

    private static Publish publish(String messageId) {
        return Publish.newBuilder()
                .setMessageId(messageId)
                .setEdgeId("edge-1")
                .setClientId("dev1")
                .setTopic("devices/dev1/temp")
                .setPayload(ByteBuffer.wrap(bytes("21.5")))
                .setQos(1)
                .setReceivedAt(Instant.now())
                .build();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

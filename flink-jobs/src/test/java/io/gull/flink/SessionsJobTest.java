package io.gull.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

import io.gull.flink.auth.AuthFixtures;
import io.gull.flink.kafka.DeadLetterSerializer;
import io.gull.flink.kafka.KafkaConnectors;
import io.gull.flink.kafka.TopicSetup;
import io.gull.flink.testing.EmbeddedKafka;
import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthOutcome;

/** The whole device-auth job on a Flink mini cluster against a real (in-process) Kafka. */
class DeviceAuthJobTest {
    private static final String EDGE_INBOX = Topics.edgeInbox("edge-1");

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start();
        TopicSetup.ensureDeviceAuthTopics(kafka.bootstrapServers());
        kafka.createTopics(Map.of(EDGE_INBOX, Map.of()));
        // the job reads requests from the group's committed offsets: start at the beginning for this test
        kafka.commitOffset(KafkaConnectors.DEVICE_AUTH_GROUP, Topics.AUTH_REQUESTS, 0);
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldCreateMissingTopicsWithACompactedRegistryAndLeaveExistingOnesAlone() throws Exception {
        // given the topics created once at start-up

        // when created again
        TopicSetup.ensureDeviceAuthTopics(kafka.bootstrapServers());

        // then
        assertThat(kafka.topicConfig(Topics.DEVICES, "cleanup.policy")).isEqualTo("compact");
        assertThat(kafka.topicConfig(Topics.AUTH_REQUESTS, "cleanup.policy")).isEqualTo("delete");
        assertThat(kafka.topicConfig(Topics.AUTH_REQUESTS, "retention.ms")).isEqualTo("3600000");
        assertThat(kafka.topicConfig(Topics.DEADLETTER, "cleanup.policy")).isEqualTo("delete");
    }

    @Test
    void shouldAnswerAuthRequestsIntoTheEdgeInboxAndDeadLetterMalformedOnes() throws Exception {
        // given a registered device and requests: right password, wrong password, unknown device, garbage
        kafka.send(Topics.DEVICES, bytes("dev1"), Codecs.DEVICE_RECORD.encode(AuthFixtures.device("dev1", "pw", "acme")));
        kafka.send(Topics.AUTH_REQUESTS, bytes("dev1"),
                Codecs.AUTH_REQUEST.encode(AuthFixtures.request("r-ok", "dev1", "dev1", "pw")));
        kafka.send(Topics.AUTH_REQUESTS, bytes("dev1"),
                Codecs.AUTH_REQUEST.encode(AuthFixtures.request("r-bad", "dev1", null, "nope")));
        kafka.send(Topics.AUTH_REQUESTS, bytes("ghost"),
                Codecs.AUTH_REQUEST.encode(AuthFixtures.request("r-ghost", "ghost", null, "pw")));
        kafka.send(Topics.AUTH_REQUESTS, bytes("dev9"), bytes("garbage"));

        // when the job runs
        JobArgs args = JobArgs.parse(new String[] {
            "--kafka.bootstrap", kafka.bootstrapServers(),
            "--checkpoint.interval-ms", "500",
            "--auth.unknown-device-grace-ms", "2000"});
        String bootstrap = args.kafkaBootstrap();
        JobClient job = new DeviceAuthJob(KafkaConnectors.devices(bootstrap), KafkaConnectors.authRequests(bootstrap),
                KafkaConnectors.edgeReplies(bootstrap), KafkaConnectors.deadLetters(bootstrap),
                args.unknownDeviceGrace(), args.maxAuthRequestAge())
                .start(JobEnvironment.create(args));

        try (KafkaConsumer<byte[], byte[]> inbox = kafka.reader(EDGE_INBOX);
                KafkaConsumer<byte[], byte[]> deadLetters = kafka.reader(Topics.DEADLETTER)) {
            // then every request is answered in the edge's inbox, keyed by client id
            Map<String, AuthDecision> decisions = new ConcurrentHashMap<>();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : EmbeddedKafka.poll(inbox)) {
                    AuthDecision decision = (AuthDecision) Codecs.EDGE_MESSAGE.decode(record.value()).getBody();
                    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(decision.getClientId());
                    decisions.put(decision.getRequestId(), decision);
                }
                return decisions.size() >= 3;
            });
            assertThat(decisions.get("r-ok").getOutcome()).isEqualTo(AuthOutcome.ALLOWED);
            assertThat(decisions.get("r-ok").getTenant()).isEqualTo("acme");
            assertThat(decisions.get("r-bad").getOutcome()).isEqualTo(AuthOutcome.BAD_CREDENTIALS);
            assertThat(decisions.get("r-ghost").getOutcome()).isEqualTo(AuthOutcome.UNKNOWN_DEVICE);

            // and the garbage record lands in the dead-letter topic with its reason
            List<ConsumerRecord<byte[], byte[]>> dead = new CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dead.addAll(EmbeddedKafka.poll(deadLetters));
                return !dead.isEmpty();
            });
            ConsumerRecord<byte[], byte[]> letter = dead.get(0);
            assertThat(letter.value()).isEqualTo(bytes("garbage"));
            assertThat(header(letter, DeadLetterSerializer.SOURCE_TOPIC)).isEqualTo(Topics.AUTH_REQUESTS);
            assertThat(header(letter, DeadLetterSerializer.REASON)).contains("AuthRequest");
        } finally {
            job.cancel().get();
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

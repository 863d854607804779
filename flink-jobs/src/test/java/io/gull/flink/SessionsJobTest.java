package io.gull.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.gull.flink.auth.AuthFixtures;
import io.gull.flink.auth.EdgeReply;
import io.gull.flink.kafka.DeadLetterSerializer;
import io.gull.flink.kafka.KafkaConnectors;
import io.gull.flink.kafka.TopicSetup;
import io.gull.flink.routing.Presence;
import io.gull.flink.routing.RetainedRequest;
import io.gull.flink.routing.Routing;
import io.gull.flink.routing.RoutingConfig;
import io.gull.flink.routing.SharedMember;
import io.gull.flink.routing.SubscriptionChange;
import io.gull.flink.session.SessionConfig;
import io.gull.flink.testing.EmbeddedKafka;
import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.Command;
import io.gull.schemas.avro.Delivery;
import io.gull.schemas.avro.EdgeHeartbeat;
import io.gull.schemas.avro.EdgeState;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;
import io.gull.schemas.avro.SharedHandoff;
import io.gull.schemas.avro.Subscription;
import io.gull.schemas.avro.Will;

/** The whole sessions job on a Flink mini cluster against a real (in-process) Kafka. */
class SessionsJobTest {
    private static final String EDGE_1 = "edge-1";
    private static final String EDGE_2 = "edge-2";
    private static final String EDGE_3 = "edge-3";

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start();
        TopicSetup.ensureSessionsTopics(kafka.bootstrapServers());
        kafka.createTopics(Map.of(Topics.edgeInbox(EDGE_1), Map.of(), Topics.edgeInbox(EDGE_2), Map.of()));
        // the job reads requests and messages from the group's committed offsets: start at the beginning here
        kafka.commitOffset(KafkaConnectors.SESSIONS_GROUP, Topics.AUTH_REQUESTS, 0);
        kafka.commitOffset(KafkaConnectors.SESSIONS_GROUP, Topics.INGRESS, 0);
        kafka.commitOffset(KafkaConnectors.SESSIONS_GROUP, Topics.EDGES, 0);
        kafka.createTopics(Map.of(Topics.edgeInbox(EDGE_3), Map.of()));
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldCreateMissingTopicsWithACompactedRegistryAndBrokerTimedAuthRequests() throws Exception {
        // given the topics created once at start-up

        // when created again
        TopicSetup.ensureSessionsTopics(kafka.bootstrapServers());

        // then
        assertThat(kafka.topicConfig(Topics.DEVICES, "cleanup.policy")).isEqualTo("compact");
        assertThat(kafka.topicConfig(Topics.AUTH_REQUESTS, "retention.ms")).isEqualTo("3600000");
        assertThat(kafka.topicConfig(Topics.AUTH_REQUESTS, "message.timestamp.type")).isEqualTo("LogAppendTime");
        assertThat(kafka.topicConfig(Topics.SESSIONS, "cleanup.policy")).isEqualTo("delete");
        assertThat(kafka.topicConfig(Topics.COMMANDS, "cleanup.policy")).isEqualTo("delete");
        assertThat(kafka.topicConfig(Topics.DEADLETTER, "cleanup.policy")).isEqualTo("delete");
    }

    @Test
    void shouldAnswerAuthRequestsPublishWillsAndDeadLetterMalformedRecords() throws Exception {
        // given a registered device and requests: right password (with a will), wrong password, unknown device,
        // garbage, and an edge clock 30 s behind the broker's
        kafka.send(Topics.DEVICES, bytes("dev1"), Codecs.DEVICE_RECORD.encode(AuthFixtures.device("dev1", "pw", "acme")));
        AuthRequest withWill = AuthRequest.newBuilder(AuthFixtures.request("r-ok", "dev1", "dev1", "pw",
                Instant.now().minusSeconds(30))).setConnectionId("c-ok").setWill(Will.newBuilder()
                        .setTopic("devices/dev1/status").setPayload(ByteBuffer.wrap(bytes("offline"))).build())
                .build();
        kafka.send(Topics.AUTH_REQUESTS, bytes("dev1"), Codecs.AUTH_REQUEST.encode(withWill));
        kafka.send(Topics.AUTH_REQUESTS, bytes("dev1"),
                Codecs.AUTH_REQUEST.encode(AuthFixtures.request("r-bad", "dev1", null, "nope")));
        kafka.send(Topics.AUTH_REQUESTS, bytes("ghost"),
                Codecs.AUTH_REQUEST.encode(AuthFixtures.request("r-ghost", "ghost", null, "pw")));
        kafka.send(Topics.AUTH_REQUESTS, bytes("dev9"), bytes("garbage"));

        // when the sessions half runs (routing left out)
        JobClient job = new SessionsJob(SessionsJob.Io.kafka(kafka.bootstrapServers()), sessionConfig(),
                JobArgs.defaults().routingConfig(), SessionsJobTest::noRouting).start(environment());

        try (KafkaConsumer<byte[], byte[]> inbox = kafka.reader(Topics.edgeInbox(EDGE_1));
                KafkaConsumer<byte[], byte[]> deadLetters = kafka.reader(Topics.DEADLETTER);
                KafkaConsumer<byte[], byte[]> ingress = readAll(Topics.INGRESS)) {
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
            assertThat(decisions.get("r-ok").getSessionPresent()).isFalse();
            assertThat(decisions.get("r-bad").getOutcome()).isEqualTo(AuthOutcome.BAD_CREDENTIALS);
            assertThat(decisions.get("r-ghost").getOutcome()).isEqualTo(AuthOutcome.UNKNOWN_DEVICE);

            // and the garbage record lands in the dead-letter topic with its reason
            List<ConsumerRecord<byte[], byte[]>> dead = new CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dead.addAll(EmbeddedKafka.poll(deadLetters));
                return !dead.isEmpty();
            });
            assertThat(dead.get(0).value()).isEqualTo(bytes("garbage"));
            assertThat(header(dead.get(0), DeadLetterSerializer.SOURCE_TOPIC)).isEqualTo(Topics.AUTH_REQUESTS);

            // when the allowed connection closes abruptly
            kafka.send(Topics.SESSIONS, bytes("dev1"), Codecs.SESSION_EVENT.encode(event(SessionEventType.DISCONNECTED,
                    "dev1", EDGE_1, "c-ok").setPublishWill(true).build()));

            // then its will is published into gull.ingress, keyed by client id
            List<Publish> wills = new CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : EmbeddedKafka.poll(ingress)) {
                    Publish message = Codecs.PUBLISH.decode(record.value());
                    if (message.getWill() && message.getClientId().equals("dev1")) { // other tests publish too
                        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("dev1");
                        wills.add(message);
                    }
                }
                return !wills.isEmpty();
            });
            assertThat(wills.get(0).getMessageId()).isEqualTo("c-ok/will");
            assertThat(wills.get(0).getTopic()).isEqualTo("devices/dev1/status");
            assertThat(wills.get(0).getWill()).isTrue();
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void shouldDeliverWhatAPublisherOnOneEdgeSendsToASubscriberOnAnother() throws Exception {
        // given two devices of one tenant; the subscriber connects on edge-2 and subscribes to t/#
        kafka.send(Topics.DEVICES, bytes("sub1"), Codecs.DEVICE_RECORD.encode(AuthFixtures.device("sub1", "pw", "t1")));
        kafka.send(Topics.DEVICES, bytes("pub1"), Codecs.DEVICE_RECORD.encode(AuthFixtures.device("pub1", "pw", "t1")));
        JobClient job = new SessionsJob(SessionsJob.Io.kafka(kafka.bootstrapServers()), sessionConfig(),
                JobArgs.defaults().routingConfig()).start(environment());
        try (KafkaConsumer<byte[], byte[]> inbox = kafka.reader(Topics.edgeInbox(EDGE_2))) {
            kafka.send(Topics.AUTH_REQUESTS, bytes("sub1"), Codecs.AUTH_REQUEST.encode(AuthRequest.newBuilder(
                    AuthFixtures.request("r-sub", "sub1", null, "pw")).setEdgeId(EDGE_2).setConnectionId("c-sub")
                    .setProtocolVersion(5).build()));
            List<Object> bodies = new CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                EmbeddedKafka.poll(inbox).forEach(r -> bodies.add(Codecs.EDGE_MESSAGE.decode(r.value()).getBody()));
                return bodies.stream().anyMatch(b -> b instanceof AuthDecision d && d.getRequestId().equals("r-sub"));
            });
            kafka.send(Topics.SESSIONS, bytes("sub1"), Codecs.SESSION_EVENT.encode(event(SessionEventType.SUBSCRIBED,
                    "sub1", EDGE_2, "c-sub").setSubscriptions(List.of(Subscription.newBuilder().setFilter("t/#")
                            .setQos(1).build())).build()));

            // when the publisher (on edge-1) publishes to t/x until something arrives (the subscription takes
            // effect once the job has applied it)
            List<Delivery> deliveries = new CopyOnWriteArrayList<>();
            int[] sent = {0};
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                kafka.send(Topics.INGRESS, bytes("pub1"), Codecs.PUBLISH.encode(publish("m-" + sent[0]++)));
                EmbeddedKafka.poll(inbox).forEach(r -> {
                    if (Codecs.EDGE_MESSAGE.decode(r.value()).getBody() instanceof Delivery d) {
                        deliveries.add(d);
                    }
                });
                return !deliveries.isEmpty();
            });

            // then the subscriber's inbox holds a delivery of it for the subscriber's connection
            Delivery delivery = deliveries.get(0);
            assertThat(delivery.getClientId()).isEqualTo("sub1");
            assertThat(delivery.getConnectionId()).isEqualTo("c-sub");
            assertThat(delivery.getTopic()).isEqualTo("t/x");
            assertThat(delivery.getQos()).isEqualTo(1);
            assertThat(delivery.getMessageId()).startsWith("m-");
            assertThat(StandardCharsets.UTF_8.decode(delivery.getPayload()).toString()).isEqualTo("hello");
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void shouldPublishTheWillsOfAnEdgeThatStopsBeating() throws Exception {
        // given the job declares an edge dead after 2 s of silence
        kafka.send(Topics.DEVICES, bytes("dev5"), Codecs.DEVICE_RECORD.encode(AuthFixtures.device("dev5", "pw", "t5")));
        SessionConfig config = JobArgs.parse(new String[] {"--edge.dead-after-ms", "2000"}).sessionConfig();
        JobClient job = new SessionsJob(SessionsJob.Io.kafka(kafka.bootstrapServers()), config,
                JobArgs.defaults().routingConfig(), SessionsJobTest::noRouting).start(environment());
        try (KafkaConsumer<byte[], byte[]> inbox = kafka.reader(Topics.edgeInbox(EDGE_3));
                KafkaConsumer<byte[], byte[]> ingress = readAll(Topics.INGRESS)) {
            // and dev5 connected on edge-3 with a will
            kafka.send(Topics.AUTH_REQUESTS, bytes("dev5"), Codecs.AUTH_REQUEST.encode(AuthRequest.newBuilder(
                    AuthFixtures.request("r5", "dev5", null, "pw")).setEdgeId(EDGE_3).setConnectionId("c5")
                    .setWill(Will.newBuilder().setTopic("dev5/status").setPayload(ByteBuffer.wrap(bytes("lost")))
                            .build()).build()));
            await().atMost(Duration.ofSeconds(90)).until(() -> !EmbeddedKafka.poll(inbox).isEmpty());

            // when edge-3 beats once, then falls silent (kill -9)
            kafka.send(Topics.EDGES, bytes(EDGE_3), Codecs.EDGE_HEARTBEAT.encode(EdgeHeartbeat.newBuilder()
                    .setEdgeId(EDGE_3).setIncarnation("inc-1").setState(EdgeState.RUNNING).setAt(Instant.now())
                    .build()));

            // then dev5's will is published
            await().atMost(Duration.ofSeconds(60)).until(() -> EmbeddedKafka.poll(ingress).stream()
                    .map(r -> Codecs.PUBLISH.decode(r.value()))
                    .anyMatch(p -> p.getWill() && p.getMessageId().equals("c5/will")));
        } finally {
            job.cancel().get();
        }
    }

    private static Routing.Outputs noRouting(
            DataStream<Publish> publishes,
            DataStream<SubscriptionChange> subscriptions,
            DataStream<RetainedRequest> retained,
            DataStream<Presence> presence,
            DataStream<SessionEvent> acks,
            DataStream<Command> commands,
            DataStream<SharedMember> sharedMembers,
            DataStream<SharedHandoff> handoffs,
            RoutingConfig config) {
        return new Routing.Outputs(presence.flatMap(new Nothing<EdgeReply>()).returns(EdgeReply.TYPE),
                presence.flatMap(new Nothing<SharedHandoff>()).returns(new AvroTypeInfo<>(SharedHandoff.class)));
    }

    /** A routing half that delivers nothing. */
    private static final class Nothing<T> implements FlatMapFunction<Presence, T> {
        @Override
        public void flatMap(Presence presence, Collector<T> out) {
        }
    }

    private static SessionConfig sessionConfig() {
        return JobArgs.parse(new String[] {"--auth.unknown-device-grace-ms", "2000"}).sessionConfig();
    }

    private static StreamExecutionEnvironment environment() {
        return JobEnvironment.create(JobArgs.parse(new String[] {
            "--kafka.bootstrap", kafka.bootstrapServers(), "--checkpoint.interval-ms", "500"}));
    }

    private static SessionEvent.Builder event(SessionEventType type, String clientId, String edgeId, String connection) {
        return SessionEvent.newBuilder().setEventId(type + "-" + connection).setType(type).setClientId(clientId)
                .setEdgeId(edgeId).setConnectionId(connection).setProtocolVersion(5).setAt(Instant.now());
    }

    private static Publish publish(String messageId) {
        return Publish.newBuilder().setMessageId(messageId).setEdgeId(EDGE_1).setClientId("pub1").setTenant("t1")
                .setTopic("t/x").setPayload(ByteBuffer.wrap(bytes("hello"))).setQos(1).setReceivedAt(Instant.now())
                .setConnectionId("c-pub").build();
    }

    /** A consumer of every partition of {@code topic} from its beginning. */
    private static KafkaConsumer<byte[], byte[]> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toCollection(ArrayList::new));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

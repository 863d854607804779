package io.gull.edge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.gull.edge.Edge;
import io.gull.edge.EdgeConfig;
import io.gull.edge.EdgeConfigParser;
import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;
import io.gull.edge.kafka.EdgeIdInUseException;
import io.gull.schemas.avro.Delivery;
import io.gull.schemas.avro.DeliveryAckKind;
import io.gull.schemas.avro.DeliveryKind;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;

/**
 * A real edge (port 0) against a real in-process Kafka, with real Paho clients; a test-side responder
 * plays the device-auth job.
 */
class EdgeIntegrationTest {
    private static final String EDGE_ID = "it-edge";

    private static KafkaTestCluster kafka;
    private static AuthResponder responder;
    private static Edge edge;
    private static String mqttUri;

    @BeforeAll
    static void startStack() throws Exception {
        kafka = KafkaTestCluster.start(Topics.INGRESS, Topics.SESSIONS, Topics.AUTH_REQUESTS);
        responder = new AuthResponder(kafka.bootstrap());
        EdgeConfig config = EdgeConfigParser.parse("--edge-id=" + EDGE_ID, "--mqtt.host=127.0.0.1",
                "--mqtt.port=0", "--kafka.bootstrap=" + kafka.bootstrap());
        edge = Edge.start(config);
        mqttUri = "tcp://127.0.0.1:" + edge.mqttAddress().getPort();
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (edge != null) {
            edge.close();
        }
        if (responder != null) {
            responder.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    /** The CONNACK reason code a Paho 5 client connecting to {@code uri} gets (0 when accepted). */
    private static int connectV5(String uri, String clientId, String password) throws Exception {
        var client = new org.eclipse.paho.mqttv5.client.MqttClient(uri, clientId,
                new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(clientId);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        try {
            client.connect(options);
            client.disconnect();
            return 0;
        } catch (MqttException e) {
            return e.getReasonCode();
        } finally {
            client.close();
        }
    }

    @Test
    void shouldCreateTheInboxTopicAtStart() throws Exception {
        assertThat(kafka.topics()).contains("gull.edge." + EDGE_ID);
    }

    @Test
    void shouldPubackQos1FromMqtt311OnlyOnceTheEnvelopeIsInKafka() throws Exception {
        var client = new org.eclipse.paho.client.mqttv3.MqttClient(mqttUri, "dev-v3", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName("dev-v3");
        options.setPassword("pw".toCharArray());
        client.connect(options);

        client.publish("devices/dev-v3/temp", "21.5".getBytes(StandardCharsets.UTF_8), 1, false); // waits for PUBACK
        client.disconnect();
        client.close();

        Publish envelope = awaitIngress(p -> p.getClientId().equals("dev-v3"));
        assertThat(envelope.getTopic()).isEqualTo("devices/dev-v3/temp");
        assertThat(StandardCharsets.UTF_8.decode(envelope.getPayload()).toString()).isEqualTo("21.5");
        assertThat(envelope.getTenant()).isEqualTo(AuthResponder.TENANT);
        assertThat(envelope.getEdgeId()).isEqualTo(EDGE_ID);
        assertThat(envelope.getQos()).isEqualTo(1);
        assertThat(awaitSessionEvents("dev-v3", 2)).extracting(SessionEvent::getType)
                .containsExactly(SessionEventType.CONNECTED, SessionEventType.DISCONNECTED);
    }

    @Test
    void shouldPubackQos1FromMqtt5WithUserProperties() throws Exception {
        var client = new org.eclipse.paho.mqttv5.client.MqttClient(mqttUri, "dev-v5",
                new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName("dev-v5");
        options.setPassword("pw".getBytes(StandardCharsets.UTF_8));
        client.connect(options);
        MqttMessage message = new MqttMessage("22.0".getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        MqttProperties properties = new MqttProperties();
        properties.setUserProperties(List.of(new UserProperty("unit", "celsius")));
        message.setProperties(properties);

        client.publish("devices/dev-v5/temp", message); // waits for PUBACK
        client.disconnect();
        client.close();

        Publish envelope = awaitIngress(p -> p.getClientId().equals("dev-v5"));
        assertThat(StandardCharsets.UTF_8.decode(envelope.getPayload()).toString()).isEqualTo("22.0");
        assertThat(envelope.getTenant()).isEqualTo(AuthResponder.TENANT);
        assertThat(envelope.getProperties()).containsEntry("unit", "celsius");
    }

    @Test
    void shouldRefuseBadPasswordWith0x05OnMqtt311() throws Exception {
        var client = new org.eclipse.paho.client.mqttv3.MqttClient(mqttUri, "dev-bad3", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName("dev-bad3");
        options.setPassword("wrong".toCharArray());

        assertThatThrownBy(() -> client.connect(options))
                .isInstanceOfSatisfying(MqttSecurityException.class,
                        e -> assertThat(e.getReasonCode()).isEqualTo(0x05));
        client.close();
    }

    @Test
    void shouldRefuseBadPasswordWith0x86OnMqtt5() throws Exception {
        var client = new org.eclipse.paho.mqttv5.client.MqttClient(mqttUri, "dev-bad5",
                new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName("dev-bad5");
        options.setPassword("wrong".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> client.connect(options))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(0x86));
        client.close();
    }

    @Test
    void shouldRefuseALockedOutClientIdWith0x9FOnMqtt5() throws Exception {
        // given a client id the sessions job has locked out (it answers RATE_LIMITED)
        String clientId = AuthResponder.LOCKED_PREFIX + "-dev5";

        // when it connects with MQTT 5
        // then Connection rate exceeded
        assertThat(connectV5(mqttUri, clientId, "pw")).isEqualTo(0x9F);
    }

    @Test
    void shouldRefuseAnAddressWith0x9FWithoutAskingTheJobAfterRepeatedBadPasswords() throws Exception {
        // given an edge that refuses an address after 3 refused CONNECTs a minute
        EdgeConfig config = EdgeConfigParser.parse("--edge-id=it-edge-brute", "--mqtt.host=127.0.0.1",
                "--mqtt.port=0", "--kafka.bootstrap=" + kafka.bootstrap(), "--auth.address.max-failures=3");
        try (Edge guarded = Edge.start(config)) {
            String uri = "tcp://127.0.0.1:" + guarded.mqttAddress().getPort();
            // and three bad passwords from 127.0.0.1, each refused by the job with 0x86
            for (int i = 0; i < 3; i++) {
                assertThat(connectV5(uri, "brute-" + i, "wrong")).isEqualTo(0x86);
            }

            // when a device connects from the same address, even with the right password
            int code = connectV5(uri, "brute-right", "pw");

            // then it gets Connection rate exceeded, and no auth request left the edge
            assertThat(code).isEqualTo(0x9F);
            assertThat(responder.lastRequest("brute-right")).isNull();
        }
    }

    @Test
    void shouldNameThePortWhenItIsAlreadyInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EdgeConfig config = EdgeConfigParser.parse("--edge-id=it-edge-2", "--mqtt.host=127.0.0.1",
                    "--mqtt.port=" + taken.getLocalPort(), "--kafka.bootstrap=" + kafka.bootstrap());

            assertThatThrownBy(() -> Edge.start(config))
                    .isInstanceOf(BindException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void shouldAnswerServerUnavailableWhenNoAuthDecisionArrivesInTime() throws Exception {
        EdgeConfig config = EdgeConfigParser.parse("--edge-id=it-edge-3", "--mqtt.host=127.0.0.1",
                "--mqtt.port=0", "--kafka.bootstrap=" + kafka.bootstrap(), "--auth.timeout-ms=1000");
        try (Edge slowAuthEdge = Edge.start(config)) {
            var client = new org.eclipse.paho.mqttv5.client.MqttClient(
                    "tcp://127.0.0.1:" + slowAuthEdge.mqttAddress().getPort(), AuthResponder.SILENT_PREFIX + "-dev",
                    new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setUserName(AuthResponder.SILENT_PREFIX + "-dev");
            options.setPassword("pw".getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> client.connect(options))
                    .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(0x88));
            client.close();
        }
    }

    @Test
    void shouldTellMqtt5ClientsServerShuttingDownOnGracefulStop() throws Exception {
        EdgeConfig config = EdgeConfigParser.parse("--edge-id=it-edge-4", "--mqtt.host=127.0.0.1",
                "--mqtt.port=0", "--kafka.bootstrap=" + kafka.bootstrap());
        Edge stopping = Edge.start(config);
        var client = new org.eclipse.paho.mqttv5.client.MqttClient(
                "tcp://127.0.0.1:" + stopping.mqttAddress().getPort(), "dev-stop",
                new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        java.util.concurrent.CompletableFuture<Integer> disconnectReason = new java.util.concurrent.CompletableFuture<>();
        client.setCallback(new DisconnectRecorder(disconnectReason));
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName("dev-stop");
        options.setPassword("pw".getBytes(StandardCharsets.UTF_8));
        client.connect(options);

        stopping.close();

        assertThat(disconnectReason.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(0x8B);
        client.close();
    }

    @Test
    void shouldAnswerPubackErrorInsteadOfDroppingTheConnectionWhenKafkaRefusesTheRecordAsTooLarge()
            throws Exception {
        // the client id is not in the PUBLISH but twice in the record (key and envelope): a packet within
        // mqtt.max-packet-size, a record beyond kafka.max-request-size
        String bigId = "dev-big-" + "x".repeat(1500);
        EdgeConfig config = EdgeConfigParser.parse("--edge-id=it-edge-5", "--mqtt.host=127.0.0.1",
                "--mqtt.port=0", "--kafka.bootstrap=" + kafka.bootstrap(), "--mqtt.max-packet-size=10000",
                "--kafka.max-request-size=11024");
        try (Edge smallEdge = Edge.start(config)) {
            var client = new org.eclipse.paho.mqttv5.client.MqttAsyncClient(
                    "tcp://127.0.0.1:" + smallEdge.mqttAddress().getPort(), bigId,
                    new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setUserName(bigId);
            options.setPassword("pw".getBytes(StandardCharsets.UTF_8));
            client.connect(options).waitForCompletion(10_000);
            MqttMessage big = new MqttMessage(new byte[4900]);
            big.setQos(1);

            var token = client.publish("t/" + "x".repeat(5000), big);
            int reason;
            try {
                token.waitForCompletion(30_000);
                reason = token.getReasonCodes()[0];
            } catch (MqttException e) {
                reason = e.getReasonCode();
            }

            assertThat(reason).isEqualTo(0x83);
            assertThat(client.isConnected()).as("no resend loop: the connection stays").isTrue();
            MqttMessage small = new MqttMessage("ok".getBytes(StandardCharsets.UTF_8));
            small.setQos(1);
            client.publish("devices/dev-big/ok", small).waitForCompletion(30_000);
            assertThat(awaitIngress(p -> p.getClientId().equals(bigId)).getTopic()).isEqualTo("devices/dev-big/ok");
            client.disconnect().waitForCompletion(10_000);
            client.close();
        }
    }

    @Test
    void shouldDeliverAnInboxDeliveryToAPahoSubscriberAndReportItsPuback() throws Exception {
        // given a Paho 5 subscriber whose SUBSCRIBE was stored in gull.sessions before its SUBACK
        var client = new org.eclipse.paho.mqttv5.client.MqttClient(mqttUri, "dev-sub",
                new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        java.util.concurrent.BlockingQueue<MqttMessage> arrived = new java.util.concurrent.LinkedBlockingQueue<>();
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName("dev-sub");
        options.setPassword("pw".getBytes(StandardCharsets.UTF_8));
        client.connect(options);
        client.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
                        new org.eclipse.paho.mqttv5.common.MqttSubscription("alerts/#", 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(topic, message) -> arrived.add(message)});
        assertThat(awaitSessionEvents("dev-sub", e -> e.getType() == SessionEventType.SUBSCRIBED))
                .satisfies(e -> assertThat(e.getSubscriptions().get(0).getFilter()).isEqualTo("alerts/#"));
        String connectionId = responder.lastRequest("dev-sub").getConnectionId();

        // when the sessions job writes a QoS 1 delivery for that connection into the edge's inbox
        responder.send(EDGE_ID, "dev-sub", Delivery.newBuilder().setClientId("dev-sub")
                .setConnectionId(connectionId).setSeq(1).setMessageId("msg-1").setKind(DeliveryKind.PUBLISH)
                .setTopic("alerts/fire").setPayload(java.nio.ByteBuffer.wrap("hot".getBytes(StandardCharsets.UTF_8)))
                .setQos(1).setPacketId(1).build());

        // then the subscriber gets it and its PUBACK reaches gull.sessions as an ACKED event
        MqttMessage message = arrived.poll(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(message).isNotNull();
        assertThat(new String(message.getPayload(), StandardCharsets.UTF_8)).isEqualTo("hot");
        assertThat(message.getQos()).isEqualTo(1);
        SessionEvent acked = awaitSessionEvents("dev-sub", e -> e.getType() == SessionEventType.ACKED);
        assertThat(acked.getAcks()).singleElement().satisfies(ack -> {
            assertThat(ack.getMessageId()).isEqualTo("msg-1");
            assertThat(ack.getKind()).isEqualTo(DeliveryAckKind.PUBACK);
        });
        client.disconnect();
        client.close();
    }

    @Test
    void shouldCompleteAQos2PublishFromPahoOnlyOnceTheEnvelopeIsInKafka() throws Exception {
        // given a Paho 5 client
        var client = new org.eclipse.paho.mqttv5.client.MqttClient(mqttUri, "dev-qos2",
                new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName("dev-qos2");
        options.setPassword("pw".getBytes(StandardCharsets.UTF_8));
        client.connect(options);
        MqttMessage message = new MqttMessage("once".getBytes(StandardCharsets.UTF_8));
        message.setQos(2);

        // when it publishes QoS 2 (Paho waits for PUBREC, sends PUBREL, waits for PUBCOMP)
        client.publish("devices/dev-qos2/event", message);
        client.disconnect();
        client.close();

        // then the envelope is in gull.ingress with QoS 2 and the packet id, keyed by client id
        Publish envelope = awaitIngress(p -> p.getClientId().equals("dev-qos2"));
        assertThat(envelope.getQos()).isEqualTo(2);
        assertThat(envelope.getPacketId()).isPositive();
        assertThat(envelope.getMessageId()).startsWith(envelope.getConnectionId() + ":");
    }

    @Test
    void shouldLetAnAnonymousMqtt5ClientWithoutClientIdInWhenAllowed() throws Exception {
        // given an edge that lets anonymous clients in
        EdgeConfig config = EdgeConfigParser.parse("--edge-id=it-edge-8", "--mqtt.host=127.0.0.1",
                "--mqtt.port=0", "--kafka.bootstrap=" + kafka.bootstrap(), "--mqtt.allow-anonymous=true");
        try (Edge open = Edge.start(config)) {
            var client = new org.eclipse.paho.mqttv5.client.MqttAsyncClient(
                    "tcp://127.0.0.1:" + open.mqttAddress().getPort(), "",
                    new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());

            // when a Paho 5 client connects with no client id and no credentials
            var token = client.connect(new MqttConnectionOptions());
            token.waitForCompletion(30_000);

            // then it is in, with an id the edge assigned
            assertThat(client.isConnected()).isTrue();
            assertThat(token.getResponseProperties().getAssignedClientIdentifier()).startsWith("gull-");
            client.disconnect().waitForCompletion(10_000);
            client.close();
        }
    }

    @Test
    void shouldRefuseToStartASecondEdgeWithAnIdInUse() throws Exception {
        // given the running edge EDGE_ID (it beats every 2 s)
        EdgeConfig config = EdgeConfigParser.parse("--edge-id=" + EDGE_ID, "--mqtt.host=127.0.0.1",
                "--mqtt.port=0", "--kafka.bootstrap=" + kafka.bootstrap());

        // when another edge starts with the same id, then it is refused, naming the id and the running edge
        assertThatThrownBy(() -> Edge.start(config))
                .isInstanceOf(EdgeIdInUseException.class)
                .hasMessageContaining("edge id " + EDGE_ID + " is in use by a running edge")
                .hasMessageContaining(edge.mqttAddress().getHostString() + ":" + edge.mqttAddress().getPort())
                .hasMessageContaining("give this edge another --edge-id");
    }

    @Test
    void shouldStartAgainAtOnceWithTheIdOfAnEdgeThatStoppedGracefully() throws Exception {
        // given an edge that stopped gracefully (its last heartbeat is STOPPED)
        EdgeConfig config = EdgeConfigParser.parse("--edge-id=it-edge-6", "--mqtt.host=127.0.0.1",
                "--mqtt.port=0", "--kafka.bootstrap=" + kafka.bootstrap(), "--edge.heartbeat-interval-ms=500");
        Edge.start(config).close();
        assertThat(awaitHeartbeat("it-edge-6", io.gull.schemas.avro.EdgeState.STOPPED).getIncarnation()).isNotBlank();

        // when it starts again with the same id, then it runs
        try (Edge again = Edge.start(config)) {
            assertThat(again.mqttAddress().getPort()).isPositive();
        }
    }

    @Test
    void shouldWaitForTheLastHeartbeatOfAnEdgeThatDiedToGoStaleAndThenStart() throws Exception {
        // given a RUNNING heartbeat of it-edge-7, just now, from an incarnation that then died (kill -9)
        var heartbeat = io.gull.schemas.avro.EdgeHeartbeat.newBuilder().setEdgeId("it-edge-7")
                .setIncarnation("dead-incarnation").setState(io.gull.schemas.avro.EdgeState.RUNNING)
                .setAt(java.time.Instant.now()).setIntervalMs(300).setMqttAddress("127.0.0.1:1").build();
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]>(Map.of(
                "bootstrap.servers", kafka.bootstrap(),
                "key.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class.getName(),
                "value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class.getName()))) {
            createEdgesTopic();
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.EDGES,
                    "it-edge-7".getBytes(StandardCharsets.UTF_8),
                    io.gull.schemas.AvroCodec.of(io.gull.schemas.avro.EdgeHeartbeat.getClassSchema())
                            .encode(heartbeat))).get();
        }
        EdgeConfig config = EdgeConfigParser.parse("--edge-id=it-edge-7", "--mqtt.host=127.0.0.1",
                "--mqtt.port=0", "--kafka.bootstrap=" + kafka.bootstrap(), "--edge.heartbeat-interval-ms=300");

        // when an edge with that id starts, then it waits for the silence (3 intervals) and runs
        try (Edge restarted = Edge.start(config)) {
            assertThat(restarted.mqttAddress().getPort()).isPositive();
        }
    }

    private static io.gull.schemas.avro.EdgeHeartbeat awaitHeartbeat(String edgeId,
                                                                      io.gull.schemas.avro.EdgeState state) {
        var codec = io.gull.schemas.AvroCodec.of(io.gull.schemas.avro.EdgeHeartbeat.getClassSchema());
        List<io.gull.schemas.avro.EdgeHeartbeat> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = fromBeginning(Topics.EDGES)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    var beat = (io.gull.schemas.avro.EdgeHeartbeat) codec.decode(r.value());
                    if (beat.getEdgeId().equals(edgeId) && beat.getState() == state) {
                        found.add(beat);
                    }
                }
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    /** gull.edges as the edge creates it (the first edge of this class may not have started yet). */
    private static void createEdgesTopic() throws Exception {
        try (var admin = kafka.admin()) {
            if (!admin.listTopics().names().get().contains(Topics.EDGES)) {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(Topics.EDGES, 1, (short) 1)))
                        .all().get();
            }
        }
    }

    private static SessionEvent awaitSessionEvents(String clientId,
                                                   java.util.function.Predicate<SessionEvent> match) {
        List<SessionEvent> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = fromBeginning(Topics.SESSIONS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    SessionEvent e = Codecs.SESSION_EVENT.decode(r.value());
                    if (e.getClientId().equals(clientId) && match.test(e)) {
                        found.add(e);
                    }
                }
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    private static Publish awaitIngress(java.util.function.Predicate<Publish> match) {
        List<Publish> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = fromBeginning(Topics.INGRESS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Publish p = Codecs.PUBLISH.decode(r.value());
                    if (match.test(p)) {
                        found.add(p);
                    }
                }
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    private static List<SessionEvent> awaitSessionEvents(String clientId, int count) {
        List<SessionEvent> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = fromBeginning(Topics.SESSIONS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    SessionEvent e = Codecs.SESSION_EVENT.decode(r.value());
                    if (e.getClientId().equals(clientId)) {
                        found.add(e);
                    }
                }
                return found.size() >= count;
            });
        }
        return found;
    }

    private static KafkaConsumer<byte[], byte[]> fromBeginning(String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrap(),
                "key.deserializer", ByteArrayDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName()));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}

package io.gull.edge.mqtt;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.gull.edge.EdgeConfig;
import io.gull.edge.EdgeConfigParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.ReferenceCountUtil;

/**
 * An edge pipeline in an {@link EmbeddedChannel} plus a client-side codec: tests speak real MQTT bytes
 * to the real handlers; only the Kafka-facing ports are test doubles.
 */
final class EmbeddedMqtt {
    final FakeAuthenticator auth;
    final RecordingIngress ingress;
    final RecordingSessionEvents sessionEvents;
    final ClientRegistry registry;
    final ConnectionRegistry connections = new ConnectionRegistry();
    final DeliveryCounters counters = new DeliveryCounters();
    final DrainSignal drain = new DrainSignal();
    final EdgeConfig config;
    final EmbeddedChannel server;
    private final EmbeddedChannel client;

    EmbeddedMqtt(String... args) {
        this(new FakeAuthenticator(), new RecordingIngress(), new RecordingSessionEvents(), new ClientRegistry(),
                args);
    }

    EmbeddedMqtt(FakeAuthenticator auth, RecordingIngress ingress, RecordingSessionEvents events,
                 ClientRegistry registry, String... args) {
        this.auth = auth;
        this.ingress = ingress;
        this.sessionEvents = events;
        this.registry = registry;
        this.config = EdgeConfigParser.parse(args);
        ConnectionServices services = new ConnectionServices(config, auth, ingress, events, registry,
                connections, counters, drain, Clock.systemUTC());
        this.server = new EmbeddedChannel();
        this.server.freezeTime();
        EdgeServer.configure(server.pipeline(), services);
        this.client = new EmbeddedChannel(new MqttDecoder(16 * 1024 * 1024), MqttEncoder.INSTANCE);
    }

    /** Encodes {@code message} as a client would and feeds the bytes to the edge. */
    void send(MqttMessage message) {
        client.writeOutbound(message);
        ByteBuf bytes;
        while ((bytes = client.readOutbound()) != null) {
            server.writeInbound(bytes);
        }
        server.runPendingTasks();
    }

    /** Feeds raw bytes (for packets a correct client encoder would not produce). */
    void sendBytes(byte... bytes) {
        server.writeInbound(Unpooled.wrappedBuffer(bytes));
        server.runPendingTasks();
    }

    /** Everything the edge wrote since the last call, decoded as the client sees it. */
    List<MqttMessage> received() {
        List<MqttMessage> messages = receivedUnreleased();
        messages.forEach(ReferenceCountUtil::release);
        return messages;
    }

    /** The bytes the edge wrote since the last call, undecoded. */
    int receivedBytes() {
        server.runPendingTasks();
        int total = 0;
        Object out;
        while ((out = server.readOutbound()) != null) {
            total += ((ByteBuf) out).readableBytes();
            ReferenceCountUtil.release(out);
        }
        return total;
    }

    /** Like {@link #received()}, payloads still readable: the caller releases them. */
    List<MqttMessage> receivedUnreleased() {
        server.runPendingTasks();
        Object out;
        while ((out = server.readOutbound()) != null) {
            client.writeInbound(out);
        }
        List<MqttMessage> messages = new ArrayList<>();
        Object in;
        while ((in = client.readInbound()) != null) {
            messages.add((MqttMessage) in);
        }
        return messages;
    }

    /** Hands an inbox record to the connection as the inbox reader does (dispatch by connection id). */
    void inbox(Object body) {
        if (body instanceof io.gull.schemas.avro.Delivery delivery) {
            connections.dispatch(delivery);
        } else if (body instanceof io.gull.schemas.avro.Kick kick) {
            connections.dispatch(kick);
        }
        server.runPendingTasks();
    }

    /** Lets the frozen clock advance and runs what became due (e.g. the ack batch timer). */
    void advanceMillis(long millis) {
        server.advanceTimeBy(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        server.runScheduledPendingTasks();
        server.runPendingTasks();
    }

    /** Runs the tasks that completions scheduled on the channel's event loop. */
    void runTasks() {
        server.runPendingTasks();
    }

    /** An edge with one accepted connection of client "dev1" (tenant acme); the CONNACK is read already. */
    static EmbeddedMqtt connected(MqttVersion version, String... args) {
        return connected(version, decision -> { }, args);
    }

    static EmbeddedMqtt connected(MqttVersion version,
                                  java.util.function.Consumer<io.gull.schemas.avro.AuthDecision.Builder> shape,
                                  String... args) {
        EmbeddedMqtt mqtt = new EmbeddedMqtt(args);
        mqtt.send(connect(version, "dev1", "dev1", "pw"));
        mqtt.auth.last().answer(io.gull.schemas.avro.AuthOutcome.ALLOWED, "acme", shape);
        List<MqttMessage> connAck = mqtt.received();
        if (connAck.size() != 1 || connAck.get(0).fixedHeader().messageType()
                != io.netty.handler.codec.mqtt.MqttMessageType.CONNACK) {
            throw new AssertionError("expected one CONNACK, got " + connAck);
        }
        return mqtt;
    }

    /** The connection id the edge gave the last CONNECT (the address of deliveries). */
    String connectionId() {
        return auth.last().request().getConnectionId();
    }

    static MqttConnectMessage connect(MqttVersion version, String clientId, String username, String password) {
        MqttMessageBuilders.ConnectBuilder builder = MqttMessageBuilders.connect()
                .protocolVersion(version)
                .clientId(clientId)
                .cleanSession(true)
                .keepAlive(60);
        if (username != null) {
            builder.hasUser(true).username(username);
        }
        if (password != null) {
            builder.hasPassword(true).password(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    static MqttMessage publish(String topic, MqttQoS qos, int packetId, String payload) {
        return MqttMessageBuilders.publish()
                .topicName(topic)
                .qos(qos)
                .messageId(packetId)
                .retained(false)
                .payload(Unpooled.copiedBuffer(payload, java.nio.charset.StandardCharsets.UTF_8))
                .build();
    }
}

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
                drain, Clock.systemUTC());
        this.server = new EmbeddedChannel();
        this.server.freezeTime();
        EdgeServer.configure(server.pipeline(), services);
        this.client = new EmbeddedChannel(new MqttDecoder(), MqttEncoder.INSTANCE);
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
        server.runPendingTasks();
        Object out;
        while ((out = server.readOutbound()) != null) {
            client.writeInbound(out);
        }
        List<MqttMessage> messages = new ArrayList<>();
        Object in;
        while ((in = client.readInbound()) != null) {
            messages.add((MqttMessage) in);
            ReferenceCountUtil.release(in);
        }
        return messages;
    }

    /** Runs the tasks that completions scheduled on the channel's event loop. */
    void runTasks() {
        server.runPendingTasks();
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

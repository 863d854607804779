package io.gull.edge.mqtt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttSubscribePayload;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribePayload;
import io.netty.handler.codec.mqtt.MqttVersion;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Valid client packets of MQTT 3.1.1 and 5.0 as jqwik generators: a description each (shrinkable, printable),
 * encoded with Netty's {@link MqttMessageBuilders} and {@link MqttEncoder} as a client would send it.
 */
final class ClientPackets {

    /** One packet a client sends, before encoding. */
    sealed interface Packet {
        MqttMessage message();
    }

    /** A property of a 5.0 packet: id and an Integer, String, byte[] or String[2] (user property) value. */
    record Prop(int id, Object value) {
        @Override
        public String toString() {
            return "0x" + Integer.toHexString(id) + "=" + (value instanceof String[] pair ? pair[0] + ":" + pair[1]
                    : value instanceof byte[] bytes ? bytes.length + " bytes" : value);
        }
    }

    record Will(String topic, int qos, boolean retain, int payloadBytes) {
    }

    record Connect(String clientId, String username, String password, int keepAlive, boolean clean, Will will,
                   List<Prop> props) implements Packet {
        /** As a 3.1.1 client would send it; {@link #encode} uses {@link #message(MqttVersion)}. */
        @Override
        public MqttMessage message() {
            return message(MqttVersion.MQTT_3_1_1);
        }

        MqttMessage message(MqttVersion version) {
            MqttMessageBuilders.ConnectBuilder builder = MqttMessageBuilders.connect()
                    .protocolVersion(version).clientId(clientId).cleanSession(clean).keepAlive(keepAlive);
            if (version == MqttVersion.MQTT_5) {
                builder.properties(properties(props));
                if (will != null) {
                    builder.willProperties(new MqttProperties());
                }
            }
            if (username != null) {
                builder.hasUser(true).username(username);
            }
            // Netty's encoder will not write a 3.1.1 password without user name (MQTT-3.1.2-22); ConnectFlags does
            if (password != null && (username != null || version == MqttVersion.MQTT_5)) {
                builder.hasPassword(true).password(password.getBytes(StandardCharsets.UTF_8));
            }
            if (will != null) {
                builder.willFlag(true).willTopic(will.topic()).willQoS(MqttQoS.valueOf(will.qos()))
                        .willRetain(will.retain()).willMessage(new byte[will.payloadBytes()]);
            }
            return builder.build();
        }
    }

    record Publish(String topic, int qos, int packetId, boolean retain, int payloadBytes, List<Prop> props)
            implements Packet {
        Publish withTopic(String other) {
            return new Publish(other, qos, packetId, retain, payloadBytes, props);
        }

        @Override
        public MqttMessage message() {
            return MqttMessageBuilders.publish().topicName(topic).qos(MqttQoS.valueOf(qos))
                    .messageId(qos == 0 ? 0 : packetId).retained(retain).properties(properties(props))
                    .payload(Unpooled.wrappedBuffer(new byte[payloadBytes])).build();
        }
    }

    record Filter(String filter, int qos, boolean noLocal, boolean retainAsPublished, int retainHandling) {
    }

    record Subscribe(int packetId, List<Filter> filters, List<Prop> props) implements Packet {
        @Override
        public MqttMessage message() {
            // not MqttMessageBuilders.subscribe(): it cannot build one without filters
            List<MqttTopicSubscription> subscriptions = new ArrayList<>();
            for (Filter f : filters) {
                subscriptions.add(new MqttTopicSubscription(f.filter(), new MqttSubscriptionOption(
                        MqttQoS.valueOf(f.qos()), f.noLocal(), f.retainAsPublished(),
                        MqttSubscriptionOption.RetainedHandlingPolicy.valueOf(f.retainHandling()))));
            }
            return new MqttSubscribeMessage(
                    new MqttFixedHeader(MqttMessageType.SUBSCRIBE, false, MqttQoS.AT_LEAST_ONCE, false, 0),
                    new MqttMessageIdAndPropertiesVariableHeader(packetId, properties(props)),
                    new MqttSubscribePayload(subscriptions));
        }
    }

    record Unsubscribe(int packetId, List<String> filters) implements Packet {
        @Override
        public MqttMessage message() {
            // not MqttMessageBuilders.unsubscribe(): it cannot build one without filters
            return new MqttUnsubscribeMessage(
                    new MqttFixedHeader(MqttMessageType.UNSUBSCRIBE, false, MqttQoS.AT_LEAST_ONCE, false, 0),
                    new MqttMessageIdAndPropertiesVariableHeader(packetId, MqttProperties.NO_PROPERTIES),
                    new MqttUnsubscribePayload(filters));
        }
    }

    /** PUBACK, PUBREC, PUBREL or PUBCOMP from the client. */
    record Ack(MqttMessageType type, int packetId, int reasonCode) implements Packet {
        @Override
        public MqttMessage message() {
            MqttQoS qos = type == MqttMessageType.PUBREL ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE;
            return new MqttMessage(new MqttFixedHeader(type, false, qos, false, 0),
                    new MqttPubReplyMessageVariableHeader(packetId, (byte) reasonCode, MqttProperties.NO_PROPERTIES));
        }
    }

    record PingReq() implements Packet {
        @Override
        public MqttMessage message() {
            return new MqttMessage(new MqttFixedHeader(MqttMessageType.PINGREQ, false, MqttQoS.AT_MOST_ONCE, false, 0));
        }
    }

    record Disconnect(int reasonCode, List<Prop> props) implements Packet {
        @Override
        public MqttMessage message() {
            return MqttMessageBuilders.disconnect().reasonCode((byte) reasonCode).properties(properties(props)).build();
        }
    }

    /** A packet only a server may send (CONNACK, SUBACK, PINGRESP) or AUTH, which this edge never asked for. */
    record NotForAServer(MqttMessageType type) implements Packet {
        @Override
        public MqttMessage message() {
            return switch (type) {
                case CONNACK -> MqttMessageBuilders.connAck()
                        .returnCode(io.netty.handler.codec.mqtt.MqttConnectReturnCode.CONNECTION_ACCEPTED).build();
                case SUBACK -> new MqttSubAckMessage(
                        new MqttFixedHeader(MqttMessageType.SUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                        new MqttMessageIdAndPropertiesVariableHeader(1, MqttProperties.NO_PROPERTIES),
                        new MqttSubAckPayload(0));
                case AUTH -> MqttMessageBuilders.auth().reasonCode((byte) 0x18).build();
                default -> new MqttMessage(new MqttFixedHeader(type, false, MqttQoS.AT_MOST_ONCE, false, 0));
            };
        }
    }

    private ClientPackets() {
    }

    /**
     * A CONNECT followed by what a client sends on an accepted connection, each packet's bytes, in {@code version}
     * (Netty's encoder takes it from the CONNECT it encodes first).
     */
    static List<byte[]> encode(MqttVersion version, Connect connect, List<Packet> rest) {
        EmbeddedChannel client = new EmbeddedChannel(MqttEncoder.INSTANCE);
        try {
            List<byte[]> packets = new ArrayList<>();
            packets.add(encodeConnect(client, connect, version));
            for (Packet packet : rest) {
                if (packet instanceof Connect again) {
                    packets.add(encodeConnect(client, again, version));
                } else if (packet instanceof Publish publish && hasWildcard(publish.topic())) {
                    packets.add(withWildcardTopic(encodeOne(client, publish.withTopic(standIn(publish.topic()))
                            .message()), publish.topic()));
                } else {
                    packets.add(encodeOne(client, packet.message()));
                }
            }
            return packets;
        } finally {
            client.finishAndReleaseAll();
        }
    }

    private static byte[] encodeConnect(EmbeddedChannel client, Connect connect, MqttVersion version) {
        Will will = connect.will();
        if (will == null || !hasWildcard(will.topic())) {
            return encodeOne(client, connect.message(version));
        }
        Connect standIn = new Connect(connect.clientId(), connect.username(), connect.password(), connect.keepAlive(),
                connect.clean(), new Will(standIn(will.topic()), will.qos(), will.retain(), will.payloadBytes()),
                connect.props());
        byte[] packet = encodeOne(client, standIn.message(version));
        int clientId = PacketLayout.firstString(packet, version == MqttVersion.MQTT_5).getAsInt();
        int willTopic = clientId + 2 + connect.clientId().getBytes(StandardCharsets.UTF_8).length
                + (version == MqttVersion.MQTT_5 ? 1 : 0) + 2; // 5.0: the (empty) will properties come first
        byte[] bytes = will.topic().getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, packet, willTopic, bytes.length);
        return packet;
    }

    private static byte[] encodeOne(EmbeddedChannel client, MqttMessage message) {
        client.writeOutbound(message);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteBuf out;
        while ((out = client.readOutbound()) != null) {
            byte[] chunk = new byte[out.readableBytes()];
            out.readBytes(chunk);
            out.release();
            bytes.writeBytes(chunk);
        }
        return bytes.toByteArray();
    }

    /**
     * Netty's encoder refuses wildcards and U+0000 in a PUBLISH or will topic; a client's bytes can have them, so they are put
     * in after encoding a stand-in of the same length.
     */
    private static boolean hasWildcard(String topic) {
        return topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0 || topic.indexOf('\u0000') >= 0;
    }

    private static String standIn(String topic) {
        return topic.replace('+', 'x').replace('#', 'x').replace('\u0000', 'x');
    }

    private static byte[] withWildcardTopic(byte[] packet, String topic) {
        byte[] bytes = topic.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, packet, PacketLayout.headerLength(packet) + 2, bytes.length);
        return packet;
    }

    static MqttProperties properties(List<Prop> props) {
        MqttProperties properties = new MqttProperties();
        for (Prop p : props) {
            Object value = p.value();
            if (value instanceof Integer i) {
                properties.add(new MqttProperties.IntegerProperty(p.id(), i));
            } else if (value instanceof String s) {
                properties.add(new MqttProperties.StringProperty(p.id(), s));
            } else if (value instanceof byte[] b) {
                properties.add(new MqttProperties.BinaryProperty(p.id(), b));
            } else if (value instanceof String[] pair) {
                properties.add(new MqttProperties.UserProperty(pair[0], pair[1]));
            } else {
                throw new IllegalArgumentException("no MQTT property value: " + p);
            }
        }
        return properties;
    }

    // ---- generators ----

    static Arbitrary<MqttVersion> versions() {
        return Arbitraries.of(MqttVersion.MQTT_3_1_1, MqttVersion.MQTT_5);
    }

    /** Mostly CONNECTs the edge accepts (client id = user name, a password), some it must or may refuse. */
    static Arbitrary<Connect> connects() {
        Arbitrary<String> clientIds = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.integers().between(1, 999).map(i -> "dev" + i)),
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of("dév-ü€", "😀", "a b", "x".repeat(200))));
        Arbitrary<Will> wills = Combinators.combine(topics(), Arbitraries.integers().between(0, 2),
                Arbitraries.of(true, false), Arbitraries.integers().between(0, 64)).as(Will::new).injectNull(0.7);
        return Combinators.combine(clientIds, Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 20),
                Arbitraries.of(0, 0, 5, 60, 65535), Arbitraries.of(true, false), wills, props(connectProps()))
                .as((id, userChoice, passwordChoice, keepAlive, clean, will, props) -> new Connect(id,
                        userChoice == 0 ? null : userChoice == 1 ? "other" : id,
                        passwordChoice == 0 ? null : "pw", keepAlive, clean, will, props));
    }

    /** What a client sends after its CONNECT, valid except where the spec leaves it to the server to refuse. */
    static Arbitrary<Packet> sessionPackets() {
        Arbitrary<Integer> ids = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(1, 5)),
                Tuple.of(1, Arbitraries.integers().between(1, 65535)));
        Arbitrary<Packet> publish = Combinators.combine(topics(), Arbitraries.integers().between(0, 2), ids,
                Arbitraries.of(true, false),
                Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.integers().between(0, 64)),
                        Tuple.of(1, Arbitraries.integers().between(FuzzedEdge.MAX_PACKET_SIZE - 40,
                                FuzzedEdge.MAX_PACKET_SIZE + 40))),
                props(publishProps())).as(Publish::new);
        Arbitrary<Filter> filter = Combinators.combine(filters(), Arbitraries.integers().between(0, 2),
                Arbitraries.of(false, false, true), Arbitraries.of(false, true), Arbitraries.integers().between(0, 2))
                .as(Filter::new);
        Arbitrary<Packet> subscribe = Combinators.combine(ids,
                filter.list().ofMinSize(0).ofMaxSize(4).edgeCases(c -> c.add(List.of())), props(subscribeProps()))
                .as(Subscribe::new);
        Arbitrary<Packet> unsubscribe = Combinators.combine(ids, filters().list().ofMinSize(0).ofMaxSize(3))
                .as(Unsubscribe::new);
        Arbitrary<Packet> ack = Combinators.combine(Arbitraries.of(MqttMessageType.PUBACK, MqttMessageType.PUBREC,
                MqttMessageType.PUBREL, MqttMessageType.PUBCOMP), ids, Arbitraries.of(0, 0, 0x10, 0x80, 0x92))
                .as(Ack::new);
        Arbitrary<Packet> disconnect = Combinators.combine(Arbitraries.of(0, 0, 4, 0x80, 0x81),
                props(disconnectProps())).as(Disconnect::new);
        Arbitrary<Packet> notForAServer = Arbitraries.of(MqttMessageType.CONNACK, MqttMessageType.SUBACK,
                MqttMessageType.PINGRESP, MqttMessageType.AUTH).map(NotForAServer::new);
        return Arbitraries.frequencyOf(
                Tuple.of(10, publish),
                Tuple.of(4, subscribe),
                Tuple.of(2, unsubscribe),
                Tuple.of(3, ack),
                Tuple.of(2, Arbitraries.just(new PingReq())),
                Tuple.of(1, disconnect),
                Tuple.of(1, notForAServer),
                Tuple.of(1, connects().map(c -> (Packet) c)));
    }

    static Arbitrary<String> topics() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of("devices/dev1/temp", "a", "a/b/c", "/", "a//b", "$SYS/x",
                        "ü/€/😀", "x".repeat(300))),
                Tuple.of(1, Arbitraries.of("", "a/+", "#", "a/#", "+")),
                Tuple.of(1, Arbitraries.strings().ofMinLength(1).ofMaxLength(12)));
    }

    static Arbitrary<String> filters() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of("a/+", "#", "a/#", "+/+", "devices/dev1/temp",
                        "$share/g/a/#", "$share/g/+", "$SYS/#")),
                Tuple.of(1, Arbitraries.of("", "a/#/b", "a+", "$share/", "$share//a", "$share/g")),
                Tuple.of(1, Arbitraries.strings().ofMinLength(1).ofMaxLength(12)));
    }

    private static Arbitrary<List<Prop>> props(Arbitrary<Prop> prop) {
        return prop.list().ofMaxSize(3);
    }

    private static Arbitrary<Prop> connectProps() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(0, 60, -1).map(v -> new Prop(MqttProperties.SESSION_EXPIRY_INTERVAL, v))),
                Tuple.of(2, Arbitraries.of(0, 1, 10, 65535).map(v -> new Prop(MqttProperties.RECEIVE_MAXIMUM, v))),
                Tuple.of(2, Arbitraries.of(0, 20, 128, 65536).map(v -> new Prop(MqttProperties.MAXIMUM_PACKET_SIZE, v))),
                Tuple.of(1, Arbitraries.of(0, 10).map(v -> new Prop(MqttProperties.TOPIC_ALIAS_MAXIMUM, v))),
                Tuple.of(1, Arbitraries.of(0, 1, 2).map(v -> new Prop(MqttProperties.REQUEST_PROBLEM_INFORMATION, v))),
                Tuple.of(1, Arbitraries.of(0, 1, 2).map(v -> new Prop(MqttProperties.REQUEST_RESPONSE_INFORMATION, v))),
                Tuple.of(1, Arbitraries.of("SCRAM-SHA-1").map(v -> new Prop(MqttProperties.AUTHENTICATION_METHOD, v))),
                Tuple.of(1, Arbitraries.just(new Prop(MqttProperties.AUTHENTICATION_DATA, new byte[] {1, 2}))),
                Tuple.of(2, userProperty()));
    }

    private static Arbitrary<Prop> publishProps() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(0, 1).map(v -> new Prop(MqttProperties.PAYLOAD_FORMAT_INDICATOR, v))),
                Tuple.of(2, Arbitraries.of(0, 60).map(v -> new Prop(MqttProperties.PUBLICATION_EXPIRY_INTERVAL, v))),
                Tuple.of(2, Arbitraries.of("text/plain", "").map(v -> new Prop(MqttProperties.CONTENT_TYPE, v))),
                Tuple.of(2, Arbitraries.of("reply/dev1", "").map(v -> new Prop(MqttProperties.RESPONSE_TOPIC, v))),
                Tuple.of(1, Arbitraries.just(new Prop(MqttProperties.CORRELATION_DATA, new byte[] {7}))),
                Tuple.of(1, Arbitraries.of(0, 1).map(v -> new Prop(MqttProperties.TOPIC_ALIAS, v))),
                Tuple.of(3, userProperty()));
    }

    private static Arbitrary<Prop> subscribeProps() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(1, 268_435_455, 0).map(v -> new Prop(MqttProperties.SUBSCRIPTION_IDENTIFIER, v))),
                Tuple.of(1, userProperty()));
    }

    private static Arbitrary<Prop> disconnectProps() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(0, 30).map(v -> new Prop(MqttProperties.SESSION_EXPIRY_INTERVAL, v))),
                Tuple.of(1, Arbitraries.just(new Prop(MqttProperties.REASON_STRING, "bye"))));
    }

    private static Arbitrary<Prop> userProperty() {
        return Arbitraries.of("k", "ключ", "").map(k -> new Prop(MqttProperties.USER_PROPERTY, new String[] {k, "v"}));
    }
}

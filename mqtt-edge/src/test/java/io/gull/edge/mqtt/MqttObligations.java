package io.gull.edge.mqtt;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.gull.schemas.topic.TopicFilters;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.codec.mqtt.MqttVersion;

/**
 * What MQTT 3.1.1 and 5.0 oblige a server to do with a decoded client packet, for the fuzz properties: the CONNECTs it
 * must not accept, and for each packet of an accepted connection the reply it owes or that the connection must end
 * there (with which 5.0 reason codes). Only rules Netty's decoded form lets a server see; the edge's own policy (client
 * id = user name, a password) is in {@link #refusedByPolicy}.
 */
final class MqttObligations {

    /** What the edge owes for one packet of an accepted connection. */
    sealed interface Owed {
    }

    /** A reply the edge sends in arrival order with the other stored replies (PUBACK, PUBREC, PUBCOMP, SUBACK, UNSUBACK). */
    record Ordered(MqttMessageType type, int packetId, MqttSubscribeMessage subscribe) implements Owed {
    }

    /** A reply written at once (PINGRESP; 5.0 PUBREL 0x92 for a PUBREC nothing waits for). */
    record Immediate(MqttMessageType type, int packetId) implements Owed {
    }

    record Nothing() implements Owed {
    }

    /**
     * The connection ends at this packet: the client's DISCONNECT, or a violation, which a 5.0 connection is told with a
     * DISCONNECT carrying one of {@code reasonCodes}. {@code will}: whether the client's will is due.
     */
    record End(String why, Set<Integer> reasonCodes, boolean byClient, boolean will) implements Owed {
        static End violation(String why, Integer... codes) {
            return new End(why, Set.of(codes), false, true);
        }
    }

    private MqttObligations() {
    }

    static MqttVersion version(MqttConnectMessage connect) {
        MqttConnectVariableHeader header = connect.variableHeader();
        return MqttVersion.fromProtocolNameAndLevel(header.name(), (byte) header.version());
    }

    /** Why the spec forbids a server to accept this (decodable) CONNECT, or empty. */
    static Optional<String> connectProblem(MqttConnectMessage connect) {
        MqttConnectVariableHeader header = connect.variableHeader();
        MqttVersion version = version(connect);
        if (!header.isWillFlag() && (header.willQos() != 0 || header.isWillRetain())) {
            return Optional.of("Will QoS or Will Retain set without the Will Flag (MQTT-3.1.2-11, -13)");
        }
        if (header.isWillFlag() && header.willQos() == 3) {
            return Optional.of("Will QoS 3 (MQTT-3.1.2-14; 5.0: malformed)");
        }
        if (version == MqttVersion.MQTT_3_1_1 && header.hasPassword() && !header.hasUserName()) {
            return Optional.of("Password Flag without User Name Flag (MQTT-3.1.2-22)");
        }
        if (version != MqttVersion.MQTT_5) {
            return Optional.empty();
        }
        MqttProperties props = header.properties();
        if (intProperty(props, MqttProperties.RECEIVE_MAXIMUM).filter(v -> v == 0).isPresent()) {
            return Optional.of("Receive Maximum 0 (5.0 section 3.1.2.11.3: protocol error)");
        }
        if (intProperty(props, MqttProperties.MAXIMUM_PACKET_SIZE).filter(v -> v == 0).isPresent()) {
            return Optional.of("Maximum Packet Size 0 (5.0 section 3.1.2.11.4: protocol error)");
        }
        if (intProperty(props, MqttProperties.REQUEST_RESPONSE_INFORMATION).filter(v -> v > 1).isPresent()
                || intProperty(props, MqttProperties.REQUEST_PROBLEM_INFORMATION).filter(v -> v > 1).isPresent()) {
            return Optional.of("Request Response / Problem Information other than 0 or 1 (protocol error)");
        }
        if (props.getProperty(MqttProperties.AUTHENTICATION_METHOD) != null) {
            return Optional.of("an Authentication Method this edge does not support (MQTT-4.12.0-1: close)");
        }
        if (props.getProperty(MqttProperties.AUTHENTICATION_DATA) != null) {
            return Optional.of("Authentication Data without Authentication Method (5.0 section 3.1.2.11.10)");
        }
        return Optional.empty();
    }

    /** True when the edge refuses this valid CONNECT by its own rules, whatever the auth job would say. */
    static boolean refusedByPolicy(MqttConnectMessage connect, boolean allowAnonymous) {
        MqttVersion version = version(connect);
        String clientId = connect.payload().clientIdentifier();
        byte[] password = connect.payload().passwordInBytes();
        String username = connect.payload().userName();
        boolean emptyId = clientId == null || clientId.isEmpty();
        if (version != MqttVersion.MQTT_3_1_1 && version != MqttVersion.MQTT_5) {
            return true;
        }
        if (emptyId && (version != MqttVersion.MQTT_5 || !allowAnonymous)) {
            return true;
        }
        if (password == null && !allowAnonymous) {
            return true;
        }
        if (password != null && username != null && !emptyId && !username.equals(clientId)) {
            return true;
        }
        if (password != null && username != null && emptyId) {
            return true; // the assigned id is never the user name
        }
        return connect.variableHeader().isWillFlag()
                && TopicFilters.topicNameProblem(connect.payload().willTopic()).isPresent();
    }

    /** What the edge owes for {@code message}, received on an accepted connection of {@code version}. */
    static Owed forSessionPacket(MqttMessage message, MqttVersion version, long connectSessionExpiry) {
        boolean v5 = version == MqttVersion.MQTT_5;
        if (message.decoderResult().isFailure()) {
            Throwable cause = message.decoderResult().cause();
            return cause instanceof TooLongFrameException
                    ? End.violation("packet too large: " + cause.getMessage(), 0x95)
                    : End.violation("malformed: " + cause.getMessage(), 0x81, 0x82, 0x90);
        }
        return switch (message.fixedHeader().messageType()) {
            case PUBLISH -> forPublish((MqttPublishMessage) message);
            case PUBREL -> new Ordered(MqttMessageType.PUBCOMP, packetId(message), null);
            case PUBACK, PUBCOMP -> new Nothing();
            case PUBREC -> v5 ? new Immediate(MqttMessageType.PUBREL, packetId(message)) : new Nothing();
            case SUBSCRIBE -> forSubscribe((MqttSubscribeMessage) message, v5);
            case UNSUBSCRIBE -> ((MqttUnsubscribeMessage) message).payload().topics().isEmpty()
                    ? End.violation("UNSUBSCRIBE without filters (MQTT-3.10.3-2)", 0x82)
                    : new Ordered(MqttMessageType.UNSUBACK, ((MqttUnsubscribeMessage) message)
                            .idAndPropertiesVariableHeader().messageId(), null);
            case PINGREQ -> new Immediate(MqttMessageType.PINGRESP, -1);
            case DISCONNECT -> forDisconnect(message, v5, connectSessionExpiry);
            case CONNECT -> End.violation("second CONNECT (MQTT-3.1.0-2)", 0x82);
            default -> End.violation(message.fixedHeader().messageType() + " from a client", 0x82);
        };
    }

    private static Owed forPublish(MqttPublishMessage publish) {
        MqttProperties props = publish.variableHeader().properties();
        String topic = publish.variableHeader().topicName();
        if (props.getProperty(MqttProperties.TOPIC_ALIAS) != null) {
            return End.violation("Topic Alias, but the edge's Topic Alias Maximum is 0 (MQTT-3.3.2-9)", 0x94);
        }
        if (props.getProperty(MqttProperties.SUBSCRIPTION_IDENTIFIER) != null) {
            return End.violation("Subscription Identifier in a client's PUBLISH (MQTT-3.3.4-6)", 0x82);
        }
        if (topic == null || topic.isEmpty()) {
            return End.violation("empty topic name without alias (MQTT-4.7.3-1)", 0x82);
        }
        if (TopicFilters.topicNameProblem(topic).isPresent()) {
            return End.violation("invalid topic name", 0x90);
        }
        return switch (publish.fixedHeader().qosLevel()) {
            case AT_LEAST_ONCE -> new Ordered(MqttMessageType.PUBACK, publish.variableHeader().packetId(), null);
            case EXACTLY_ONCE -> new Ordered(MqttMessageType.PUBREC, publish.variableHeader().packetId(), null);
            default -> new Nothing();
        };
    }

    private static Owed forSubscribe(MqttSubscribeMessage subscribe, boolean v5) {
        List<MqttTopicSubscription> filters = subscribe.payload().topicSubscriptions();
        if (filters.isEmpty()) {
            return End.violation("SUBSCRIBE without filters (MQTT-3.8.3-3)", 0x82);
        }
        MqttProperties.MqttProperty<?> id = subscribe.idAndPropertiesVariableHeader().properties()
                .getProperty(MqttProperties.SUBSCRIPTION_IDENTIFIER);
        if (id != null && (Integer) id.value() == 0) {
            return End.violation("Subscription Identifier 0", 0x82);
        }
        for (MqttTopicSubscription s : filters) {
            if (s.option().isNoLocal() && s.topicFilter().startsWith(TopicFilters.SHARE_PREFIX)) {
                return End.violation("No Local on a shared subscription (MQTT-3.8.3-4)", 0x82);
            }
            if (!v5 && (s.option().isNoLocal() || s.option().isRetainAsPublished()
                    || s.option().retainHandling().value() != 0)) {
                return End.violation("3.1.1 SUBSCRIBE with reserved option bits set (MQTT-3.8.3-4)");
            }
        }
        return new Ordered(MqttMessageType.SUBACK, subscribe.idAndPropertiesVariableHeader().messageId(), subscribe);
    }

    private static Owed forDisconnect(MqttMessage disconnect, boolean v5, long connectSessionExpiry) {
        if (!v5) {
            return disconnect.fixedHeader().remainingLength() == 0
                    ? new End("client DISCONNECT", Set.of(), true, false)
                    : End.violation("3.1.1 DISCONNECT with a variable header (3.14: it has none)");
        }
        byte reason = 0;
        Long expiry = null;
        if (disconnect.variableHeader() instanceof MqttReasonCodeAndPropertiesVariableHeader header) {
            reason = header.reasonCode();
            MqttProperties.MqttProperty<?> property = header.properties()
                    .getProperty(MqttProperties.SESSION_EXPIRY_INTERVAL);
            expiry = property == null ? null : Integer.toUnsignedLong((Integer) property.value());
        }
        if (expiry != null && expiry != 0 && connectSessionExpiry == 0) {
            return End.violation("DISCONNECT sets a Session Expiry Interval after CONNECT had 0 (MQTT-3.14.2-2)", 0x82);
        }
        return new End("client DISCONNECT", Set.of(), true, reason != 0);
    }

    /** The session expiry a CONNECT asked for, as the edge reads it (5.0 property, else by Clean Session). */
    static long sessionExpiry(MqttConnectMessage connect) {
        if (version(connect) != MqttVersion.MQTT_5) {
            return connect.variableHeader().isCleanSession() ? 0 : ConnectOptions.NEVER;
        }
        return intProperty(connect.variableHeader().properties(), MqttProperties.SESSION_EXPIRY_INTERVAL)
                .map(Integer::toUnsignedLong).orElse(0L);
    }

    private static int packetId(MqttMessage message) {
        return ((MqttMessageIdVariableHeader) message.variableHeader()).messageId();
    }

    private static Optional<Integer> intProperty(MqttProperties props, int id) {
        MqttProperties.MqttProperty<?> property = props == null ? null : props.getProperty(id);
        return property == null ? Optional.empty() : Optional.of((Integer) property.value());
    }
}

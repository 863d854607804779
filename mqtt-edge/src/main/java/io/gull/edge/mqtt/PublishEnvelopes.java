package io.gull.edge.mqtt;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import io.gull.schemas.avro.Publish;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;

/**
 * Turns a received PUBLISH into the {@code Publish} envelope of {@code gull.ingress}. One instance per connection:
 * the message id is the connection id and a counter.
 */
final class PublishEnvelopes {
    private final String edgeId;
    private final Clock clock;
    /** Per connection: messageId = connectionId:counter, unique without a UUID per message. */
    private long counter;

    PublishEnvelopes(String edgeId, Clock clock) {
        this.edgeId = edgeId;
        this.clock = clock;
    }

    /** Copies the payload; the caller still owns (and releases) {@code message}. */
    Publish envelope(MqttPublishMessage message, ClientSession session) {
        return Publish.newBuilder()
                .setMessageId(session.connectionId() + ":" + (++counter))
                .setEdgeId(edgeId)
                .setClientId(session.clientId())
                .setTenant(session.tenant())
                .setTopic(message.variableHeader().topicName())
                .setPayload(ByteBuffer.wrap(ByteBufUtil.getBytes(message.payload())))
                .setQos(message.fixedHeader().qosLevel().value())
                .setRetain(message.fixedHeader().isRetain())
                .setProperties(properties(message.variableHeader().properties()))
                .setReceivedAt(clock.instant())
                .setPacketId(message.fixedHeader().qosLevel().value() > 0 ? message.variableHeader().packetId() : 0)
                .setDup(message.fixedHeader().isDup())
                .setConnectionId(session.connectionId())
                .build();
    }

    /**
     * MQTT 5 properties of a PUBLISH as the envelope's string map: user properties under their own name
     * (the last wins when a name repeats), the others under {@code mqtt.<name>}.
     */
    static Map<String, String> properties(MqttProperties properties) {
        Map<String, String> out = new HashMap<>();
        if (properties == null || properties.isEmpty()) {
            return out;
        }
        for (MqttProperties.MqttProperty<?> property : properties.listAll()) {
            Object value = property.value();
            if (property instanceof MqttProperties.UserProperties users) {
                users.value().forEach(pair -> out.put(pair.key, pair.value));
            } else if (property instanceof MqttProperties.UserProperty user) {
                out.put(user.value().key, user.value().value);
            } else {
                String name = switch (property.propertyId()) {
                    case MqttProperties.CONTENT_TYPE -> "mqtt.contentType";
                    case MqttProperties.RESPONSE_TOPIC -> "mqtt.responseTopic";
                    case MqttProperties.CORRELATION_DATA -> "mqtt.correlationData";
                    case MqttProperties.PAYLOAD_FORMAT_INDICATOR -> "mqtt.payloadFormatIndicator";
                    case MqttProperties.PUBLICATION_EXPIRY_INTERVAL -> "mqtt.messageExpiryInterval";
                    default -> null; // topic alias, subscription identifiers: not message data
                };
                if (name != null && value != null) {
                    out.put(name, value instanceof byte[] bytes
                            ? Base64.getEncoder().encodeToString(bytes) : value.toString());
                }
            }
        }
        return out;
    }
}

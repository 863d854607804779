package io.gull.edge.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.gull.schemas.avro.Delivery;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;

/**
 * The PUBLISH packet of a {@code Delivery}: QoS, packet id, DUP, RETAIN, topic, payload; for 5.0 connections the
 * properties (the inverse of {@link PublishEnvelopes#properties}) and one Subscription Identifier per matching
 * subscription (MQTT-3.3.4-3); 3.1.1 has no properties.
 */
final class DeliveryPackets {

    private DeliveryPackets() {
    }

    static MqttPublishMessage publish(Delivery delivery, boolean v5) {
        MqttQoS qos = MqttQoS.valueOf(Math.max(0, Math.min(2, delivery.getQos())));
        int packetId = qos == MqttQoS.AT_MOST_ONCE ? -1 : delivery.getPacketId();
        MqttFixedHeader header = new MqttFixedHeader(MqttMessageType.PUBLISH,
                qos != MqttQoS.AT_MOST_ONCE && delivery.getDup(), qos, delivery.getRetain(), 0);
        MqttProperties properties = v5 ? properties(delivery) : MqttProperties.NO_PROPERTIES;
        return new MqttPublishMessage(header,
                new MqttPublishVariableHeader(delivery.getTopic(), packetId, properties),
                Unpooled.wrappedBuffer(delivery.getPayload().duplicate()));
    }

    /**
     * The exact encoded size of the PUBLISH {@link #publish} builds (fixed header included), to compare with the
     * client's Maximum Packet Size.
     */
    static long size(MqttPublishMessage publish) {
        long remaining = 2L + utf8(publish.variableHeader().topicName())
                + (publish.fixedHeader().qosLevel() == MqttQoS.AT_MOST_ONCE ? 0 : 2)
                + publish.payload().readableBytes();
        MqttProperties properties = publish.variableHeader().properties();
        if (properties != MqttProperties.NO_PROPERTIES) {
            long length = propertiesLength(properties);
            remaining += varIntSize(length) + length;
        }
        return 1 + varIntSize(remaining) + remaining;
    }

    private static long propertiesLength(MqttProperties properties) {
        long length = 0;
        for (MqttProperties.MqttProperty<?> property : properties.listAll()) {
            if (property instanceof MqttProperties.UserProperties users) {
                for (MqttProperties.StringPair pair : users.value()) {
                    length += 1 + 2 + utf8(pair.key) + 2 + utf8(pair.value);
                }
                continue;
            }
            length += 1;
            Object value = property.value();
            if (property.propertyId() == MqttProperties.SUBSCRIPTION_IDENTIFIER) {
                length += varIntSize((Integer) value);
            } else if (property.propertyId() == MqttProperties.PAYLOAD_FORMAT_INDICATOR) {
                length += 1;
            } else if (value instanceof Integer) {
                length += 4; // Message Expiry Interval
            } else if (value instanceof String text) {
                length += 2 + utf8(text);
            } else if (value instanceof byte[] bytes) {
                length += 2 + bytes.length;
            }
        }
        return length;
    }

    private static int varIntSize(long value) {
        return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    static MqttProperties properties(Delivery delivery) {
        MqttProperties out = new MqttProperties();
        MqttProperties.UserProperties users = new MqttProperties.UserProperties();
        for (Map.Entry<String, String> e : delivery.getProperties().entrySet()) {
            String value = e.getValue();
            switch (e.getKey()) {
                case "mqtt.contentType" -> out.add(new MqttProperties.StringProperty(MqttProperties.CONTENT_TYPE, value));
                case "mqtt.responseTopic" ->
                        out.add(new MqttProperties.StringProperty(MqttProperties.RESPONSE_TOPIC, value));
                case "mqtt.correlationData" -> out.add(new MqttProperties.BinaryProperty(
                        MqttProperties.CORRELATION_DATA, decodeBase64(value)));
                case "mqtt.payloadFormatIndicator" -> integer(out, MqttProperties.PAYLOAD_FORMAT_INDICATOR, value);
                case "mqtt.messageExpiryInterval" -> integer(out, MqttProperties.PUBLICATION_EXPIRY_INTERVAL, value);
                default -> {
                    if (!e.getKey().startsWith("mqtt.")) {
                        users.add(e.getKey(), value);
                    }
                }
            }
        }
        if (!users.value().isEmpty()) {
            out.add(users);
        }
        for (Integer id : delivery.getSubscriptionIds()) {
            out.add(new MqttProperties.IntegerProperty(MqttProperties.SUBSCRIPTION_IDENTIFIER, id));
        }
        return out;
    }

    private static void integer(MqttProperties out, int id, String value) {
        try {
            out.add(new MqttProperties.IntegerProperty(id, (int) Long.parseLong(value)));
        } catch (NumberFormatException e) {
            // not a number: the publisher's edge wrote it, so this cannot happen; leave the property out
        }
    }

    private static byte[] decodeBase64(String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }
}

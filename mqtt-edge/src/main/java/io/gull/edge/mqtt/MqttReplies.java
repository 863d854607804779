package io.gull.edge.mqtt;

import java.util.List;

import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import io.netty.handler.codec.mqtt.MqttUnsubAckPayload;

/**
 * The acknowledgement packets of MQTT (sections 3.4-3.7, 3.9, 3.11). Reason codes are written only for 5.0
 * connections (the encoder knows the connection's version); 3.1.1 gets the bare packet.
 */
final class MqttReplies {

    private MqttReplies() {
    }

    static MqttMessage pubAck(int packetId, byte reasonCode) {
        return pubReply(MqttMessageType.PUBACK, MqttQoS.AT_MOST_ONCE, packetId, reasonCode);
    }

    static MqttMessage pubRec(int packetId, byte reasonCode) {
        return pubReply(MqttMessageType.PUBREC, MqttQoS.AT_MOST_ONCE, packetId, reasonCode);
    }

    /** PUBREL has the fixed-header flags 0010 (MQTT-3.6.1-1). */
    static MqttMessage pubRel(int packetId, byte reasonCode) {
        return pubReply(MqttMessageType.PUBREL, MqttQoS.AT_LEAST_ONCE, packetId, reasonCode);
    }

    static MqttMessage pubComp(int packetId, byte reasonCode) {
        return pubReply(MqttMessageType.PUBCOMP, MqttQoS.AT_MOST_ONCE, packetId, reasonCode);
    }

    /** SUBACK with one return / reason code per filter, in the order of the SUBSCRIBE (MQTT-3.8.4-6). */
    static MqttSubAckMessage subAck(int packetId, List<Integer> codes) {
        return new MqttSubAckMessage(
                new MqttFixedHeader(MqttMessageType.SUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                new MqttMessageIdAndPropertiesVariableHeader(packetId, MqttProperties.NO_PROPERTIES),
                new MqttSubAckPayload(codes));
    }

    /** UNSUBACK; the reason codes are sent to 5.0 clients only (3.1.1 UNSUBACK has no payload). */
    static MqttUnsubAckMessage unsubAck(int packetId, List<Short> codes, boolean v5) {
        return new MqttUnsubAckMessage(
                new MqttFixedHeader(MqttMessageType.UNSUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                new MqttMessageIdAndPropertiesVariableHeader(packetId, MqttProperties.NO_PROPERTIES),
                v5 ? new MqttUnsubAckPayload(codes) : null);
    }

    static int packetId(MqttMessage message) {
        return ((MqttMessageIdVariableHeader) message.variableHeader()).messageId();
    }

    /** The reason code of a 5.0 PUBACK/PUBREC/PUBREL/PUBCOMP, 0 when absent (and always for 3.1.1). */
    static byte reasonCode(MqttMessage message) {
        return message.variableHeader() instanceof MqttPubReplyMessageVariableHeader reply ? reply.reasonCode() : 0;
    }

    private static MqttMessage pubReply(MqttMessageType type, MqttQoS qos, int packetId, byte reasonCode) {
        return new MqttMessage(new MqttFixedHeader(type, false, qos, false, 0),
                new MqttPubReplyMessageVariableHeader(packetId, reasonCode, MqttProperties.NO_PROPERTIES));
    }
}

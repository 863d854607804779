package io.gull.edge.mqtt;

import static io.gull.edge.mqtt.EmbeddedMqtt.connected;
import static io.gull.edge.mqtt.EmbeddedMqtt.publish;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.gull.schemas.avro.Publish;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;

class InboundQos2Test {

    private static MqttMessage pubRel(int packetId) {
        return new MqttMessage(new MqttFixedHeader(MqttMessageType.PUBREL, false, MqttQoS.AT_LEAST_ONCE, false, 0),
                MqttMessageIdVariableHeader.from(packetId));
    }

    private static MqttPublishMessage dupPublish(int packetId) {
        return new MqttPublishMessage(new MqttFixedHeader(MqttMessageType.PUBLISH, true, MqttQoS.EXACTLY_ONCE, false,
                0), new MqttPublishVariableHeader("a", packetId), Unpooled.copiedBuffer(new byte[] {'1'}));
    }

    private static MqttMessage single(List<MqttMessage> received, MqttMessageType type, int packetId) {
        MqttMessage message = ConnectHandlerTest.single(received);
        assertThat(message.fixedHeader().messageType()).isEqualTo(type);
        assertThat(MqttReplies.packetId(message)).isEqualTo(packetId);
        return message;
    }

    private static byte reason(MqttMessage message) {
        return message.variableHeader() instanceof MqttPubReplyMessageVariableHeader h ? h.reasonCode() : 0;
    }

    @Test
    void shouldStoreQos2InKafkaThenPubrecThenPubcompOnPubrel() {
        // given a 5.0 connection
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);

        // when it publishes QoS 2
        mqtt.send(publish("a", MqttQoS.EXACTLY_ONCE, 3, "1"));

        // then the envelope goes to Kafka with qos 2, and PUBREC only after Kafka stored it
        Publish envelope = mqtt.ingress.sends.get(0).envelope();
        assertThat(envelope.getQos()).isEqualTo(2);
        assertThat(envelope.getPacketId()).isEqualTo(3);
        assertThat(mqtt.received()).isEmpty();
        mqtt.ingress.sends.get(0).stored().complete(null);
        single(mqtt.received(), MqttMessageType.PUBREC, 3);
        mqtt.send(pubRel(3));
        assertThat(reason(single(mqtt.received(), MqttMessageType.PUBCOMP, 3))).isZero();
    }

    @Test
    void shouldAnswerAResentQos2PublishWithPubrecWithoutStoringItTwice() {
        // given a QoS 2 PUBLISH stored and PUBRECed, not yet released
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);
        mqtt.send(publish("a", MqttQoS.EXACTLY_ONCE, 3, "1"));
        mqtt.ingress.sends.get(0).stored().complete(null);
        single(mqtt.received(), MqttMessageType.PUBREC, 3);

        // when the client resends it with DUP (it missed the PUBREC)
        mqtt.send(dupPublish(3));

        // then PUBREC again, and nothing more went to Kafka
        single(mqtt.received(), MqttMessageType.PUBREC, 3);
        assertThat(mqtt.ingress.sends).hasSize(1);
    }

    @Test
    void shouldStoreTheSamePacketIdAgainOnceItWasReleased() {
        // given a QoS 2 flow completed with PUBREL / PUBCOMP
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);
        mqtt.send(publish("a", MqttQoS.EXACTLY_ONCE, 3, "1"));
        mqtt.ingress.sends.get(0).stored().complete(null);
        mqtt.send(pubRel(3));
        mqtt.received();

        // when the client reuses packet id 3 for a new message
        mqtt.send(publish("a", MqttQoS.EXACTLY_ONCE, 3, "2"));

        // then it is a new message
        assertThat(mqtt.ingress.sends).hasSize(2);
    }

    @Test
    void shouldAnswerPubrelForAnUnknownPacketIdWithPubcomp0x92OnMqtt5() {
        // given a 5.0 connection
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);

        // when the client releases a packet id the edge does not know
        mqtt.send(pubRel(42));

        // then PUBCOMP 0x92 (packet identifier not found), and the connection stays
        assertThat(reason(single(mqtt.received(), MqttMessageType.PUBCOMP, 42))).isEqualTo((byte) 0x92);
        assertThat(mqtt.server.isActive()).isTrue();
    }

    @Test
    void shouldAnswerPubrelForAnUnknownPacketIdWithPubcompOnMqtt311() {
        // given a 3.1.1 connection
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);

        // when the client releases a packet id the edge does not know
        mqtt.send(pubRel(42));

        // then a plain PUBCOMP (3.1.1 has no reason codes; MQTT-4.3.3 the receiver answers PUBREL with PUBCOMP)
        single(mqtt.received(), MqttMessageType.PUBCOMP, 42);
    }

    @Test
    void shouldTreatPacketIdsAwaitingReleaseInTheResumedSessionAsStored() {
        // given a resumed session whose packet 8 was stored on an earlier connection
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5, d -> d.setSessionPresent(true)
                .setAwaitingRelease(List.of(8)));

        // when the client resends packet 8 and then releases it
        mqtt.send(dupPublish(8));
        single(mqtt.received(), MqttMessageType.PUBREC, 8);
        mqtt.send(pubRel(8));

        // then it was not stored again and the PUBREL is known
        assertThat(mqtt.ingress.sends).isEmpty();
        assertThat(reason(single(mqtt.received(), MqttMessageType.PUBCOMP, 8))).isZero();
    }

    @Test
    void shouldGiveEnvelopesPerConnectionMessageIdsPacketIdDupAndConnectionId() {
        // given a 3.1.1 connection
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);

        // when it publishes twice, the second a QoS 1 resend with DUP
        mqtt.send(publish("a", MqttQoS.AT_MOST_ONCE, 0, "1"));
        mqtt.send(MqttMessageBuilders.publish().topicName("a").qos(MqttQoS.AT_LEAST_ONCE).messageId(5)
                .payload(Unpooled.copiedBuffer(new byte[] {'2'})).build());

        // then the message ids are the connection id and a counter
        String connectionId = mqtt.connectionId();
        assertThat(mqtt.ingress.sends).extracting(s -> s.envelope().getMessageId())
                .containsExactly(connectionId + ":1", connectionId + ":2");
        Publish second = mqtt.ingress.sends.get(1).envelope();
        assertThat(second.getPacketId()).isEqualTo(5);
        assertThat(second.getConnectionId()).isEqualTo(connectionId);
    }
}

package io.gull.edge.mqtt;

import static io.gull.edge.mqtt.ConnectHandlerTest.single;
import static io.gull.edge.mqtt.EmbeddedMqtt.connect;
import static io.gull.edge.mqtt.EmbeddedMqtt.publish;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.SessionEventType;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttVersion;

class SessionHandlerTest {

    private static EmbeddedMqtt connected(MqttVersion version, String... args) {
        EmbeddedMqtt mqtt = new EmbeddedMqtt(args);
        mqtt.send(connect(version, "dev1", "dev1", "pw"));
        mqtt.auth.last().answer(AuthOutcome.ALLOWED, "acme");
        assertThat(single(mqtt.received()).fixedHeader().messageType()).isEqualTo(MqttMessageType.CONNACK);
        return mqtt;
    }

    @Test
    void shouldPubackOnlyAfterKafkaStoredTheEnvelope() {
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1, "--edge-id=edge-9");

        mqtt.send(publish("devices/dev1/temp", MqttQoS.AT_LEAST_ONCE, 7, "21.5"));

        assertThat(mqtt.received()).as("no PUBACK before Kafka acked").isEmpty();
        Publish envelope = mqtt.ingress.sends.get(0).envelope();
        assertThat(envelope.getTopic()).isEqualTo("devices/dev1/temp");
        assertThat(StandardCharsets.UTF_8.decode(envelope.getPayload()).toString()).isEqualTo("21.5");
        assertThat(envelope.getClientId()).isEqualTo("dev1");
        assertThat(envelope.getTenant()).isEqualTo("acme");
        assertThat(envelope.getEdgeId()).isEqualTo("edge-9");
        assertThat(envelope.getQos()).isEqualTo(1);
        assertThat(envelope.getMessageId()).isNotBlank();

        mqtt.ingress.sends.get(0).stored().complete(null);

        assertThat(packetIdsOfPubacks(mqtt.received())).containsExactly(7);
    }

    @Test
    void shouldPubackInArrivalOrderWhenKafkaAcksOutOfOrder() {
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);
        mqtt.send(publish("a", MqttQoS.AT_LEAST_ONCE, 1, "1"));
        mqtt.send(publish("b", MqttQoS.AT_MOST_ONCE, 0, "2"));
        mqtt.send(publish("c", MqttQoS.AT_LEAST_ONCE, 3, "3"));

        mqtt.ingress.sends.get(2).stored().complete(null);
        assertThat(mqtt.received()).as("3 waits for 1").isEmpty();
        mqtt.ingress.sends.get(0).stored().complete(null);
        assertThat(packetIdsOfPubacks(mqtt.received())).containsExactly(1);
        mqtt.ingress.sends.get(1).stored().complete(null);

        assertThat(packetIdsOfPubacks(mqtt.received())).containsExactly(3);
    }

    @Test
    void shouldCloseWithoutPubackWhenKafkaFinallyFails() {
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);
        mqtt.send(publish("a", MqttQoS.AT_LEAST_ONCE, 1, "1"));

        mqtt.ingress.sends.get(0).stored().completeExceptionally(new TimeoutException("delivery timeout"));

        assertThat(mqtt.received()).isEmpty();
        assertThat(mqtt.server.isActive()).isFalse();
    }

    @Test
    void shouldRejectWildcardTopicWithDisconnect0x90OnMqtt5() {
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);

        mqtt.sendBytes(rawPublish("devices/+/temp", true));

        assertThat(disconnectReason(single(mqtt.received()))).isEqualTo((byte) 0x90);
        assertThat(mqtt.server.isActive()).isFalse();
        assertThat(mqtt.ingress.sends).isEmpty();
    }

    @Test
    void shouldCloseOnWildcardTopicOnMqtt311() {
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);

        mqtt.sendBytes(rawPublish("devices/#", false));

        assertThat(mqtt.received()).isEmpty();
        assertThat(mqtt.server.isActive()).isFalse();
        assertThat(mqtt.ingress.sends).isEmpty();
    }

    @Test
    void shouldRejectOversizedPacketWithDisconnect0x95OnMqtt5() {
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5, "--mqtt.max-packet-size=100");

        mqtt.send(publish("a", MqttQoS.AT_MOST_ONCE, 0, "x".repeat(200)));

        assertThat(disconnectReason(single(mqtt.received()))).isEqualTo((byte) 0x95);
        assertThat(mqtt.server.isActive()).isFalse();
    }

    @Test
    void shouldAnswerPingreqWithPingresp() {
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);

        mqtt.send(new MqttMessage(new MqttFixedHeader(MqttMessageType.PINGREQ, false, MqttQoS.AT_MOST_ONCE, false, 0)));

        assertThat(single(mqtt.received()).fixedHeader().messageType()).isEqualTo(MqttMessageType.PINGRESP);
    }

    @Test
    void shouldPutMqtt5UserPropertiesIntoTheEnvelope() {
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.UserProperty("unit", "celsius"));
        properties.add(new MqttProperties.StringProperty(
                MqttProperties.CONTENT_TYPE, "text/plain"));

        mqtt.send(MqttMessageBuilders.publish().topicName("t").qos(MqttQoS.AT_MOST_ONCE)
                .payload(Unpooled.copiedBuffer("1", StandardCharsets.UTF_8)).properties(properties).build());

        assertThat(mqtt.ingress.sends.get(0).envelope().getProperties())
                .containsEntry("unit", "celsius")
                .containsEntry("mqtt.contentType", "text/plain");
    }

    @Test
    void shouldStopReadingWhileTooManyPublishesWaitForKafka() {
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1, "--mqtt.max-inflight-per-connection=2");

        mqtt.send(publish("a", MqttQoS.AT_LEAST_ONCE, 1, "1"));
        assertThat(mqtt.server.config().isAutoRead()).isTrue();
        mqtt.send(publish("a", MqttQoS.AT_LEAST_ONCE, 2, "2"));
        assertThat(mqtt.server.config().isAutoRead()).isFalse();

        mqtt.ingress.sends.get(0).stored().complete(null);
        mqtt.ingress.sends.get(1).stored().complete(null);
        mqtt.runTasks();

        assertThat(mqtt.server.config().isAutoRead()).isTrue();
        assertThat(packetIdsOfPubacks(mqtt.received())).containsExactly(1, 2);
    }

    @Test
    void shouldCloseAfterOneAndAHalfKeepAlivesWithoutAPacket() {
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5); // keep-alive 60 s

        mqtt.server.advanceTimeBy(80, TimeUnit.SECONDS);
        mqtt.server.runScheduledPendingTasks();
        assertThat(mqtt.server.isActive()).isTrue();
        mqtt.server.advanceTimeBy(11, TimeUnit.SECONDS);
        mqtt.server.runScheduledPendingTasks();

        assertThat(disconnectReason(single(mqtt.received()))).isEqualTo((byte) 0x8D);
        assertThat(mqtt.server.isActive()).isFalse();
    }

    @Test
    void shouldReportDisconnectedWhenTheClientDisconnects() {
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);

        mqtt.send(new MqttMessage(new MqttFixedHeader(MqttMessageType.DISCONNECT, false, MqttQoS.AT_MOST_ONCE,
                false, 0)));

        assertThat(mqtt.server.isActive()).isFalse();
        assertThat(mqtt.sessionEvents.events).extracting(e -> e.getType())
                .containsExactly(SessionEventType.CONNECTED, SessionEventType.DISCONNECTED);
        assertThat(mqtt.registry.find("dev1")).isEmpty();
    }

    @Test
    void shouldKeepReadingPausedAndPubackWhatKafkaStoredWhileTheEdgeDrains() {
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);
        mqtt.send(publish("a", MqttQoS.AT_LEAST_ONCE, 1, "A"));
        mqtt.send(publish("b", MqttQoS.AT_LEAST_ONCE, 2, "B"));
        mqtt.send(publish("c", MqttQoS.AT_LEAST_ONCE, 3, "C"));

        mqtt.drain.start();
        mqtt.server.config().setAutoRead(false); // what Edge.close() does
        mqtt.ingress.sends.get(0).stored().complete(null);
        assertThat(packetIdsOfPubacks(mqtt.received())).containsExactly(1);
        assertThat(mqtt.server.config().isAutoRead()).as("a Kafka ack must not resume reading").isFalse();

        mqtt.send(publish("d", MqttQoS.AT_LEAST_ONCE, 4, "D")); // was still in the decoder's buffer
        mqtt.ingress.sends.get(3).stored().completeExceptionally(new IllegalStateException("the edge is stopping"));
        mqtt.ingress.sends.get(1).stored().complete(null);
        mqtt.ingress.sends.get(2).stored().complete(null);

        assertThat(mqtt.received()).extracting(m -> m.fixedHeader().messageType())
                .containsExactly(MqttMessageType.PUBACK, MqttMessageType.PUBACK, MqttMessageType.DISCONNECT);
        assertThat(mqtt.server.isActive()).as("closed after the PUBACKs before the failed PUBLISH").isFalse();
    }

    @Test
    void shouldPubackThePublishesBeforeAFailedOneAndThenClose() {
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);
        mqtt.send(publish("a", MqttQoS.AT_LEAST_ONCE, 1, "A"));
        mqtt.send(publish("b", MqttQoS.AT_LEAST_ONCE, 2, "B"));
        mqtt.send(publish("c", MqttQoS.AT_LEAST_ONCE, 3, "C"));

        mqtt.ingress.sends.get(1).stored().completeExceptionally(new TimeoutException("delivery timeout"));
        mqtt.runTasks();
        assertThat(mqtt.server.isActive()).as("A is not answered yet").isTrue();
        assertThat(mqtt.server.config().isAutoRead()).as("a doomed connection is not read").isFalse();
        mqtt.ingress.sends.get(2).stored().complete(null);
        mqtt.ingress.sends.get(0).stored().complete(null);

        assertThat(packetIdsOfPubacks(mqtt.received())).containsExactly(1);
        assertThat(mqtt.server.isActive()).isFalse();
    }

    @Test
    void shouldAnswerPuback0x83WhenKafkaRefusesARecordAsTooLargeOnMqtt5() {
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);
        mqtt.send(publish("a", MqttQoS.AT_LEAST_ONCE, 1, "big"));
        mqtt.send(publish("b", MqttQoS.AT_LEAST_ONCE, 2, "odd"));
        mqtt.send(publish("c", MqttQoS.AT_LEAST_ONCE, 3, "fine"));

        mqtt.ingress.sends.get(0).stored().completeExceptionally(
                new IngressRejectedException(true, new RecordTooLargeException("1100000 bytes")));
        mqtt.ingress.sends.get(1).stored().completeExceptionally(
                new IngressRejectedException(false, new org.apache.kafka.common.InvalidRecordException("bad")));
        mqtt.ingress.sends.get(2).stored().complete(null);

        List<MqttMessage> acks = mqtt.received();
        assertThat(packetIdsOfPubacks(acks)).containsExactly(1, 2, 3);
        assertThat(acks).extracting(m -> ((MqttPubReplyMessageVariableHeader) m.variableHeader()).reasonCode())
                .containsExactly((byte) 0x83, (byte) 0x80, (byte) 0x00);
        assertThat(mqtt.server.isActive()).isTrue();
    }

    @Test
    void shouldCloseWithoutPubackWhenKafkaRefusesARecordOnMqtt311() {
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);
        mqtt.send(publish("a", MqttQoS.AT_LEAST_ONCE, 1, "big"));

        mqtt.ingress.sends.get(0).stored().completeExceptionally(
                new IngressRejectedException(true, new RecordTooLargeException("1100000 bytes")));

        assertThat(mqtt.received()).isEmpty();
        assertThat(mqtt.server.isActive()).isFalse();
    }

    @Test
    void shouldStopReadingWhileTooManyBytesWaitForKafka() {
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1, "--mqtt.max-inflight-bytes-per-connection=1000");

        mqtt.send(publish("a", MqttQoS.AT_LEAST_ONCE, 1, "x".repeat(600)));
        assertThat(mqtt.server.config().isAutoRead()).isTrue();
        mqtt.send(publish("a", MqttQoS.AT_LEAST_ONCE, 2, "x".repeat(600)));
        assertThat(mqtt.server.config().isAutoRead()).as("1200 bytes in flight").isFalse();

        mqtt.ingress.sends.get(0).stored().complete(null);
        mqtt.runTasks();
        assertThat(mqtt.server.config().isAutoRead()).as("600 bytes: not below half yet").isFalse();
        mqtt.ingress.sends.get(1).stored().complete(null);
        mqtt.runTasks();

        assertThat(mqtt.server.config().isAutoRead()).isTrue();
        assertThat(packetIdsOfPubacks(mqtt.received())).containsExactly(1, 2);
    }

    @Test
    void shouldNotCountKeepAliveTimeWhileTheEdgeItselfPausedReading() {
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5, "--mqtt.max-inflight-per-connection=1"); // keep-alive 60 s
        mqtt.send(publish("a", MqttQoS.AT_LEAST_ONCE, 1, "1"));
        assertThat(mqtt.server.config().isAutoRead()).isFalse();

        mqtt.server.advanceTimeBy(100, TimeUnit.SECONDS); // Kafka is slow; the client's PINGREQs sit unread
        mqtt.server.runScheduledPendingTasks();
        assertThat(mqtt.server.isActive()).isTrue();
        mqtt.ingress.sends.get(0).stored().complete(null);
        assertThat(packetIdsOfPubacks(mqtt.received())).containsExactly(1);
        mqtt.server.advanceTimeBy(80, TimeUnit.SECONDS);
        mqtt.server.runScheduledPendingTasks();
        assertThat(mqtt.server.isActive()).as("the timer restarted when reading resumed").isTrue();
        mqtt.server.advanceTimeBy(11, TimeUnit.SECONDS);
        mqtt.server.runScheduledPendingTasks();

        assertThat(disconnectReason(single(mqtt.received()))).isEqualTo((byte) 0x8D);
    }

    @Test
    void shouldReportTheSameConnectionIdOnConnectedAndDisconnected() {
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);

        mqtt.server.close();

        assertThat(mqtt.sessionEvents.events).hasSize(2);
        String connectionId = mqtt.sessionEvents.events.get(0).getConnectionId();
        assertThat(connectionId).isNotBlank();
        assertThat(mqtt.sessionEvents.events.get(1).getConnectionId()).isEqualTo(connectionId);
        EmbeddedMqtt again = connected(MqttVersion.MQTT_3_1_1);
        assertThat(again.sessionEvents.events.get(0).getConnectionId()).isNotEqualTo(connectionId);
    }

    /** A QoS 0 PUBLISH with payload "1", encoded by hand: Netty's encoder refuses wildcard topic names. */
    private static byte[] rawPublish(String topic, boolean v5) {
        byte[] name = topic.getBytes(StandardCharsets.UTF_8);
        int remaining = 2 + name.length + (v5 ? 1 : 0) + 1;
        byte[] packet = new byte[2 + remaining];
        int i = 0;
        packet[i++] = 0x30;
        packet[i++] = (byte) remaining;
        packet[i++] = 0;
        packet[i++] = (byte) name.length;
        System.arraycopy(name, 0, packet, i, name.length);
        i += name.length;
        if (v5) {
            packet[i++] = 0; // property length
        }
        packet[i] = '1';
        return packet;
    }

    private static List<Integer> packetIdsOfPubacks(List<MqttMessage> messages) {
        assertThat(messages).allSatisfy(m -> assertThat(m.fixedHeader().messageType()).isEqualTo(MqttMessageType.PUBACK));
        return messages.stream().map(m -> m.variableHeader() instanceof MqttPubReplyMessageVariableHeader h
                ? h.messageId() : ((MqttMessageIdVariableHeader) m.variableHeader()).messageId()).toList();
    }

    private static byte disconnectReason(MqttMessage message) {
        assertThat(message.fixedHeader().messageType()).isEqualTo(MqttMessageType.DISCONNECT);
        return ((MqttReasonCodeAndPropertiesVariableHeader) message.variableHeader()).reasonCode();
    }
}

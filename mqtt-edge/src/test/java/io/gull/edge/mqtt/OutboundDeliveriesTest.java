package io.gull.edge.mqtt;

import static io.gull.edge.mqtt.EmbeddedMqtt.connected;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.gull.schemas.avro.Delivery;
import io.gull.schemas.avro.DeliveryAck;
import io.gull.schemas.avro.DeliveryAckKind;
import io.gull.schemas.avro.DeliveryKind;
import io.gull.schemas.avro.Kick;
import io.gull.schemas.avro.KickReason;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttVersion;

class OutboundDeliveriesTest {

    private static Delivery.Builder delivery(EmbeddedMqtt mqtt, String messageId, int qos, int packetId) {
        return Delivery.newBuilder()
                .setClientId("dev1")
                .setConnectionId(mqtt.connectionId())
                .setSeq(packetId)
                .setMessageId(messageId)
                .setKind(DeliveryKind.PUBLISH)
                .setTopic("sensors/1/temp")
                .setPayload(ByteBuffer.wrap("21.5".getBytes(StandardCharsets.UTF_8)))
                .setQos(qos)
                .setPacketId(packetId);
    }

    private static MqttMessage clientAck(MqttMessageType type, int packetId) {
        return new MqttMessage(new MqttFixedHeader(type, false,
                type == MqttMessageType.PUBREL ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE, false, 0),
                MqttMessageIdVariableHeader.from(packetId));
    }

    private static List<DeliveryAck> ackedAfterFlush(EmbeddedMqtt mqtt) {
        mqtt.advanceMillis(AckBatcher.MAX_DELAY_MS);
        return mqtt.sessionEvents.ofType(SessionEventType.ACKED).stream()
                .flatMap(e -> e.getAcks().stream()).toList();
    }

    @Test
    void shouldWriteADeliveryAsPublishWithItsMqtt5PropertiesAndSubscriptionIdentifiers() {
        // given a 5.0 connection
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);

        // when the job delivers a retained QoS 1 message resent with DUP, with properties and two subscriptions
        mqtt.inbox(delivery(mqtt, "m1", 1, 7).setDup(true).setRetain(true)
                .setProperties(Map.of("mqtt.contentType", "text/plain", "mqtt.responseTopic", "replies/1",
                        "mqtt.correlationData", Base64.getEncoder().encodeToString(new byte[] {1, 2}),
                        "mqtt.payloadFormatIndicator", "1", "mqtt.messageExpiryInterval", "30", "unit", "celsius"))
                .setSubscriptionIds(List.of(4, 9)).build());

        // then the client gets that PUBLISH
        MqttPublishMessage publish = (MqttPublishMessage) ConnectHandlerTest.single(mqtt.receivedUnreleased());
        assertThat(publish.fixedHeader().qosLevel()).isEqualTo(MqttQoS.AT_LEAST_ONCE);
        assertThat(publish.fixedHeader().isDup()).isTrue();
        assertThat(publish.fixedHeader().isRetain()).isTrue();
        assertThat(publish.variableHeader().packetId()).isEqualTo(7);
        assertThat(publish.variableHeader().topicName()).isEqualTo("sensors/1/temp");
        assertThat(publish.payload().toString(StandardCharsets.UTF_8)).isEqualTo("21.5");
        MqttProperties p = publish.variableHeader().properties();
        assertThat(p.getProperty(MqttProperties.CONTENT_TYPE).value()).isEqualTo("text/plain");
        assertThat(p.getProperty(MqttProperties.RESPONSE_TOPIC).value()).isEqualTo("replies/1");
        assertThat((byte[]) p.getProperty(MqttProperties.CORRELATION_DATA).value()).containsExactly(1, 2);
        assertThat(p.getProperty(MqttProperties.PAYLOAD_FORMAT_INDICATOR).value()).isEqualTo(1);
        assertThat(p.getProperty(MqttProperties.PUBLICATION_EXPIRY_INTERVAL).value()).isEqualTo(30);
        assertThat(p.getProperties(MqttProperties.SUBSCRIPTION_IDENTIFIER)).extracting(x -> x.value())
                .containsExactly(4, 9);
        assertThat(p.getProperties(MqttProperties.USER_PROPERTY)).hasSize(1);
        publish.release();
    }

    @Test
    void shouldWriteNoPropertiesToMqtt311Clients() {
        // given a 3.1.1 connection
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);

        // when a QoS 0 delivery with properties arrives
        mqtt.inbox(delivery(mqtt, "m1", 0, 0).setProperties(Map.of("unit", "celsius"))
                .setSubscriptionIds(List.of(3)).build());

        // then a plain QoS 0 PUBLISH
        MqttPublishMessage publish = (MqttPublishMessage) ConnectHandlerTest.single(mqtt.received());
        assertThat(publish.fixedHeader().qosLevel()).isEqualTo(MqttQoS.AT_MOST_ONCE);
        assertThat(publish.variableHeader().properties().isEmpty()).isTrue();
    }

    @Test
    void shouldReportAPubackAsAnAckedEventWithSeqMessageIdAndQueue() {
        // given a QoS 1 delivery written to the client
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);
        mqtt.inbox(delivery(mqtt, "m1", 1, 5).setSeq(41).setQueue("q").build());
        mqtt.received();

        // when the client acknowledges it
        mqtt.send(clientAck(MqttMessageType.PUBACK, 5));

        // then one ACKED event reports it within the batch delay
        assertThat(mqtt.sessionEvents.ofType(SessionEventType.ACKED)).as("batched, not yet").isEmpty();
        assertThat(ackedAfterFlush(mqtt)).singleElement().satisfies(ack -> {
            assertThat(ack.getSeq()).isEqualTo(41);
            assertThat(ack.getMessageId()).isEqualTo("m1");
            assertThat(ack.getKind()).isEqualTo(DeliveryAckKind.PUBACK);
            assertThat(ack.getQueue()).isEqualTo("q");
        });
    }

    @Test
    void shouldAnswerPubrecWithPubrelAndReportPubrecAndPubcomp() {
        // given a QoS 2 delivery written to a 5.0 client
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);
        mqtt.inbox(delivery(mqtt, "m2", 2, 9).build());
        mqtt.received();

        // when the client sends PUBREC
        mqtt.send(clientAck(MqttMessageType.PUBREC, 9));

        // then no PUBREL until Kafka stored the PUBREC's ack (the client forgets the packet id on PUBREL)
        mqtt.advanceMillis(AckBatcher.MAX_DELAY_MS);
        assertThat(mqtt.received()).isEmpty();
        mqtt.sessionEvents.storeAll(SessionEventType.ACKED);
        MqttMessage pubRel = ConnectHandlerTest.single(mqtt.received());

        // when the client completes it
        mqtt.send(clientAck(MqttMessageType.PUBCOMP, 9));

        // then the edge released it and the job hears PUBREC and PUBCOMP, in that order
        assertThat(pubRel.fixedHeader().messageType()).isEqualTo(MqttMessageType.PUBREL);
        assertThat(MqttReplies.packetId(pubRel)).isEqualTo(9);
        assertThat(ackedAfterFlush(mqtt)).extracting(DeliveryAck::getKind)
                .containsExactly(DeliveryAckKind.PUBREC, DeliveryAckKind.PUBCOMP);
    }

    @Test
    void shouldSendOnlyPubrelForAPubrelDelivery() {
        // given a resumed session whose client PUBRECed a message on its earlier connection
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);

        // when the job resumes it with a PUBREL delivery
        mqtt.inbox(delivery(mqtt, "m3", 2, 11).setKind(DeliveryKind.PUBREL).build());
        MqttMessage pubRel = ConnectHandlerTest.single(mqtt.received());
        mqtt.send(clientAck(MqttMessageType.PUBCOMP, 11));

        // then PUBREL only, and the PUBCOMP completes it
        assertThat(pubRel.fixedHeader().messageType()).isEqualTo(MqttMessageType.PUBREL);
        assertThat(ackedAfterFlush(mqtt)).extracting(DeliveryAck::getKind).containsExactly(DeliveryAckKind.PUBCOMP);
    }

    @Test
    void shouldAnswerAPubrecForAnUnknownPacketIdWithPubrel0x92OnMqtt5() {
        // given a 5.0 connection with nothing in flight
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);

        // when the client sends PUBREC 77
        mqtt.send(clientAck(MqttMessageType.PUBREC, 77));

        // then PUBREL 0x92 (packet identifier not found) and no ack for the job
        MqttMessage pubRel = ConnectHandlerTest.single(mqtt.received());
        assertThat(pubRel.fixedHeader().messageType()).isEqualTo(MqttMessageType.PUBREL);
        assertThat(((MqttPubReplyMessageVariableHeader) pubRel.variableHeader()).reasonCode()).isEqualTo((byte) 0x92);
        assertThat(ackedAfterFlush(mqtt)).isEmpty();
        assertThat(mqtt.server.isActive()).isTrue();
    }

    @Test
    void shouldIgnoreAcksForUnknownPacketIds() {
        // given a 3.1.1 connection with nothing in flight
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);

        // when the client acknowledges packets the edge never sent
        mqtt.send(clientAck(MqttMessageType.PUBACK, 1));
        mqtt.send(clientAck(MqttMessageType.PUBCOMP, 2));
        mqtt.send(clientAck(MqttMessageType.PUBREC, 3));

        // then nothing is answered or reported, and the connection stays
        assertThat(mqtt.received()).isEmpty();
        assertThat(ackedAfterFlush(mqtt)).isEmpty();
        assertThat(mqtt.server.isActive()).isTrue();
    }

    @Test
    void shouldIgnoreASecondDeliveryOfAMessageInFlight() {
        // given a QoS 1 delivery in flight
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);
        mqtt.inbox(delivery(mqtt, "m1", 1, 5).build());
        assertThat(mqtt.received()).hasSize(1);

        // when the same message is delivered again
        mqtt.inbox(delivery(mqtt, "m1", 1, 5).setDup(true).build());

        // then it is not sent twice
        assertThat(mqtt.received()).isEmpty();
        assertThat(mqtt.counters.duplicatesIgnored()).isEqualTo(1);
    }

    @Test
    void shouldHoldADeliveryWhosePacketIdIsStillInUseUntilTheClientFreesIt() {
        // given a QoS 2 message in flight with packet id 5 (the client has PUBRECed it, PUBCOMP is due)
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);
        mqtt.inbox(delivery(mqtt, "m1", 2, 5).build());
        mqtt.received();
        mqtt.send(clientAck(MqttMessageType.PUBREC, 5));
        mqtt.received(); // PUBREL

        // when the job, restored from a checkpoint, sends another message with the same packet id
        mqtt.inbox(delivery(mqtt, "m2", 2, 5).setSeq(9).build());

        // then it is not sent while the id is in use (a QoS 2 client would drop it as a resend of m1)
        assertThat(mqtt.received()).isEmpty();
        assertThat(mqtt.counters.heldForPacketId()).isEqualTo(1);

        // when the client completes m1, then m2 goes out with the freed id
        mqtt.send(clientAck(MqttMessageType.PUBCOMP, 5));
        List<MqttMessage> sent = mqtt.received();
        assertThat(sent).singleElement().isInstanceOfSatisfying(MqttPublishMessage.class,
                publish -> assertThat(publish.variableHeader().packetId()).isEqualTo(5));
        assertThat(ackedAfterFlush(mqtt)).extracting(DeliveryAck::getMessageId).containsExactly("m1", "m1");
    }

    @Test
    void shouldAckAgainAtOnceADeliveryCompletedOnThisConnection() {
        // given a QoS 1 delivery the client acknowledged
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);
        mqtt.inbox(delivery(mqtt, "m1", 1, 5).setSeq(3).build());
        mqtt.received();
        mqtt.send(clientAck(MqttMessageType.PUBACK, 5));
        assertThat(ackedAfterFlush(mqtt)).hasSize(1);

        // when the job delivers it again (it missed the ack)
        mqtt.inbox(delivery(mqtt, "m1", 1, 5).setSeq(3).setDup(true).build());

        // then nothing is sent, and the ack is reported again
        assertThat(mqtt.received()).isEmpty();
        assertThat(ackedAfterFlush(mqtt)).extracting(DeliveryAck::getMessageId).containsExactly("m1", "m1");
    }

    @Test
    void shouldBatchAHundredAcksIntoOneEventWithoutWaiting() {
        // given 100 QoS 1 deliveries in flight
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);
        for (int i = 1; i <= 100; i++) {
            mqtt.inbox(delivery(mqtt, "m" + i, 1, i).build());
        }
        mqtt.received();

        // when the client acknowledges them all
        for (int i = 1; i <= 100; i++) {
            mqtt.send(clientAck(MqttMessageType.PUBACK, i));
        }

        // then one ACKED event with all of them, before the delay ran out
        List<SessionEvent> acked = mqtt.sessionEvents.ofType(SessionEventType.ACKED);
        assertThat(acked).singleElement().satisfies(e -> assertThat(e.getAcks()).hasSize(100));
    }

    @Test
    void shouldDropQos0DeliveriesWhileTheClientDoesNotReadButWriteQos1() {
        // given a client that does not read (the channel is not writable)
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);
        mqtt.server.unsafe().outboundBuffer().setUserDefinedWritability(1, false);

        // when a QoS 0 and a QoS 1 delivery arrive
        mqtt.inbox(delivery(mqtt, "m0", 0, 0).build());
        mqtt.inbox(delivery(mqtt, "m1", 1, 1).build());

        // then QoS 0 is dropped and counted, QoS 1 is written anyway
        assertThat(mqtt.counters.qos0DroppedNotWritable()).isEqualTo(1);
        assertThat(mqtt.received()).singleElement()
                .satisfies(m -> assertThat(m.fixedHeader().qosLevel()).isEqualTo(MqttQoS.AT_LEAST_ONCE));
    }

    @Test
    void shouldDropDeliveriesForConnectionsItDoesNotHold() {
        // given a connection
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);

        // when a delivery for another connection id arrives
        mqtt.inbox(delivery(mqtt, "m1", 1, 1).setConnectionId("gone").build());

        // then it is dropped and counted
        assertThat(mqtt.received()).isEmpty();
        assertThat(mqtt.connections.droppedForUnknownConnections()).isEqualTo(1);
    }

    @Test
    void shouldDisconnectWith0x8EWhenTheJobKicksTheConnection() {
        // given a 5.0 connection
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);

        // when the job says its session was taken over
        mqtt.inbox(Kick.newBuilder().setClientId("dev1").setConnectionId(mqtt.connectionId())
                .setReason(KickReason.TAKEN_OVER).build());

        // then DISCONNECT 0x8E, and DISCONNECTED without will (the job decides)
        MqttMessage disconnect = ConnectHandlerTest.single(mqtt.received());
        assertThat(((MqttReasonCodeAndPropertiesVariableHeader) disconnect.variableHeader()).reasonCode())
                .isEqualTo((byte) 0x8E);
        assertThat(mqtt.server.isActive()).isFalse();
        assertThat(mqtt.sessionEvents.ofType(SessionEventType.DISCONNECTED)).singleElement()
                .satisfies(e -> assertThat(e.getPublishWill()).isFalse());
    }

    @Test
    void shouldCloseAMqtt311ConnectionTheJobKicks() {
        // given a 3.1.1 connection
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);

        // when the job kicks it
        mqtt.inbox(Kick.newBuilder().setClientId("dev1").setConnectionId(mqtt.connectionId())
                .setReason(KickReason.TAKEN_OVER).build());

        // then it is closed without a packet
        assertThat(mqtt.received()).isEmpty();
        assertThat(mqtt.server.isActive()).isFalse();
    }

    @Test
    void shouldDiscardADeliveryLargerThanTheClientsMaximumPacketSizeAndReportItDone() {
        // given a 5.0 client that accepts packets of at most 100 bytes
        MqttProperties connectProperties = new MqttProperties();
        connectProperties.add(new MqttProperties.IntegerProperty(MqttProperties.MAXIMUM_PACKET_SIZE, 100));
        EmbeddedMqtt mqtt = new EmbeddedMqtt();
        mqtt.send(io.netty.handler.codec.mqtt.MqttMessageBuilders.connect().protocolVersion(MqttVersion.MQTT_5)
                .clientId("dev1").hasPassword(true).password(new byte[] {'p'}).properties(connectProperties).build());
        mqtt.auth.last().answer(io.gull.schemas.avro.AuthOutcome.ALLOWED, "acme");
        mqtt.received();
        Delivery small = delivery(mqtt, "small", 1, 1).setProperties(Map.of("unit", "celsius",
                "mqtt.messageExpiryInterval", "30")).setSubscriptionIds(List.of(200)).build();

        // when a delivery that fits and one that does not arrive
        mqtt.inbox(small);
        int written = mqtt.receivedBytes();
        mqtt.inbox(delivery(mqtt, "big", 1, 2).setPayload(ByteBuffer.wrap(new byte[200])).build());

        // then the small one is sent (its size computed exactly), the big one discarded and reported as done
        assertThat(DeliveryPackets.size(DeliveryPackets.publish(small, true))).isEqualTo(written);
        assertThat(mqtt.received()).isEmpty();
        assertThat(mqtt.counters.tooLargeForClient()).isEqualTo(1);
        assertThat(ackedAfterFlush(mqtt)).singleElement().satisfies(ack -> {
            assertThat(ack.getMessageId()).isEqualTo("big");
            assertThat(ack.getKind()).isEqualTo(DeliveryAckKind.PUBACK);
        });
    }
}

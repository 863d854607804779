package io.gull.edge.mqtt;

import static io.gull.edge.mqtt.EmbeddedMqtt.connected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;
import io.gull.schemas.avro.Subscription;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import io.netty.handler.codec.mqtt.MqttVersion;

class SubscribeHandlingTest {

    private static MqttMessage subscribe(int packetId, String... filters) {
        MqttMessageBuilders.SubscribeBuilder builder = MqttMessageBuilders.subscribe().messageId(packetId);
        for (String filter : filters) {
            builder.addSubscription(MqttQoS.AT_LEAST_ONCE, filter);
        }
        return builder.build();
    }

    private static MqttSubAckMessage subAck(List<MqttMessage> received) {
        assertThat(received).hasSize(1);
        assertThat(received.get(0)).isInstanceOf(MqttSubAckMessage.class);
        return (MqttSubAckMessage) received.get(0);
    }

    @Test
    void shouldAnswerInvalidFiltersWith0x8FOnMqtt5AndSubscribeTheValidOnesOnly() {
        // given a 5.0 connection
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);

        // when it subscribes to valid and invalid filters (MQTT-4.7.1-1, -2, 4.7.3-1)
        mqtt.send(subscribe(5, "a/+/c", "a/#/b", "a+", "sport/#"));
        List<SessionEvent> subscribed = mqtt.sessionEvents.ofType(SessionEventType.SUBSCRIBED);

        // then one SUBSCRIBED event carries the valid ones, and the SUBACK waits for Kafka
        assertThat(subscribed).singleElement().satisfies(e -> assertThat(e.getSubscriptions())
                .extracting(Subscription::getFilter).containsExactly("a/+/c", "sport/#"));
        assertThat(mqtt.received()).as("no SUBACK before Kafka stored the event").isEmpty();
        mqtt.sessionEvents.storeAll(SessionEventType.SUBSCRIBED);
        MqttSubAckMessage subAck = subAck(mqtt.received());
        assertThat(subAck.variableHeader().messageId()).isEqualTo(5);
        assertThat(subAck.payload().reasonCodes()).containsExactly(1, 0x8F, 0x8F, 1);
        assertThat(mqtt.server.isActive()).isTrue();
    }

    @Test
    void shouldAnswerInvalidFiltersWith0x80OnMqtt311AndAcceptSharedOnes() {
        // given a 3.1.1 connection
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);

        // when it subscribes to an invalid filter, a shared one and a valid one
        mqtt.send(subscribe(9, "a/#/b", "$share/g/a", "a/b"));
        mqtt.sessionEvents.storeAll(SessionEventType.SUBSCRIBED);

        // then 0x80 (Failure) for the invalid one; the shared one is stored like any other
        assertThat(subAck(mqtt.received()).payload().reasonCodes()).containsExactly(0x80, 1, 1);
        assertThat(mqtt.sessionEvents.ofType(SessionEventType.SUBSCRIBED)).singleElement()
                .satisfies(event -> assertThat(event.getSubscriptions()).extracting(s -> s.getFilter())
                        .containsExactly("$share/g/a", "a/b"));
    }

    @Test
    void shouldTreatNoLocalOnASharedSubscriptionAsAProtocolError() {
        // given a 5.0 connection
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);

        // when it subscribes to a shared subscription with No Local (MQTT-3.8.3-4)
        mqtt.send(MqttMessageBuilders.subscribe().messageId(2)
                .addSubscription("$share/group/sensors/#", new MqttSubscriptionOption(MqttQoS.AT_LEAST_ONCE, true,
                        false, MqttSubscriptionOption.RetainedHandlingPolicy.SEND_AT_SUBSCRIBE))
                .build());

        // then DISCONNECT 0x82, nothing stored
        MqttMessage reply = ConnectHandlerTest.single(mqtt.received());
        assertThat(((MqttReasonCodeAndPropertiesVariableHeader) reply.variableHeader()).reasonCode())
                .isEqualTo((byte) 0x82);
        assertThat(mqtt.sessionEvents.ofType(SessionEventType.SUBSCRIBED)).isEmpty();
    }

    @Test
    void shouldAnswerAnEmptyFilterAsInvalid() {
        // given a 5.0 connection
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);

        // when it subscribes to "" (a filter of zero bytes: SUBSCRIBE 0x82, length, packet id 1, no properties,
        // filter length 0, options QoS 1)
        mqtt.sendBytes((byte) 0x82, (byte) 6, (byte) 0, (byte) 1, (byte) 0, (byte) 0, (byte) 0, (byte) 1);

        // then 0x8F (MQTT-4.7.3-1), or the decoder's malformed-packet verdict
        List<MqttMessage> received = mqtt.received();
        assertThat(received).hasSize(1);
        assertThat(subAck(received).payload().reasonCodes()).containsExactly(0x8F);
    }

    @Test
    void shouldTreatASubscribeWithoutFiltersAsAProtocolError() {
        // given a 5.0 connection
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);

        // when it sends a SUBSCRIBE with a packet id and no filter at all (MQTT-3.8.3-3)
        mqtt.sendBytes((byte) 0x82, (byte) 3, (byte) 0, (byte) 1, (byte) 0);

        // then DISCONNECT 0x82 (protocol error) or 0x81 (malformed), and the connection ends
        List<MqttMessage> received = mqtt.received();
        assertThat(received).singleElement().satisfies(m -> {
            assertThat(m.fixedHeader().messageType()).isEqualTo(MqttMessageType.DISCONNECT);
            assertThat(((MqttReasonCodeAndPropertiesVariableHeader) m.variableHeader()).reasonCode())
                    .isEqualTo((byte) 0x82);
        });
        assertThat(mqtt.server.isActive()).isFalse();
        assertThat(mqtt.sessionEvents.ofType(SessionEventType.SUBSCRIBED)).isEmpty();
    }

    @Test
    void shouldCarryTheOptionsAndTheSubscriptionIdentifierAndGrantAtMostQos2() {
        // given a 5.0 connection
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.IntegerProperty(MqttProperties.SUBSCRIPTION_IDENTIFIER, 42));

        // when it subscribes with no-local, retain-as-published, retain handling 2 and an identifier
        mqtt.send(MqttMessageBuilders.subscribe().messageId(3).properties(properties)
                .addSubscription("x/y", new MqttSubscriptionOption(MqttQoS.EXACTLY_ONCE, true, true,
                        MqttSubscriptionOption.RetainedHandlingPolicy.DONT_SEND_AT_SUBSCRIBE))
                .build());
        mqtt.sessionEvents.storeAll(SessionEventType.SUBSCRIBED);

        // then the event has them all and the SUBACK grants QoS 2
        Subscription subscription = mqtt.sessionEvents.ofType(SessionEventType.SUBSCRIBED).get(0)
                .getSubscriptions().get(0);
        assertThat(subscription.getQos()).isEqualTo(2);
        assertThat(subscription.getNoLocal()).isTrue();
        assertThat(subscription.getRetainAsPublished()).isTrue();
        assertThat(subscription.getRetainHandling()).isEqualTo(2);
        assertThat(subscription.getSubscriptionId()).isEqualTo(42);
        assertThat(subAck(mqtt.received()).payload().reasonCodes()).containsExactly(2);
    }

    @Test
    void shouldChunkTenThousandSubscriptionsAndSubackOnlyWhenEveryChunkIsStored() {
        // given a 3.1.1 connection and one SUBSCRIBE of 10,000 filters
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);
        MqttMessageBuilders.SubscribeBuilder builder = MqttMessageBuilders.subscribe().messageId(1);
        for (int i = 0; i < 10_000; i++) {
            builder.addSubscription(MqttQoS.AT_MOST_ONCE, "devices/" + i + "/cmd");
        }

        // when it arrives
        mqtt.send(builder.build());
        List<RecordingSessionEvents.Emit> emits = mqtt.sessionEvents.emits.stream()
                .filter(e -> e.event().getType() == SessionEventType.SUBSCRIBED).toList();

        // then it is split into events of at most 1,000, and the SUBACK waits for the last of them
        assertThat(emits).hasSize(10);
        assertThat(emits).allSatisfy(e -> assertThat(e.event().getSubscriptions()).hasSize(1000));
        for (int i = 9; i > 0; i--) {
            emits.get(i).stored().complete(null);
        }
        assertThat(mqtt.received()).as("chunk 0 not stored yet").isEmpty();
        emits.get(0).stored().complete(null);
        assertThat(subAck(mqtt.received()).payload().reasonCodes()).hasSize(10_000).containsOnly(0);
    }

    @Test
    void shouldSubackAfterThePubacksBeforeIt() {
        // given a PUBLISH waiting for Kafka
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);
        mqtt.send(EmbeddedMqtt.publish("t", MqttQoS.AT_LEAST_ONCE, 1, "x"));

        // when a SUBSCRIBE behind it is stored first
        mqtt.send(subscribe(2, "a"));
        mqtt.sessionEvents.storeAll(SessionEventType.SUBSCRIBED);

        // then the SUBACK waits for the PUBACK before it
        assertThat(mqtt.received()).isEmpty();
        mqtt.ingress.sends.get(0).stored().complete(null);
        assertThat(mqtt.received()).extracting(m -> m.fixedHeader().messageType())
                .containsExactly(MqttMessageType.PUBACK, MqttMessageType.SUBACK);
    }

    @Test
    void shouldCloseWithoutSubackWhenKafkaDoesNotStoreTheSubscription() {
        // given a 5.0 connection that subscribed
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);
        mqtt.send(subscribe(4, "a/b"));

        // when Kafka finally fails
        mqtt.sessionEvents.ofType(SessionEventType.SUBSCRIBED);
        mqtt.sessionEvents.emits.stream().filter(e -> e.event().getType() == SessionEventType.SUBSCRIBED)
                .forEach(e -> e.stored().completeExceptionally(new TimeoutException("delivery timeout")));

        // then DISCONNECT 0x80 and no SUBACK: the client subscribes again after reconnecting
        assertThat(mqtt.received()).singleElement().satisfies(m -> {
            assertThat(m.fixedHeader().messageType()).isEqualTo(MqttMessageType.DISCONNECT);
            assertThat(((MqttReasonCodeAndPropertiesVariableHeader) m.variableHeader()).reasonCode())
                    .isEqualTo((byte) 0x80);
        });
        assertThat(mqtt.server.isActive()).isFalse();
    }

    @Test
    void shouldUnsubscribeValidFiltersAndAnswer0x8FForInvalidOnesOnMqtt5() {
        // given a 5.0 connection
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);

        // when it unsubscribes from a valid and an invalid filter
        mqtt.send(MqttMessageBuilders.unsubscribe().messageId(8).addTopicFilter("a/b").addTopicFilter("a/#/b").build());

        // then an UNSUBSCRIBED event with the valid one, and the UNSUBACK after Kafka stored it
        assertThat(mqtt.sessionEvents.ofType(SessionEventType.UNSUBSCRIBED)).singleElement()
                .satisfies(e -> assertThat(e.getTopicFilters()).containsExactly("a/b"));
        assertThat(mqtt.received()).isEmpty();
        mqtt.sessionEvents.storeAll(SessionEventType.UNSUBSCRIBED);
        assertThat(mqtt.received()).singleElement().satisfies(m -> {
            MqttUnsubAckMessage unsubAck = (MqttUnsubAckMessage) m;
            assertThat(unsubAck.variableHeader().messageId()).isEqualTo(8);
            assertThat(unsubAck.payload().unsubscribeReasonCodes()).containsExactly((short) 0, (short) 0x8F);
        });
    }

    @Test
    void shouldUnsubackMqtt311AfterKafkaStoredTheEvent() {
        // given a 3.1.1 connection
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);

        // when it unsubscribes
        mqtt.send(MqttMessageBuilders.unsubscribe().messageId(3).addTopicFilter("a/+").build());
        mqtt.sessionEvents.storeAll(SessionEventType.UNSUBSCRIBED);

        // then a bare UNSUBACK
        assertThat(mqtt.received()).singleElement().satisfies(m -> {
            assertThat(m.fixedHeader().messageType()).isEqualTo(MqttMessageType.UNSUBACK);
            assertThat(MqttReplies.packetId(m)).isEqualTo(3);
        });
    }
}

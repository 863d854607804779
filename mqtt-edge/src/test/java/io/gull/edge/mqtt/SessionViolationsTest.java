package io.gull.edge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttVersion;

/**
 * Packets of an accepted connection that end it, found by {@link EdgeInboundFuzzTest} (the byte strings are its shrunk
 * samples): after the edge's DISCONNECT nothing follows, and 3.1.1 packets carrying what only 5.0 defines are
 * malformed, not read as 5.0.
 */
class SessionViolationsTest {

    @Test
    void shouldSendNothingAfterItsDisconnectNotEvenARepliedPubrelOfTheSameRead() {
        // given an accepted 5.0 connection
        EmbeddedMqtt mqtt = EmbeddedMqtt.connected(MqttVersion.MQTT_5);

        // when one read brings a PUBREL (its PUBCOMP queued behind Kafka's answers) and a PUBLISH without topic
        mqtt.sendBytes(HexFormat.of().parseHex("62020001" + "3103000000"));

        // then the DISCONNECT 0x82 is the last packet (MQTT-3.14.4-1)
        List<MqttMessage> received = mqtt.received();
        assertThat(received).extracting(m -> m.fixedHeader().messageType()).containsExactly(MqttMessageType.DISCONNECT);
        assertThat(((MqttReasonCodeAndPropertiesVariableHeader) received.get(0).variableHeader()).reasonCode())
                .isEqualTo((byte) 0x82);
        assertThat(mqtt.server.isActive()).isFalse();
    }

    @Test
    void shouldCloseA311SubscribeWithReservedOptionBitsSetWithoutSubscribing() {
        // given an accepted 3.1.1 connection
        EmbeddedMqtt mqtt = EmbeddedMqtt.connected(MqttVersion.MQTT_3_1_1);

        // when it subscribes to a/+ with options 0x04, the bit 5.0 calls No Local
        mqtt.sendBytes(HexFormat.of().parseHex("82080001" + "0003612f2b" + "04"));

        // then the SUBSCRIBE is malformed (MQTT-3.8.3-4): no SUBACK, no subscription, closed
        assertThat(mqtt.received()).isEmpty();
        assertThat(mqtt.sessionEvents.ofType(SessionEventType.SUBSCRIBED)).isEmpty();
        assertThat(mqtt.server.isActive()).isFalse();
    }

    @Test
    void shouldTreatA311DisconnectWithAVariableHeaderAsMalformedNotAsA5Disconnect() {
        // given an accepted 3.1.1 connection with a persistent session
        EmbeddedMqtt mqtt = new EmbeddedMqtt();
        mqtt.send(MqttMessageBuilders.connect().protocolVersion(MqttVersion.MQTT_3_1_1).clientId("dev1")
                .cleanSession(false).keepAlive(0).hasUser(true).username("dev1").hasPassword(true)
                .password("pw".getBytes(StandardCharsets.UTF_8)).build());
        mqtt.auth.last().answer(AuthOutcome.ALLOWED, "acme");
        mqtt.received();

        // when its DISCONNECT carries a 5.0 reason code 0 and Session Expiry Interval 30
        mqtt.sendBytes(HexFormat.of().parseHex("e007" + "00" + "05110000001e"));

        // then the connection ends as for a malformed packet: the will is due, the session expiry stays the CONNECT's
        assertThat(mqtt.server.isActive()).isFalse();
        SessionEvent disconnected = mqtt.sessionEvents.ofType(SessionEventType.DISCONNECTED).get(0);
        assertThat(disconnected.getPublishWill()).isTrue();
        assertThat(disconnected.getSessionExpirySeconds()).isNull();
    }
}

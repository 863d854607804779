package io.gull.edge.mqtt;

import static io.gull.edge.mqtt.EmbeddedMqtt.connect;
import static io.gull.edge.mqtt.EmbeddedMqtt.publish;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.SessionEventType;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttVersion;

class ConnectHandlerTest {

    @Test
    void shouldCloseWhenFirstPacketIsNotConnect() {
        EmbeddedMqtt mqtt = new EmbeddedMqtt();

        mqtt.send(new MqttMessage(new MqttFixedHeader(MqttMessageType.PINGREQ, false, MqttQoS.AT_MOST_ONCE, false, 0)));

        assertThat(mqtt.received()).isEmpty();
        assertThat(mqtt.server.isActive()).as("MQTT-3.1.0-1: connection closed").isFalse();
        assertThat(mqtt.auth.calls).isEmpty();
    }

    @Test
    void shouldRejectEmptyClientIdWith0x02OnMqtt311() {
        EmbeddedMqtt mqtt = new EmbeddedMqtt();

        mqtt.send(connect(MqttVersion.MQTT_3_1_1, "", "dev1", "pw"));

        assertThat(connAckCode(mqtt)).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED);
        assertThat(mqtt.server.isActive()).isFalse();
        assertThat(mqtt.auth.calls).isEmpty();
    }

    @Test
    void shouldRejectEmptyClientIdWith0x85OnMqtt5() {
        EmbeddedMqtt mqtt = new EmbeddedMqtt();

        mqtt.send(connect(MqttVersion.MQTT_5, "", null, "pw"));

        assertThat(connAckCode(mqtt)).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID);
        assertThat(mqtt.server.isActive()).isFalse();
    }

    @Test
    void shouldRefuseMqtt31WithUnacceptableProtocolVersion() {
        EmbeddedMqtt mqtt = new EmbeddedMqtt();

        mqtt.send(connect(MqttVersion.MQTT_3_1, "dev1", "dev1", "pw"));

        assertThat(connAckCode(mqtt))
                .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION);
        assertThat(mqtt.server.isActive()).isFalse();
    }

    @Test
    void shouldAskTheAuthenticatorWithClientIdUsernameAndPassword() {
        EmbeddedMqtt mqtt = new EmbeddedMqtt("--edge-id=edge-7");

        mqtt.send(connect(MqttVersion.MQTT_5, "dev1", "dev1", "pw"));

        assertThat(mqtt.auth.calls).hasSize(1);
        var request = mqtt.auth.last().request();
        assertThat(request.getClientId()).isEqualTo("dev1");
        assertThat(request.getUsername()).isEqualTo("dev1");
        assertThat(new String(request.getPassword().array())).isEqualTo("pw");
        assertThat(request.getEdgeId()).isEqualTo("edge-7");
        assertThat(request.getProtocolVersion()).isEqualTo(5);
        assertThat(mqtt.received()).as("no CONNACK before the decision").isEmpty();
    }

    @Test
    void shouldRefuseBadCredentialsWith0x05OnMqtt311() {
        EmbeddedMqtt mqtt = new EmbeddedMqtt();
        mqtt.send(connect(MqttVersion.MQTT_3_1_1, "dev1", "dev1", "wrong"));

        mqtt.auth.last().answer(AuthOutcome.BAD_CREDENTIALS, null);

        assertThat(connAckCode(mqtt)).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
        assertThat(mqtt.server.isActive()).isFalse();
    }

    @Test
    void shouldRefuseALockedOutClientIdWith0x9FOnMqtt5() {
        // given a CONNECT the sessions job answers RATE_LIMITED (client id locked out after failed checks)
        EmbeddedMqtt mqtt = new EmbeddedMqtt();
        mqtt.send(connect(MqttVersion.MQTT_5, "dev1", "dev1", "pw"));

        // when
        mqtt.auth.last().answer(AuthOutcome.RATE_LIMITED, null);

        // then Connection rate exceeded, and the connection is closed
        assertThat(connAckCode(mqtt)).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_CONNECTION_RATE_EXCEEDED);
        assertThat(mqtt.server.isActive()).isFalse();
    }

    @Test
    void shouldRefuseALockedOutClientIdWith0x05OnMqtt311() {
        // given
        EmbeddedMqtt mqtt = new EmbeddedMqtt();
        mqtt.send(connect(MqttVersion.MQTT_3_1_1, "dev1", "dev1", "pw"));

        // when
        mqtt.auth.last().answer(AuthOutcome.RATE_LIMITED, null);

        // then not authorized: 3.1.1 has no rate code
        assertThat(connAckCode(mqtt)).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
        assertThat(mqtt.server.isActive()).isFalse();
    }

    @Test
    void shouldRefuseUnknownDeviceWith0x86OnMqtt5() {
        EmbeddedMqtt mqtt = new EmbeddedMqtt();
        mqtt.send(connect(MqttVersion.MQTT_5, "ghost", null, "pw"));

        mqtt.auth.last().answer(AuthOutcome.UNKNOWN_DEVICE, null);

        assertThat(connAckCode(mqtt)).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD);
        assertThat(mqtt.server.isActive()).isFalse();
    }

    @Test
    void shouldRefuseAWillWithAnEmptyTopicWith0x90OnMqtt5WithoutAsking() {
        EmbeddedMqtt mqtt = new EmbeddedMqtt();

        mqtt.send(io.netty.handler.codec.mqtt.MqttMessageBuilders.connect().protocolVersion(MqttVersion.MQTT_5)
                .clientId("dev1").cleanSession(true).keepAlive(60).hasUser(true).username("dev1").hasPassword(true)
                .password("pw".getBytes(java.nio.charset.StandardCharsets.UTF_8)).willFlag(true)
                .willTopic("").willMessage(new byte[0]).build());

        assertThat(connAckCode(mqtt)).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_TOPIC_NAME_INVALID);
        assertThat(mqtt.auth.calls).isEmpty();
    }

    @Test
    void shouldRefuseUsernameOtherThanClientIdWithoutAsking() {
        EmbeddedMqtt mqtt = new EmbeddedMqtt();

        mqtt.send(connect(MqttVersion.MQTT_5, "dev1", "someone-else", "pw"));

        assertThat(connAckCode(mqtt)).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD);
        assertThat(mqtt.auth.calls).isEmpty();
    }

    @Test
    void shouldRefuseMissingPasswordWithoutAsking() {
        EmbeddedMqtt mqtt = new EmbeddedMqtt();

        mqtt.send(connect(MqttVersion.MQTT_3_1_1, "dev1", null, null));

        assertThat(connAckCode(mqtt)).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
        assertThat(mqtt.auth.calls).isEmpty();
    }

    @Test
    void shouldAnswerServerUnavailableWhenNoDecisionArrives() {
        EmbeddedMqtt v3 = new EmbeddedMqtt();
        EmbeddedMqtt v5 = new EmbeddedMqtt();
        v3.send(connect(MqttVersion.MQTT_3_1_1, "dev1", "dev1", "pw"));
        v5.send(connect(MqttVersion.MQTT_5, "dev1", null, "pw"));

        v3.auth.last().decision().completeExceptionally(new TimeoutException("no decision within 10 s"));
        v5.auth.last().decision().completeExceptionally(new TimeoutException("no decision within 10 s"));

        assertThat(connAckCode(v3)).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);
        assertThat(connAckCode(v5)).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5);
        assertThat(v3.server.isActive()).isFalse();
        assertThat(v5.server.isActive()).isFalse();
    }

    @Test
    void shouldAcceptAllowedDeviceAndAdvertiseQos2AndSubscriptionFeaturesOnMqtt5() {
        EmbeddedMqtt mqtt = new EmbeddedMqtt("--mqtt.max-inflight-per-connection=50");
        mqtt.send(connect(MqttVersion.MQTT_5, "dev1", null, "pw"));

        mqtt.auth.last().answer(AuthOutcome.ALLOWED, "acme");

        MqttConnAckMessage connAck = (MqttConnAckMessage) single(mqtt.received());
        assertThat(connAck.variableHeader().connectReturnCode()).isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
        MqttProperties properties = connAck.variableHeader().properties();
        assertThat(properties.getProperty(MqttProperties.MAXIMUM_QOS)).as("absent = QoS 2").isNull();
        assertThat(properties.getProperty(MqttProperties.RETAIN_AVAILABLE).value()).isEqualTo(1);
        assertThat(properties.getProperty(MqttProperties.WILDCARD_SUBSCRIPTION_AVAILABLE).value()).isEqualTo(1);
        assertThat(properties.getProperty(MqttProperties.SUBSCRIPTION_IDENTIFIER_AVAILABLE).value()).isEqualTo(1);
        assertThat(properties.getProperty(MqttProperties.SHARED_SUBSCRIPTION_AVAILABLE).value()).isEqualTo(1);
        assertThat(properties.getProperty(MqttProperties.SESSION_EXPIRY_INTERVAL)).as("not lowered").isNull();
        assertThat(connAck.variableHeader().isSessionPresent()).isFalse();
        assertThat(properties.getProperty(MqttProperties.RECEIVE_MAXIMUM).value())
                .isEqualTo(50);
        assertThat(mqtt.server.isActive()).isTrue();
        assertThat(mqtt.server.pipeline().get(EdgeServer.CONNECT)).as("first-packet handler removed").isNull();
        assertThat(mqtt.server.pipeline().get(EdgeServer.SESSION)).isInstanceOf(SessionHandler.class);
        assertThat(mqtt.registry.find("dev1")).contains(mqtt.server);
        assertThat(mqtt.sessionEvents.events).singleElement()
                .satisfies(e -> assertThat(e.getType()).isEqualTo(SessionEventType.CONNECTED));
    }

    @Test
    void shouldPassOnPacketsPipelinedBehindConnectAfterAcceptingIt() {
        EmbeddedMqtt mqtt = new EmbeddedMqtt();
        mqtt.send(connect(MqttVersion.MQTT_3_1_1, "dev1", "dev1", "pw"));
        mqtt.send(publish("devices/dev1/temp", MqttQoS.AT_LEAST_ONCE, 1, "21.5"));
        assertThat(mqtt.ingress.sends).as("held until the decision").isEmpty();

        mqtt.auth.last().answer(AuthOutcome.ALLOWED, "acme");
        mqtt.runTasks();

        assertThat(mqtt.ingress.sends).singleElement().satisfies(send -> {
            assertThat(send.envelope().getTenant()).isEqualTo("acme");
            assertThat(send.envelope().getClientId()).isEqualTo("dev1");
        });
        assertThat(single(mqtt.received()).fixedHeader().messageType()).isEqualTo(MqttMessageType.CONNACK);
    }

    @Test
    void shouldCloseASocketThatSendsNoConnectWithinTheConnectTimeout() {
        EmbeddedMqtt mqtt = new EmbeddedMqtt("--mqtt.connect-timeout-ms=10000");

        mqtt.server.advanceTimeBy(9, TimeUnit.SECONDS);
        mqtt.server.runScheduledPendingTasks();
        assertThat(mqtt.server.isActive()).isTrue();
        mqtt.server.advanceTimeBy(2, TimeUnit.SECONDS);
        mqtt.server.runScheduledPendingTasks();

        assertThat(mqtt.server.isActive()).isFalse();
    }

    @Test
    void shouldCloseTheOlderConnectionWithSessionTakenOverWhenTheSameClientConnectsAgain() {
        ClientRegistry registry = new ClientRegistry();
        FakeAuthenticator auth = new FakeAuthenticator();
        EmbeddedMqtt older = new EmbeddedMqtt(auth, new RecordingIngress(), new RecordingSessionEvents(), registry);
        EmbeddedMqtt newer = new EmbeddedMqtt(auth, new RecordingIngress(), new RecordingSessionEvents(), registry);
        older.send(connect(MqttVersion.MQTT_5, "dev1", null, "pw"));
        auth.last().answer(AuthOutcome.ALLOWED, "acme");
        older.received();

        newer.send(connect(MqttVersion.MQTT_5, "dev1", null, "pw"));
        auth.last().answer(AuthOutcome.ALLOWED, "acme");
        newer.runTasks();

        MqttMessage disconnect = single(older.received());
        assertThat(disconnect.fixedHeader().messageType()).isEqualTo(MqttMessageType.DISCONNECT);
        assertThat(((MqttReasonCodeAndPropertiesVariableHeader) disconnect.variableHeader()).reasonCode())
                .isEqualTo((byte) 0x8E);
        assertThat(older.server.isActive()).isFalse();
        assertThat(newer.server.isActive()).isTrue();
        assertThat(registry.find("dev1")).contains(newer.server);
    }

    @Test
    void shouldRefuseASessionWhoseAuthEndsWhileTheEdgeDrains() {
        EmbeddedMqtt v3 = new EmbeddedMqtt();
        EmbeddedMqtt v5 = new EmbeddedMqtt();
        v3.send(connect(MqttVersion.MQTT_3_1_1, "dev1", "dev1", "pw"));
        v5.send(connect(MqttVersion.MQTT_5, "dev2", null, "pw"));

        v3.drain.start();
        v5.drain.start();
        v3.auth.last().answer(AuthOutcome.ALLOWED, "acme");
        v5.auth.last().answer(AuthOutcome.ALLOWED, "acme");

        assertThat(connAckCode(v3)).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);
        assertThat(connAckCode(v5)).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5);
        assertThat(v3.server.isActive()).isFalse();
        assertThat(v3.server.config().isAutoRead()).as("reading was not re-enabled").isFalse();
        assertThat(v3.registry.find("dev1")).isEmpty();
        assertThat(v3.sessionEvents.events).as("the job allowed it: it must hear the connection is gone")
                .singleElement().satisfies(e -> {
                    assertThat(e.getType()).isEqualTo(SessionEventType.DISCONNECTED);
                    assertThat(e.getConnectionId()).isEqualTo(v3.auth.last().request().getConnectionId());
                    assertThat(e.getPublishWill()).isFalse();
                });
    }

    @Test
    void shouldRefuseAConnectArrivingWhileTheEdgeDrainsWithoutAskingTheAuthJob() {
        EmbeddedMqtt mqtt = new EmbeddedMqtt();
        mqtt.drain.start();

        mqtt.send(connect(MqttVersion.MQTT_5, "dev1", null, "pw"));

        assertThat(connAckCode(mqtt)).isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5);
        assertThat(mqtt.auth.calls).isEmpty();
    }

    @Test
    void shouldLogTheHeldPacketLimitOnceAndDropWhatArrivesAfterTheClose() {
        EmbeddedMqtt mqtt = new EmbeddedMqtt();
        mqtt.send(connect(MqttVersion.MQTT_3_1_1, "dev1", "dev1", "pw"));
        io.netty.buffer.ByteBuf wire = io.netty.buffer.Unpooled.buffer();
        io.netty.channel.embedded.EmbeddedChannel encoder =
                new io.netty.channel.embedded.EmbeddedChannel(io.netty.handler.codec.mqtt.MqttEncoder.INSTANCE);
        for (int i = 1; i <= 1005; i++) { // one read: the decoder passes on all of it even after the close
            encoder.writeOutbound(publish("t", MqttQoS.AT_LEAST_ONCE, i, "payload"));
            io.netty.buffer.ByteBuf packet = encoder.readOutbound();
            wire.writeBytes(packet);
            packet.release();
        }
        wire.retain(); // ours, to see whether the edge kept slices of it

        try (LogCapture log = new LogCapture(ConnectHandler.class)) {
            mqtt.server.writeInbound(wire);
            mqtt.runTasks();

            assertThat(log.warnings()).filteredOn(w -> w.contains("packets sent before CONNACK")).hasSize(1);
        }
        assertThat(mqtt.server.isActive()).isFalse();
        assertThat(wire.refCnt()).as("no held packet leaked").isEqualTo(1);
        wire.release();
    }

    static MqttConnectReturnCode connAckCode(EmbeddedMqtt mqtt) {
        MqttMessage message = single(mqtt.received());
        assertThat(message).isInstanceOf(MqttConnAckMessage.class);
        return ((MqttConnAckMessage) message).variableHeader().connectReturnCode();
    }

    static MqttMessage single(List<MqttMessage> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }
}

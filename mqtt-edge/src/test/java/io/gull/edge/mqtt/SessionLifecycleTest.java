package io.gull.edge.mqtt;

import static io.gull.edge.mqtt.EmbeddedMqtt.connected;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.timeout.IdleStateEvent;

/** CONNECT's session options in the AuthRequest, CONNACK from the decision, DISCONNECTED and the will. */
class SessionLifecycleTest {

    private static MqttConnAckMessage connAck(EmbeddedMqtt mqtt) {
        return (MqttConnAckMessage) ConnectHandlerTest.single(mqtt.received());
    }

    private static SessionEvent disconnected(EmbeddedMqtt mqtt) {
        List<SessionEvent> events = mqtt.sessionEvents.ofType(SessionEventType.DISCONNECTED);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static MqttMessage disconnect(byte reason, MqttProperties properties) {
        return new MqttMessage(new MqttFixedHeader(MqttMessageType.DISCONNECT, false, MqttQoS.AT_MOST_ONCE, false, 0),
                new MqttReasonCodeAndPropertiesVariableHeader(reason, properties));
    }

    @Test
    void shouldAskWithSessionOptionsOfAMqtt311ConnectWithoutCleanSessionAndItsWill() {
        // given an edge
        EmbeddedMqtt mqtt = new EmbeddedMqtt("--auth.timeout-ms=4000");

        // when a 3.1.1 client connects with clean session 0 and a will
        mqtt.send(MqttMessageBuilders.connect().protocolVersion(MqttVersion.MQTT_3_1_1).clientId("dev1")
                .cleanSession(false).keepAlive(30).hasUser(true).username("dev1").hasPassword(true)
                .password("pw".getBytes(StandardCharsets.UTF_8)).willFlag(true).willTopic("status/dev1")
                .willMessage("gone".getBytes(StandardCharsets.UTF_8)).willQoS(MqttQoS.AT_LEAST_ONCE)
                .willRetain(true).build());

        // then the request carries them, and the connection is registered before the answer
        AuthRequest request = mqtt.auth.last().request();
        assertThat(request.getConnectionId()).isNotBlank();
        assertThat(mqtt.connections.find(request.getConnectionId())).contains(mqtt.server);
        assertThat(request.getCleanStart()).isFalse();
        assertThat(request.getSessionExpirySeconds()).isEqualTo(4294967295L);
        assertThat(request.getReceiveMaximum()).isEqualTo(65535);
        assertThat(request.getTimeoutMs()).isEqualTo(4000);
        assertThat(request.getAnonymous()).isFalse();
        assertThat(request.getWill().getTopic()).isEqualTo("status/dev1");
        assertThat(StandardCharsets.UTF_8.decode(request.getWill().getPayload()).toString()).isEqualTo("gone");
        assertThat(request.getWill().getQos()).isEqualTo(1);
        assertThat(request.getWill().getRetain()).isTrue();
    }

    @Test
    void shouldAskWithMqtt5SessionExpiryReceiveMaximumAndWillDelay() {
        // given an edge
        EmbeddedMqtt mqtt = new EmbeddedMqtt();
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.IntegerProperty(MqttProperties.SESSION_EXPIRY_INTERVAL, 3600));
        properties.add(new MqttProperties.IntegerProperty(MqttProperties.RECEIVE_MAXIMUM, 20));
        MqttProperties willProperties = new MqttProperties();
        willProperties.add(new MqttProperties.IntegerProperty(MqttProperties.WILL_DELAY_INTERVAL, 10));
        willProperties.add(new MqttProperties.StringProperty(MqttProperties.CONTENT_TYPE, "text/plain"));

        // when a 5.0 client connects with them
        mqtt.send(MqttMessageBuilders.connect().protocolVersion(MqttVersion.MQTT_5).clientId("dev1")
                .cleanSession(true).keepAlive(30).hasPassword(true).password("pw".getBytes(StandardCharsets.UTF_8))
                .properties(properties).willFlag(true).willTopic("status/dev1").willMessage(new byte[0])
                .willProperties(willProperties).build());

        // then the request carries them
        AuthRequest request = mqtt.auth.last().request();
        assertThat(request.getCleanStart()).isTrue();
        assertThat(request.getSessionExpirySeconds()).isEqualTo(3600);
        assertThat(request.getReceiveMaximum()).isEqualTo(20);
        assertThat(request.getWill().getDelaySeconds()).isEqualTo(10);
        assertThat(request.getWill().getProperties()).containsEntry("mqtt.contentType", "text/plain");
    }

    @Test
    void shouldAnswerSessionPresentAndTheGrantedExpiryFromTheDecision() {
        // given a 5.0 client resuming a session (clean start 0) that asked for a long expiry
        EmbeddedMqtt mqtt = new EmbeddedMqtt();
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.IntegerProperty(MqttProperties.SESSION_EXPIRY_INTERVAL, 999_999));
        mqtt.send(MqttMessageBuilders.connect().protocolVersion(MqttVersion.MQTT_5).clientId("dev1")
                .cleanSession(false).hasPassword(true).password(new byte[] {'p'}).properties(properties).build());

        // when the job resumes it and lowers the expiry
        mqtt.auth.last().answer(AuthOutcome.ALLOWED, "acme", d -> d.setSessionPresent(true)
                .setSessionExpirySeconds(86_400L));

        // then CONNACK says session present and the expiry granted
        MqttConnAckMessage connAck = connAck(mqtt);
        assertThat(connAck.variableHeader().isSessionPresent()).isTrue();
        assertThat(connAck.variableHeader().properties().getProperty(MqttProperties.SESSION_EXPIRY_INTERVAL).value())
                .isEqualTo(86_400);
    }

    @Test
    void shouldNeverSaySessionPresentWithCleanStart() {
        // given a client connecting with clean start (the default of the helper)
        EmbeddedMqtt mqtt = new EmbeddedMqtt();
        mqtt.send(EmbeddedMqtt.connect(MqttVersion.MQTT_3_1_1, "dev1", "dev1", "pw"));

        // when a confused job says a session was present
        mqtt.auth.last().answer(AuthOutcome.ALLOWED, "acme", d -> d.setSessionPresent(true));

        // then CONNACK says 0 (MQTT-3.2.2-1)
        assertThat(connAck(mqtt).variableHeader().isSessionPresent()).isFalse();
    }

    @Test
    void shouldAskAnonymouslyWithoutPasswordWhenAnonymousClientsAreAllowed() {
        // given an edge that lets anonymous clients in
        EmbeddedMqtt mqtt = new EmbeddedMqtt("--mqtt.allow-anonymous=true");

        // when a client connects without password
        mqtt.send(EmbeddedMqtt.connect(MqttVersion.MQTT_3_1_1, "tool-1", null, null));

        // then the job is asked anonymously
        AuthRequest request = mqtt.auth.last().request();
        assertThat(request.getAnonymous()).isTrue();
        assertThat(request.getPassword()).isNull();
    }

    @Test
    void shouldRefuseAConnectWithoutPasswordByDefault() {
        // given an edge with the defaults
        EmbeddedMqtt mqtt = new EmbeddedMqtt();

        // when a client connects without password
        mqtt.send(EmbeddedMqtt.connect(MqttVersion.MQTT_5, "tool-1", null, null));

        // then 0x86 at once
        assertThat(connAck(mqtt).variableHeader().connectReturnCode())
                .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD);
        assertThat(mqtt.auth.calls).isEmpty();
    }

    @Test
    void shouldAssignAClientIdToAMqtt5ClientWithoutOneWhenAnonymousClientsAreAllowed() {
        // given an edge that lets anonymous clients in
        EmbeddedMqtt mqtt = new EmbeddedMqtt("--mqtt.allow-anonymous=true");

        // when a 5.0 client connects with an empty client id
        mqtt.send(EmbeddedMqtt.connect(MqttVersion.MQTT_5, "", null, null));
        String assigned = mqtt.auth.last().request().getClientId();
        mqtt.auth.last().answer(AuthOutcome.ALLOWED, "$anonymous");

        // then it gets an id starting with gull-, asked for and returned in CONNACK
        assertThat(assigned).startsWith("gull-");
        assertThat(connAck(mqtt).variableHeader().properties()
                .getProperty(MqttProperties.ASSIGNED_CLIENT_IDENTIFIER).value()).isEqualTo(assigned);
    }

    @Test
    void shouldReportAConnectionAllowedAfterItClosedAsDisconnected() {
        // given a CONNECT waiting for its decision
        EmbeddedMqtt mqtt = new EmbeddedMqtt();
        mqtt.send(EmbeddedMqtt.connect(MqttVersion.MQTT_3_1_1, "dev1", "dev1", "pw"));
        String connectionId = mqtt.connectionId();

        // when the client goes away and the job then allows it
        mqtt.server.close();
        mqtt.auth.last().answer(AuthOutcome.ALLOWED, "acme");
        mqtt.runTasks();

        // then the job hears that the connection is gone (no will: it never had a CONNACK)
        SessionEvent event = disconnected(mqtt);
        assertThat(event.getConnectionId()).isEqualTo(connectionId);
        assertThat(event.getPublishWill()).isFalse();
        assertThat(mqtt.connections.find(connectionId)).isEmpty();
    }

    @Test
    void shouldNotPublishTheWillAfterANormalDisconnect() {
        // given a connection
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);

        // when the client sends DISCONNECT
        mqtt.send(new MqttMessage(new MqttFixedHeader(MqttMessageType.DISCONNECT, false, MqttQoS.AT_MOST_ONCE,
                false, 0)));

        // then DISCONNECTED without will
        assertThat(disconnected(mqtt).getPublishWill()).isFalse();
    }

    @Test
    void shouldPublishTheWillAfterDisconnectWithWillMessage0x04AndTakeTheNewSessionExpiry() {
        // given a 5.0 connection that asked for a session expiry
        EmbeddedMqtt mqtt = new EmbeddedMqtt();
        MqttProperties connectProperties = new MqttProperties();
        connectProperties.add(new MqttProperties.IntegerProperty(MqttProperties.SESSION_EXPIRY_INTERVAL, 60));
        mqtt.send(MqttMessageBuilders.connect().protocolVersion(MqttVersion.MQTT_5).clientId("dev1")
                .hasPassword(true).password(new byte[] {'p'}).properties(connectProperties).build());
        mqtt.auth.last().answer(AuthOutcome.ALLOWED, "acme");
        mqtt.received();
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.IntegerProperty(MqttProperties.SESSION_EXPIRY_INTERVAL, 120));

        // when it disconnects with 0x04 and a new expiry
        mqtt.send(disconnect((byte) 0x04, properties));

        // then the will is published and the expiry goes to the job
        SessionEvent event = disconnected(mqtt);
        assertThat(event.getPublishWill()).isTrue();
        assertThat(event.getSessionExpirySeconds()).isEqualTo(120L);
    }

    @Test
    void shouldTreatANonZeroExpiryInDisconnectAfterZeroInConnectAsAProtocolError() {
        // given a 5.0 connection with session expiry 0
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.IntegerProperty(MqttProperties.SESSION_EXPIRY_INTERVAL, 120));

        // when it disconnects setting an expiry (MQTT-3.14.2-2)
        mqtt.send(disconnect((byte) 0, properties));

        // then DISCONNECT 0x82 and the will is published
        MqttMessage reply = ConnectHandlerTest.single(mqtt.received());
        assertThat(((MqttReasonCodeAndPropertiesVariableHeader) reply.variableHeader()).reasonCode())
                .isEqualTo((byte) 0x82);
        assertThat(disconnected(mqtt).getPublishWill()).isTrue();
    }

    @Test
    void shouldPublishTheWillWhenTheConnectionIsLostOrTheKeepAliveExpires() {
        // given two connections
        EmbeddedMqtt lost = connected(MqttVersion.MQTT_3_1_1);
        EmbeddedMqtt idle = connected(MqttVersion.MQTT_5);

        // when one loses its socket and the other goes silent
        lost.server.close();
        idle.server.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        idle.runTasks();

        // then both wills are published
        assertThat(disconnected(lost).getPublishWill()).isTrue();
        assertThat(disconnected(idle).getPublishWill()).isTrue();
    }

    @Test
    void shouldPublishTheWillWhenTheEdgeStopsGracefully() {
        // given a connection
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_5);

        // when the edge shuts down
        mqtt.server.pipeline().fireUserEventTriggered(EdgeEvents.SERVER_SHUTTING_DOWN);
        mqtt.runTasks();

        // then the will is due: the server, not the client, ended the connection (MQTT 5.0 section 3.1.2.5)
        assertThat(disconnected(mqtt).getPublishWill()).isTrue();
    }

    @Test
    void shouldFlushPendingAcksBeforeReportingDisconnected() {
        // given an acknowledged delivery whose ACKED batch has not been sent yet
        EmbeddedMqtt mqtt = connected(MqttVersion.MQTT_3_1_1);
        mqtt.inbox(io.gull.schemas.avro.Delivery.newBuilder().setClientId("dev1")
                .setConnectionId(mqtt.connectionId()).setSeq(1).setMessageId("m1")
                .setKind(io.gull.schemas.avro.DeliveryKind.PUBLISH).setTopic("t")
                .setPayload(java.nio.ByteBuffer.wrap(new byte[0])).setQos(1).setPacketId(1).build());
        mqtt.send(new MqttMessage(new MqttFixedHeader(MqttMessageType.PUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader.from(1)));

        // when the connection closes
        mqtt.server.close();

        // then ACKED comes before DISCONNECTED
        assertThat(mqtt.sessionEvents.events).extracting(SessionEvent::getType).containsSubsequence(
                SessionEventType.ACKED, SessionEventType.DISCONNECTED);
    }
}

package io.gull.edge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttVersion;

/**
 * CONNECTs that decode but break a rule of MQTT that Netty leaves to the server are refused before the auth job is
 * asked: 5.0 clients get the CONNACK reason code, 3.1.1 clients (no code for it) are disconnected. The first two were
 * found by {@link EdgeInboundFuzzTest}; the byte strings are its shrunk samples.
 */
class ConnectViolationsTest {

    @Test
    void shouldRefuseRequestProblemInformationOtherThanZeroOrOneWith0x82() {
        // given an edge that lets anonymous clients in, when a 5.0 CONNECT has Request Problem Information 2
        EmbeddedMqtt mqtt = new EmbeddedMqtt("--mqtt.allow-anonymous=true");
        mqtt.send(v5Connect(new MqttProperties.IntegerProperty(MqttProperties.REQUEST_PROBLEM_INFORMATION, 2)));

        // then it is a protocol error (5.0 section 3.1.2.11.7)
        assertRefused(mqtt, MqttConnectReturnCode.CONNECTION_REFUSED_PROTOCOL_ERROR);
    }

    @Test
    void shouldRefuseAShrunkFuzzSampleWithRequestProblemInformationTwo() {
        EmbeddedMqtt mqtt = new EmbeddedMqtt("--mqtt.allow-anonymous=true");

        mqtt.sendBytes(HexFormat.of().parseHex("101300044d51545405020000021702000464657631"));

        assertThat(mqtt.auth.calls).isEmpty();
        assertThat(mqtt.server.isActive()).isFalse();
    }

    @Test
    void shouldRefuseEnhancedAuthenticationWith0x8C() {
        EmbeddedMqtt mqtt = new EmbeddedMqtt();

        mqtt.send(v5Connect(new MqttProperties.StringProperty(MqttProperties.AUTHENTICATION_METHOD, "SCRAM-SHA-1")));

        // MQTT-4.12.0-1: an unsupported Authentication Method ends the connection; 0x8C Bad authentication method
        assertRefused(mqtt, MqttConnectReturnCode.CONNECTION_REFUSED_BAD_AUTHENTICATION_METHOD);
    }

    @Test
    void shouldRefuseReceiveMaximumZeroWith0x82() {
        EmbeddedMqtt mqtt = new EmbeddedMqtt();

        mqtt.send(v5Connect(new MqttProperties.IntegerProperty(MqttProperties.RECEIVE_MAXIMUM, 0)));

        assertRefused(mqtt, MqttConnectReturnCode.CONNECTION_REFUSED_PROTOCOL_ERROR);
    }

    @Test
    void shouldRefuseMaximumPacketSizeZeroWith0x82() {
        EmbeddedMqtt mqtt = new EmbeddedMqtt();

        mqtt.send(v5Connect(new MqttProperties.IntegerProperty(MqttProperties.MAXIMUM_PACKET_SIZE, 0)));

        assertRefused(mqtt, MqttConnectReturnCode.CONNECTION_REFUSED_PROTOCOL_ERROR);
    }

    @Test
    void shouldRefuseAuthenticationDataWithoutMethodWith0x82() {
        EmbeddedMqtt mqtt = new EmbeddedMqtt();

        mqtt.send(v5Connect(new MqttProperties.BinaryProperty(MqttProperties.AUTHENTICATION_DATA, new byte[] {1})));

        assertRefused(mqtt, MqttConnectReturnCode.CONNECTION_REFUSED_PROTOCOL_ERROR);
    }

    @Test
    void shouldRefuseWillQosWithoutWillFlagWith0x81() {
        // given the 5.0 CONNECT of dev1 / dev1 / pw with flags 0xCA: Will QoS 1 but no Will Flag (MQTT-3.1.2-11)
        EmbeddedMqtt mqtt = new EmbeddedMqtt();

        mqtt.sendBytes(HexFormat.of().parseHex("101b00044d51545405ca003c0000046465763100046465763100027077"));

        assertThat(ServerFrames.parse(written(mqtt))).singleElement()
                .satisfies(connAck -> assertThat(connAck.connackCode()).as("Malformed Packet").isEqualTo(0x81));
        assertThat(mqtt.auth.calls).isEmpty();
        assertThat(mqtt.server.isActive()).isFalse();
    }

    @Test
    void shouldDisconnectA311ClientWithWillQos3WithoutCONNACK() {
        // given the 3.1.1 CONNECT of dev1 / dev1 / pw with flags 0xDE: will flag, Will QoS 3 (MQTT-3.1.2-14)
        EmbeddedMqtt mqtt = new EmbeddedMqtt();

        mqtt.sendBytes(HexFormat.of().parseHex(
                "102100044d51545404de003c00046465763100017400026869000464657631000270" + "77"));

        assertThat(mqtt.receivedBytes()).as("3.1.1 has no CONNACK code for a malformed CONNECT").isZero();
        assertThat(mqtt.auth.calls).isEmpty();
        assertThat(mqtt.server.isActive()).isFalse();
    }

    @Test
    void shouldDisconnectA311ClientWithAPasswordButNoUserName() {
        // given the 3.1.1 CONNECT of dev1 with flags 0x42: password, no user name (MQTT-3.1.2-22)
        EmbeddedMqtt mqtt = new EmbeddedMqtt();

        mqtt.sendBytes(HexFormat.of().parseHex("101400044d5154540442003c00046465763100027077"));

        assertThat(mqtt.receivedBytes()).isZero();
        assertThat(mqtt.auth.calls).isEmpty();
        assertThat(mqtt.server.isActive()).isFalse();
    }

    private static io.netty.handler.codec.mqtt.MqttConnectMessage v5Connect(MqttProperties.MqttProperty<?> property) {
        MqttProperties properties = new MqttProperties();
        properties.add(property);
        return MqttMessageBuilders.connect().protocolVersion(MqttVersion.MQTT_5).clientId("dev1").cleanSession(true)
                .keepAlive(60).hasUser(true).username("dev1").hasPassword(true)
                .password("pw".getBytes(StandardCharsets.UTF_8)).properties(properties).build();
    }

    /** The raw bytes the edge wrote (for CONNECTs sent as bytes, whose version the test client does not know). */
    private static byte[] written(EmbeddedMqtt mqtt) {
        mqtt.runTasks();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Object msg;
        while ((msg = mqtt.server.readOutbound()) != null) {
            io.netty.buffer.ByteBuf buf = (io.netty.buffer.ByteBuf) msg;
            out.writeBytes(io.netty.buffer.ByteBufUtil.getBytes(buf));
            buf.release();
        }
        return out.toByteArray();
    }

    private static void assertRefused(EmbeddedMqtt mqtt, MqttConnectReturnCode code) {
        assertThat(mqtt.received()).singleElement().isInstanceOfSatisfying(MqttConnAckMessage.class,
                connAck -> assertThat(connAck.variableHeader().connectReturnCode()).isEqualTo(code));
        assertThat(mqtt.auth.calls).as("refused before asking the auth job").isEmpty();
        assertThat(mqtt.server.isActive()).isFalse();
    }
}

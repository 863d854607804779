package io.gull.edge.mqtt;

import java.nio.ByteBuffer;
import java.util.Map;

import io.gull.schemas.avro.Will;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttVersion;

/**
 * The session options of a CONNECT as the sessions job needs them: session expiry (3.1.1: 0 with clean session,
 * 4294967295 = never without; 5.0: the Session Expiry Interval property, absent = 0), the client's Receive
 * Maximum (5.0; 65535 otherwise), its Maximum Packet Size (5.0) and the will (topic, payload, QoS, retain, 5.0 Will Delay Interval and
 * properties as in {@link PublishEnvelopes#properties}).
 */
record ConnectOptions(long sessionExpirySeconds, int receiveMaximum, long maximumPacketSize, Will will) {
    /** 3.1.1 Clean Session 0: the session never expires (MQTT 3.1.1 has no expiry). */
    static final long NEVER = 0xFFFFFFFFL;
    static final int DEFAULT_RECEIVE_MAXIMUM = 65_535;

    static ConnectOptions of(MqttConnectMessage connect, MqttVersion version) {
        boolean v5 = version == MqttVersion.MQTT_5;
        MqttProperties properties = connect.variableHeader().properties();
        long expiry = v5 ? unsigned(properties, MqttProperties.SESSION_EXPIRY_INTERVAL, 0)
                : connect.variableHeader().isCleanSession() ? 0 : NEVER;
        int receiveMaximum = v5 ? (int) unsigned(properties, MqttProperties.RECEIVE_MAXIMUM, DEFAULT_RECEIVE_MAXIMUM)
                : DEFAULT_RECEIVE_MAXIMUM;
        long maximumPacketSize = v5 ? unsigned(properties, MqttProperties.MAXIMUM_PACKET_SIZE,
                ClientSession.NO_PACKET_LIMIT) : ClientSession.NO_PACKET_LIMIT;
        return new ConnectOptions(expiry, receiveMaximum, maximumPacketSize, will(connect, v5));
    }

    private static Will will(MqttConnectMessage connect, boolean v5) {
        if (!connect.variableHeader().isWillFlag()) {
            return null;
        }
        MqttProperties willProperties = v5 ? connect.payload().willProperties() : MqttProperties.NO_PROPERTIES;
        byte[] payload = connect.payload().willMessageInBytes();
        Map<String, String> properties = PublishEnvelopes.properties(willProperties);
        return Will.newBuilder()
                .setTopic(connect.payload().willTopic())
                .setPayload(ByteBuffer.wrap(payload == null ? new byte[0] : payload))
                .setQos(connect.variableHeader().willQos())
                .setRetain(connect.variableHeader().isWillRetain())
                .setDelaySeconds(v5 ? unsigned(willProperties, MqttProperties.WILL_DELAY_INTERVAL, 0) : 0)
                .setProperties(properties)
                .build();
    }

    private static long unsigned(MqttProperties properties, int id, long absent) {
        MqttProperties.MqttProperty<?> property = properties == null ? null : properties.getProperty(id);
        return property == null ? absent : Integer.toUnsignedLong((Integer) property.value());
    }
}

package io.gull.edge.mqtt;

import io.gull.edge.EdgeConfig;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttProperties;

/** The CONNACK of an accepted connection, with the 5.0 properties that tell the client this edge's limits. */
final class Connacks {

    private Connacks() {
    }

    /**
     * @param sessionPresent       from the auth decision (MQTT-3.2.2-2 / 3.2.2.1.1)
     * @param grantedExpirySeconds the decision's session expiry when it lowered the asked one, else null
     * @param assignedClientId     the id the edge gave a 5.0 client that sent none, else null
     */
    static MqttConnAckMessage accepted(ClientSession session, EdgeConfig config, boolean sessionPresent,
                                       Long grantedExpirySeconds, String assignedClientId) {
        MqttProperties properties = MqttProperties.NO_PROPERTIES;
        if (session.isV5()) {
            // no Maximum QoS property: QoS 2 is supported (5.0 section 3.2.2.3.4, absent = 2). Built by hand: the
            // builder would add properties we do not mean (e.g. Session Expiry 0)
            properties = new MqttProperties();
            properties.add(integer(MqttProperties.RECEIVE_MAXIMUM, config.maxInflightPerConnection()));
            properties.add(integer(MqttProperties.MAXIMUM_PACKET_SIZE, config.maxPacketSize()));
            properties.add(integer(MqttProperties.RETAIN_AVAILABLE, 1));
            properties.add(integer(MqttProperties.TOPIC_ALIAS_MAXIMUM, 0));
            properties.add(integer(MqttProperties.WILDCARD_SUBSCRIPTION_AVAILABLE, 1));
            properties.add(integer(MqttProperties.SUBSCRIPTION_IDENTIFIER_AVAILABLE, 1));
            properties.add(integer(MqttProperties.SHARED_SUBSCRIPTION_AVAILABLE, 1));
            if (grantedExpirySeconds != null) {
                properties.add(integer(MqttProperties.SESSION_EXPIRY_INTERVAL,
                        (int) Math.min(grantedExpirySeconds, 0xFFFFFFFFL)));
            }
            if (assignedClientId != null) {
                properties.add(new MqttProperties.StringProperty(MqttProperties.ASSIGNED_CLIENT_IDENTIFIER,
                        assignedClientId));
            }
        }
        return MqttMessageBuilders.connAck()
                .returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED)
                .sessionPresent(sessionPresent)
                .properties(properties)
                .build();
    }

    private static MqttProperties.IntegerProperty integer(int id, int value) {
        return new MqttProperties.IntegerProperty(id, value);
    }
}

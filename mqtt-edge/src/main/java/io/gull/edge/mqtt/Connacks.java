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

    static MqttConnAckMessage accepted(ClientSession session, EdgeConfig config) {
        MqttProperties properties = session.isV5()
                ? new MqttMessageBuilders.ConnAckPropertiesBuilder()
                        .maximumQos((byte) 1) // QoS 2 comes with the next issue
                        .receiveMaximum(config.maxInflightPerConnection())
                        .maximumPacketSize(config.maxPacketSize())
                        .retainAvailable(true) // the flag is carried in the envelope; the builder's default is 0
                        .topicAliasMaximum(0)
                        .sessionExpiryInterval(0) // no persistent sessions yet
                        .wildcardSubscriptionAvailable(false)
                        .subscriptionIdentifiersAvailable(false)
                        .sharedSubscriptionAvailable(false)
                        .build()
                : MqttProperties.NO_PROPERTIES;
        return MqttMessageBuilders.connAck()
                .returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED)
                .sessionPresent(false)
                .properties(properties)
                .build();
    }
}

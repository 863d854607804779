package io.gull.edge.mqtt;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import io.netty.handler.codec.mqtt.MqttVersion;

/** Builds the packets the edge sends on its own initiative and closes connections the MQTT way. */
final class Replies {

    private Replies() {
    }

    /** Sends a refusing CONNACK, then closes (MQTT-3.2.2-5 / 5.0: a non-zero code is followed by close). */
    static void refuseConnect(Channel channel, MqttConnectReturnCode code) {
        MqttMessage connAck = MqttMessageBuilders.connAck().returnCode(code).sessionPresent(false).build();
        channel.writeAndFlush(connAck).addListener(ChannelFutureListener.CLOSE);
    }

    /**
     * Ends an accepted connection: 5.0 clients get a DISCONNECT with {@code reason} first (section 3.14),
     * 3.1.1 clients, which have no server DISCONNECT, are just closed.
     */
    static void disconnect(Channel channel, MqttVersion version, MqttReasonCodes.Disconnect reason) {
        if (version == MqttVersion.MQTT_5 && channel.isActive()) {
            MqttMessage disconnect = MqttMessageBuilders.disconnect()
                    .reasonCode(reason.byteValue())
                    .properties(MqttProperties.NO_PROPERTIES)
                    .build();
            channel.writeAndFlush(disconnect).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }
}

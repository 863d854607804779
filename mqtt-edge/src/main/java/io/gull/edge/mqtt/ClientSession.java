package io.gull.edge.mqtt;

import io.netty.handler.codec.mqtt.MqttVersion;

/**
 * An accepted connection: who it is, which protocol it speaks, which tenant the auth job said it belongs to.
 * {@code connectionId} is a random UUID per network connection (reported in session events).
 */
public record ClientSession(String connectionId, String clientId, String tenant, MqttVersion version,
                            boolean cleanStart, int keepAliveSeconds) {

    public boolean isV5() {
        return version == MqttVersion.MQTT_5;
    }
}

package io.gull.edge.mqtt;

import io.netty.handler.codec.mqtt.MqttVersion;

/** An accepted connection: who it is, which protocol it speaks, which tenant the auth job said it belongs to. */
public record ClientSession(String clientId, String tenant, MqttVersion version, boolean cleanStart,
                            int keepAliveSeconds) {

    public boolean isV5() {
        return version == MqttVersion.MQTT_5;
    }
}

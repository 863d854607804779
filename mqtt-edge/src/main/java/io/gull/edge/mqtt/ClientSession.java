package io.gull.edge.mqtt;

import java.util.List;

import io.netty.handler.codec.mqtt.MqttVersion;

/**
 * An accepted connection: who it is, which protocol it speaks, which tenant the auth job said it belongs to.
 * {@code connectionId} is a random UUID per network connection (reported in session events, the address of
 * deliveries). {@code sessionExpirySeconds} is what the CONNECT asked for (3.1.1: 0 or never);
 * {@code awaitingRelease} the packet ids of incoming QoS 2 messages the resumed session still waits a PUBREL for;
 * {@code maximumPacketSize} the largest packet the client accepts (5.0 CONNECT property, else no limit).
 */
public record ClientSession(String connectionId, String clientId, String tenant, MqttVersion version,
                            boolean cleanStart, int keepAliveSeconds, long sessionExpirySeconds,
                            List<Integer> awaitingRelease, long maximumPacketSize) {
    /** No Maximum Packet Size given: the protocol's limit (5.0 section 3.1.2.11.4). */
    public static final long NO_PACKET_LIMIT = 268_435_460L;

    public ClientSession {
        awaitingRelease = awaitingRelease == null ? List.of() : List.copyOf(awaitingRelease);
    }

    public boolean isV5() {
        return version == MqttVersion.MQTT_5;
    }
}

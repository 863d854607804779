package io.gull.edge.mqtt;

import io.gull.schemas.avro.AuthOutcome;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttVersion;

/**
 * CONNACK return codes (3.1.1, section 3.2.2.3) and reason codes (5.0, section 3.2.2.2) for every way a
 * CONNECT can end, per protocol version.
 */
public final class ConnackCodes {

    private ConnackCodes() {
    }

    /** The client id is empty or otherwise unusable: 0x02 / 0x85. */
    public static MqttConnectReturnCode identifierRejected(MqttVersion version) {
        return v5(version)
                ? MqttConnectReturnCode.CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID
                : MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED;
    }

    /** Wrong, missing or unknown credentials: 0x05 (not authorized) / 0x86 (bad user name or password). */
    public static MqttConnectReturnCode badCredentials(MqttVersion version) {
        return v5(version)
                ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                : MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED;
    }

    /** Known device with valid credentials that may not connect: 0x05 / 0x87 (not authorized). */
    public static MqttConnectReturnCode notAuthorized(MqttVersion version) {
        return v5(version)
                ? MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5
                : MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED;
    }

    /** No auth decision in time, or Kafka unreachable: 0x03 / 0x88. */
    public static MqttConnectReturnCode serverUnavailable(MqttVersion version) {
        return v5(version)
                ? MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5
                : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE;
    }

    /**
     * Too many failed authentications: of the client id (the sessions job's lock-out) or of the source address (the
     * edge's limit). 5.0: 0x9F Connection rate exceeded, which says "back off" without saying whether the password
     * was right (it was not checked). 3.1.1 has no such code: 0x05 not authorized (0x03 would invite a retry at once).
     */
    public static MqttConnectReturnCode rateExceeded(MqttVersion version) {
        return v5(version)
                ? MqttConnectReturnCode.CONNECTION_REFUSED_CONNECTION_RATE_EXCEEDED
                : MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED;
    }

    /** A protocol this edge does not speak (e.g. MQTT 3.1): 0x01, sent in 3.1.1 format. */
    public static MqttConnectReturnCode unacceptableProtocolVersion() {
        return MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION;
    }

    /** The CONNECT packet was larger than the maximum packet size: 5.0 only, 0x95. */
    public static MqttConnectReturnCode packetTooLarge() {
        return MqttConnectReturnCode.CONNECTION_REFUSED_PACKET_TOO_LARGE;
    }

    /** The will's topic is not a valid topic name: 5.0 only, 0x90 (3.1.1 has no code: the connection is closed). */
    public static MqttConnectReturnCode topicNameInvalid() {
        return MqttConnectReturnCode.CONNECTION_REFUSED_TOPIC_NAME_INVALID;
    }

    /** The CONNACK code for an auth decision that did not allow the device. */
    public static MqttConnectReturnCode refusal(AuthOutcome outcome, MqttVersion version) {
        return switch (outcome) {
            case NOT_AUTHORIZED -> notAuthorized(version);
            case BAD_CREDENTIALS, UNKNOWN_DEVICE -> badCredentials(version);
            case RATE_LIMITED -> rateExceeded(version);
            case ALLOWED -> throw new IllegalArgumentException("ALLOWED is not a refusal");
        };
    }

    private static boolean v5(MqttVersion version) {
        return version == MqttVersion.MQTT_5;
    }
}

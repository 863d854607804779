package io.gull.edge.mqtt;

import java.util.Optional;

import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttVersion;

/**
 * The rules of a CONNECT that Netty's decoder leaves to the server: the will flags (MQTT-3.1.2-11 to -14), a 3.1.1
 * password without user name (MQTT-3.1.2-22), the values of the 5.0 properties (section 3.1.2.11), and enhanced
 * authentication, which this edge does not support (MQTT-4.12.0-1: close). A CONNECT that breaks one is refused
 * before anything else is looked at: a 5.0 client is told with the CONNACK code, a 3.1.1 client has no code for it
 * and is just disconnected.
 */
final class ConnectViolations {

    /** What is wrong, and the 5.0 CONNACK code that says it. */
    record Violation(String why, MqttConnectReturnCode v5Code) {
    }

    private ConnectViolations() {
    }

    static Optional<Violation> of(MqttConnectMessage connect, MqttVersion version) {
        MqttConnectVariableHeader header = connect.variableHeader();
        if (!header.isWillFlag() && (header.willQos() != 0 || header.isWillRetain())) {
            return malformed("Will QoS or Will Retain set without the Will Flag (MQTT-3.1.2-11, MQTT-3.1.2-13)");
        }
        if (header.isWillFlag() && header.willQos() > 2) {
            return malformed("Will QoS " + header.willQos() + " (MQTT-3.1.2-14)");
        }
        if (version == MqttVersion.MQTT_3_1_1 && header.hasPassword() && !header.hasUserName()) {
            return malformed("a password without user name (MQTT-3.1.2-22)");
        }
        if (version != MqttVersion.MQTT_5) {
            return Optional.empty();
        }
        MqttProperties properties = header.properties();
        if (intValue(properties, MqttProperties.RECEIVE_MAXIMUM) == 0) {
            return protocolError("Receive Maximum 0 (section 3.1.2.11.3)");
        }
        if (intValue(properties, MqttProperties.MAXIMUM_PACKET_SIZE) == 0) {
            return protocolError("Maximum Packet Size 0 (section 3.1.2.11.4)");
        }
        if (!isZeroOrOne(intValue(properties, MqttProperties.REQUEST_RESPONSE_INFORMATION))
                || !isZeroOrOne(intValue(properties, MqttProperties.REQUEST_PROBLEM_INFORMATION))) {
            return protocolError("Request Response or Problem Information other than 0 or 1 (sections 3.1.2.11.6-7)");
        }
        if (properties.getProperty(MqttProperties.AUTHENTICATION_METHOD) != null) {
            return Optional.of(new Violation("enhanced authentication, which this edge does not support "
                    + "(MQTT-4.12.0-1)", MqttConnectReturnCode.CONNECTION_REFUSED_BAD_AUTHENTICATION_METHOD));
        }
        if (properties.getProperty(MqttProperties.AUTHENTICATION_DATA) != null) {
            return protocolError("Authentication Data without Authentication Method (section 3.1.2.11.10)");
        }
        return Optional.empty();
    }

    private static Optional<Violation> malformed(String why) {
        return Optional.of(new Violation(why, MqttConnectReturnCode.CONNECTION_REFUSED_MALFORMED_PACKET));
    }

    private static Optional<Violation> protocolError(String why) {
        return Optional.of(new Violation(why, MqttConnectReturnCode.CONNECTION_REFUSED_PROTOCOL_ERROR));
    }

    /** The property's value, -1 when it is absent. */
    private static int intValue(MqttProperties properties, int id) {
        MqttProperties.MqttProperty<?> property = properties == null ? null : properties.getProperty(id);
        return property == null ? -1 : (Integer) property.value();
    }

    private static boolean isZeroOrOne(int value) {
        return value == -1 || value == 0 || value == 1;
    }
}

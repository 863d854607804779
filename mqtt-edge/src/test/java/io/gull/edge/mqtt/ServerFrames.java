package io.gull.edge.mqtt;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.netty.handler.codec.mqtt.MqttMessageType;

/**
 * The bytes an edge wrote to one connection, split into MQTT packets by their fixed headers only (no Netty
 * decoder, which would need the connection's version): what a fuzz test checks the edge's answers with.
 */
final class ServerFrames {

    /** One packet the edge sent: its type, the flags of its first byte and everything after the fixed header. */
    record Frame(MqttMessageType type, int flags, byte[] body) {
        /** The CONNACK return code (3.1.1) or reason code (5.0): the second byte of its variable header. */
        int connackCode() {
            return body.length >= 2 ? body[1] & 0xFF : -1;
        }

        /** The reason code of a 5.0 DISCONNECT; 0 when it has none (section 3.14.2.1). */
        int disconnectReason() {
            return body.length == 0 ? 0 : body[0] & 0xFF;
        }

        /** The packet identifier, the first two bytes of the variable header of the acknowledgements. */
        int packetId() {
            return body.length >= 2 ? (body[0] & 0xFF) << 8 | body[1] & 0xFF : -1;
        }

        /** The reason code of a 5.0 PUBACK / PUBREC / PUBREL / PUBCOMP, 0 when absent. */
        int pubReplyReason() {
            return body.length > 2 ? body[2] & 0xFF : 0;
        }

        @Override
        public String toString() {
            return type + "(" + HexFormat.of().formatHex(body, 0, Math.min(body.length, 16))
                    + (body.length > 16 ? "..." : "") + ")";
        }
    }

    private ServerFrames() {
    }

    /**
     * Splits {@code bytes} into packets.
     *
     * @throws AssertionError when they are not a sequence of complete, well-framed MQTT packets of a type a
     *                        server may send
     */
    static List<Frame> parse(byte[] bytes) {
        List<Frame> frames = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int first = bytes[at] & 0xFF;
            int length = 0;
            int multiplier = 1;
            int i = at + 1;
            while (true) {
                if (i >= bytes.length || i - at > 4) {
                    throw new AssertionError("the edge wrote a truncated or over-long fixed header at byte " + at
                            + ": " + HexFormat.of().formatHex(bytes));
                }
                int digit = bytes[i++] & 0xFF;
                length += (digit & 0x7F) * multiplier;
                multiplier *= 128;
                if ((digit & 0x80) == 0) {
                    break;
                }
            }
            if (i + length > bytes.length) {
                throw new AssertionError("the edge wrote a packet of " + length + " bytes but only "
                        + (bytes.length - i) + " follow: " + HexFormat.of().formatHex(bytes));
            }
            MqttMessageType type = serverType(first >> 4);
            byte[] body = new byte[length];
            System.arraycopy(bytes, i, body, 0, length);
            frames.add(new Frame(type, first & 0x0F, body));
            at = i + length;
        }
        return frames;
    }

    private static MqttMessageType serverType(int value) {
        MqttMessageType type = value == 0 ? null : MqttMessageType.valueOf(value);
        if (type == null || type == MqttMessageType.CONNECT || type == MqttMessageType.SUBSCRIBE
                || type == MqttMessageType.UNSUBSCRIBE || type == MqttMessageType.PINGREQ) {
            throw new AssertionError("the edge wrote a packet of type " + value + ", which a server never sends");
        }
        return type;
    }
}

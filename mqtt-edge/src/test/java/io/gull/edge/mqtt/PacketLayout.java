package io.gull.edge.mqtt;

import java.io.ByteArrayOutputStream;
import java.util.OptionalInt;

/**
 * Where the fields of one well-formed, encoded client packet are, so that mutations can aim at them (the CONNECT
 * flags, a string, the properties, a subscription's options) instead of at random bytes. Offsets are indexes into
 * the packet's bytes; empty when the packet has no such field or is too short to have it.
 */
final class PacketLayout {
    static final int CONNECT = 1;
    static final int PUBLISH = 3;
    static final int SUBSCRIBE = 8;
    static final int UNSUBSCRIBE = 10;

    private PacketLayout() {
    }

    static int type(byte[] packet) {
        return (packet[0] & 0xFF) >> 4;
    }

    /** Bytes of the fixed header: the first byte and the Remaining Length (1-4 bytes). */
    static int headerLength(byte[] packet) {
        int i = 1;
        while (i < packet.length && i < 5 && (packet[i] & 0x80) != 0) {
            i++;
        }
        return i + 1;
    }

    /** The CONNECT flags byte (3.1.2.3): after the protocol name and level. */
    static OptionalInt connectFlags(byte[] packet) {
        if (type(packet) != CONNECT) {
            return OptionalInt.empty();
        }
        int name = headerLength(packet);
        return within(packet, name + 2 + u16(packet, name) + 1);
    }

    /** The properties of a 5.0 packet: the offset of their length (a Variable Byte Integer). */
    static OptionalInt properties(byte[] packet) {
        int h = headerLength(packet);
        return switch (type(packet)) {
            case CONNECT -> connectFlags(packet).isPresent()
                    ? within(packet, connectFlags(packet).getAsInt() + 3) : OptionalInt.empty();
            case PUBLISH -> within(packet, h + 2 + u16(packet, h) + (((packet[0] >> 1) & 3) > 0 ? 2 : 0));
            case SUBSCRIBE, UNSUBSCRIBE -> within(packet, h + 2);
            default -> OptionalInt.empty();
        };
    }

    /**
     * The first UTF-8 string a server must validate: the client id of a CONNECT, the topic of a PUBLISH, the
     * first filter of a SUBSCRIBE / UNSUBSCRIBE. The offset of its two length bytes.
     */
    static OptionalInt firstString(byte[] packet, boolean v5) {
        int h = headerLength(packet);
        return switch (type(packet)) {
            case CONNECT -> afterProperties(packet, v5);
            case PUBLISH -> within(packet, h);
            case SUBSCRIBE, UNSUBSCRIBE -> v5 ? afterProperties(packet, true) : within(packet, h + 2);
            default -> OptionalInt.empty();
        };
    }

    /** The options byte of the first subscription of a SUBSCRIBE (3.8.3.1). */
    static OptionalInt firstSubscriptionOptions(byte[] packet, boolean v5) {
        if (type(packet) != SUBSCRIBE) {
            return OptionalInt.empty();
        }
        OptionalInt filter = firstString(packet, v5);
        return filter.isPresent() ? within(packet, filter.getAsInt() + 2 + u16(packet, filter.getAsInt()))
                : OptionalInt.empty();
    }

    /** The packet with its Remaining Length re-encoded to match its body. */
    static byte[] withBody(byte first, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(first);
        out.writeBytes(varInt(body.length));
        out.writeBytes(body);
        return out.toByteArray();
    }

    static byte[] body(byte[] packet) {
        int h = Math.min(headerLength(packet), packet.length);
        byte[] body = new byte[packet.length - h];
        System.arraycopy(packet, h, body, 0, body.length);
        return body;
    }

    /** A Variable Byte Integer (1.5.5); values above 268435455 give the invalid five-byte form. */
    static byte[] varInt(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long v = value;
        do {
            int digit = (int) (v % 128);
            v /= 128;
            if (v > 0) {
                digit |= 0x80;
            }
            out.write(digit);
        } while (v > 0);
        return out.toByteArray();
    }

    private static OptionalInt afterProperties(byte[] packet, boolean v5) {
        OptionalInt properties = properties(packet);
        if (properties.isEmpty()) {
            return OptionalInt.empty();
        }
        int at = properties.getAsInt();
        if (!v5) {
            return within(packet, at);
        }
        int length = 0;
        int multiplier = 1;
        int i = at;
        while (i < packet.length && i - at < 4) {
            int digit = packet[i++] & 0xFF;
            length += (digit & 0x7F) * multiplier;
            multiplier *= 128;
            if ((digit & 0x80) == 0) {
                return within(packet, i + length);
            }
        }
        return OptionalInt.empty();
    }

    private static int u16(byte[] packet, int at) {
        return at + 1 < packet.length ? (packet[at] & 0xFF) << 8 | packet[at + 1] & 0xFF : 0;
    }

    private static OptionalInt within(byte[] packet, int offset) {
        return offset >= 0 && offset < packet.length ? OptionalInt.of(offset) : OptionalInt.empty();
    }
}

package io.gull.devstack.e2e;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The MQTT wire encoding the hand-written test clients share (MQTT 5.0 section 1.5, 2.1). */
final class MqttWire {
    private MqttWire() {
    }

    /** One packet: fixed header byte, remaining length, body. */
    static void send(OutputStream out, int header, ByteArrayOutputStream body) throws IOException {
        synchronized (out) {
            out.write(header);
            writeVarInt(out, body.size());
            body.writeTo(out);
            out.flush();
        }
    }

    /** The body of the next packet, its fixed header byte already read. */
    static byte[] readBody(DataInputStream in) throws IOException {
        int length = 0;
        int shift = 0;
        int digit;
        do {
            digit = in.readUnsignedByte();
            length |= (digit & 0x7F) << shift;
            shift += 7;
        } while ((digit & 0x80) != 0);
        byte[] body = new byte[length];
        in.readFully(body);
        return body;
    }

    /** A Variable Byte Integer (remaining length, property lengths). */
    static void writeVarInt(OutputStream out, int value) throws IOException {
        int remaining = value;
        do {
            int digit = remaining % 128;
            remaining /= 128;
            out.write(remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
    }

    static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value >> 8 & 0xFF);
        out.write(value & 0xFF);
    }

    /** A UTF-8 string with its two-byte length. */
    static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeShort(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }
}

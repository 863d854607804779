package io.gull.devstack.e2e;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * An MQTT 3.1.1 device written by hand, to send what real clients send only after a crash: a PUBLISH with the DUP
 * flag and the packet id of a message it already sent on an earlier connection (MQTT-4.4.0-1).
 */
final class ResendingDevice implements AutoCloseable {
    private static final int PUBACK = 0x40;
    private static final int PUBREC = 0x50;
    private static final int PUBCOMP = 0x70;

    private final Socket socket;
    private final DataInputStream in;

    private ResendingDevice(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Connects with clean session 0 (the session and its in-flight messages outlive the connection). */
    static ResendingDevice connect(String uri, String clientId, String password) throws IOException {
        URI parsed = URI.create(uri);
        Socket socket = new Socket(parsed.getHost(), parsed.getPort());
        socket.setSoTimeout(60_000);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        MqttWire.writeString(body, "MQTT");
        body.write(4); // protocol level 3.1.1
        body.write(0x80 | 0x40); // user name, password, clean session 0
        body.write(0);
        body.write(60); // keep alive 60 s
        MqttWire.writeString(body, clientId);
        MqttWire.writeString(body, clientId);
        MqttWire.writeString(body, password);
        ResendingDevice device = new ResendingDevice(socket);
        device.send(0x10, body);
        byte[] connack = device.expect(0x20);
        if (connack.length != 2 || connack[1] != 0) {
            socket.close();
            throw new IOException("CONNECT refused with return code " + (connack.length == 2 ? connack[1] : -1));
        }
        return device;
    }

    /** Sends a QoS 1 or 2 PUBLISH and waits for its PUBACK or PUBREC. */
    void publish(String topic, String payload, int qos, int packetId, boolean dup) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        MqttWire.writeString(body, topic);
        MqttWire.writeShort(body, packetId);
        body.writeBytes(payload.getBytes(StandardCharsets.UTF_8));
        send(0x30 | (dup ? 0x08 : 0) | qos << 1, body);
        expectAck(qos == 1 ? PUBACK : PUBREC, packetId);
    }

    /** Sends PUBREL and waits for PUBCOMP. */
    void release(int packetId) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        MqttWire.writeShort(body, packetId);
        send(0x62, body);
        expectAck(PUBCOMP, packetId);
    }

    @Override
    public void close() throws IOException {
        socket.close(); // no DISCONNECT: the connection just ends, as when a device loses its network
    }

    private void expectAck(int type, int packetId) throws IOException {
        byte[] ack = expect(type);
        int acked = (ack[0] & 0xFF) << 8 | ack[1] & 0xFF;
        if (acked != packetId) {
            throw new IOException("ack for packet id " + acked + ", expected " + packetId);
        }
    }

    private byte[] expect(int type) throws IOException {
        int header = in.readUnsignedByte();
        byte[] body = MqttWire.readBody(in);
        if ((header & 0xF0) != type) {
            throw new IOException("expected packet type 0x" + Integer.toHexString(type) + ", got 0x"
                    + Integer.toHexString(header));
        }
        return body;
    }

    private void send(int header, ByteArrayOutputStream body) throws IOException {
        MqttWire.send(socket.getOutputStream(), header, body);
    }
}

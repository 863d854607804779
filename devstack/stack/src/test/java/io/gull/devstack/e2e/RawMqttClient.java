package io.gull.devstack.e2e;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * An MQTT 3.1.1 client written by hand, for what real clients will not do on purpose: connect with a will and then
 * go silent (no PINGREQ), so the edge's keep-alive expiry ends the connection.
 */
final class RawMqttClient implements AutoCloseable {
    private final Socket socket;

    private RawMqttClient(Socket socket) {
        this.socket = socket;
    }

    /** Connects anonymously with clean session, {@code keepAliveSeconds} and a QoS 1 will; waits for CONNACK 0x00. */
    static RawMqttClient connectWithWill(String uri, String clientId, int keepAliveSeconds, String willTopic,
            String willPayload) throws IOException {
        URI parsed = URI.create(uri);
        Socket socket = new Socket(parsed.getHost(), parsed.getPort());
        socket.setSoTimeout(60_000);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQTT");
        body.write(4); // protocol level 3.1.1
        body.write(0x02 | 0x04 | (1 << 3)); // clean session, will flag, will QoS 1
        body.write(keepAliveSeconds >> 8);
        body.write(keepAliveSeconds & 0xFF);
        writeString(body, clientId);
        writeString(body, willTopic);
        writeString(body, willPayload);
        OutputStream out = socket.getOutputStream();
        out.write(0x10);
        writeRemainingLength(out, body.size());
        body.writeTo(out);
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int type = in.readUnsignedByte();
        int length = in.readUnsignedByte();
        byte[] rest = new byte[length];
        in.readFully(rest);
        if (type != 0x20 || length != 2 || rest[1] != 0) {
            socket.close();
            throw new IOException("CONNECT refused: packet type 0x" + Integer.toHexString(type) + ", return code "
                    + (length == 2 ? rest[1] : -1));
        }
        return new RawMqttClient(socket);
    }

    /** True once the server closed the connection (reads until end of stream or the socket timeout). */
    boolean closedByServer() {
        try {
            return socket.getInputStream().read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.write(bytes, 0, bytes.length);
    }

    private static void writeRemainingLength(OutputStream out, int length) throws IOException {
        int remaining = length;
        do {
            int digit = remaining % 128;
            remaining /= 128;
            out.write(remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
    }
}

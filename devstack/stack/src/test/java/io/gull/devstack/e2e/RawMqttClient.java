package io.gull.devstack.e2e;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;

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
        MqttWire.writeString(body, "MQTT");
        body.write(4); // protocol level 3.1.1
        body.write(0x02 | 0x04 | (1 << 3)); // clean session, will flag, will QoS 1
        body.write(keepAliveSeconds >> 8);
        body.write(keepAliveSeconds & 0xFF);
        MqttWire.writeString(body, clientId);
        MqttWire.writeString(body, willTopic);
        MqttWire.writeString(body, willPayload);
        MqttWire.send(socket.getOutputStream(), 0x10, body);
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
}

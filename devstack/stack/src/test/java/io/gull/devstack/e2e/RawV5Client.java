package io.gull.devstack.e2e;

import static io.gull.devstack.e2e.MqttWire.readBody;
import static io.gull.devstack.e2e.MqttWire.writeShort;
import static io.gull.devstack.e2e.MqttWire.writeString;
import static io.gull.devstack.e2e.MqttWire.writeVarInt;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An MQTT 5 client written by hand, for what real clients will not do on purpose: receive QoS 1 messages and never
 * send PUBACK, or lose its connection without a DISCONNECT while it has a will with a Will Delay Interval. It
 * connects without credentials (the test stack lets anonymous clients in) and with keep-alive 0, reads every packet
 * on a thread of its own and records each PUBLISH it gets; {@link #close()} just closes the socket.
 */
final class RawV5Client implements AutoCloseable {
    private static final int TIMEOUT_SECONDS = 60;
    private static final int PUBLISH = 0x30;
    private static final int PUBACK = 0x40;
    private static final int SUBACK = 0x90;
    private static final int DISCONNECT = 0xE0;

    private final Socket socket;
    private final DataInputStream in;
    private final boolean acking;
    private final boolean sessionPresent;
    private final List<Received> received = new ArrayList<>();
    private final CompletableFuture<Integer> subAck = new CompletableFuture<>();
    private volatile Integer serverDisconnectReason;
    private volatile boolean closedByServer;

    /**
     * What the CONNECT asks for.
     *
     * @param receiveMaximum 0: no Receive Maximum property (65,535)
     * @param will           null: no will
     * @param acking         true: every QoS 1 PUBLISH is answered with PUBACK; false: none ever is
     */
    record Options(String clientId, boolean cleanStart, long sessionExpirySeconds, int receiveMaximum, Will will,
            boolean acking) {
    }

    /** A QoS 1 will (not retained) published {@code delaySeconds} after the connection is lost. */
    record Will(String topic, String payload, long delaySeconds) {
    }

    /** One PUBLISH as the client read it. */
    record Received(String topic, String payload, int qos, boolean duplicate, int packetId) {
    }

    private RawV5Client(Socket socket, DataInputStream in, boolean acking, boolean sessionPresent) {
        this.socket = socket;
        this.in = in;
        this.acking = acking;
        this.sessionPresent = sessionPresent;
    }

    /** Connects and waits for CONNACK; a CONNACK with a reason code other than 0x00 throws. */
    static RawV5Client connect(String uri, Options options) throws IOException {
        URI parsed = URI.create(uri);
        Socket socket = new Socket(parsed.getHost(), parsed.getPort());
        socket.setSoTimeout(TIMEOUT_SECONDS * 1000);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQTT");
        body.write(5); // protocol level 5.0
        Will will = options.will();
        int flags = (options.cleanStart() ? 0x02 : 0) | (will != null ? 0x04 | 1 << 3 : 0); // will QoS 1
        body.write(flags);
        writeShort(body, 0); // keep-alive 0: the edge never closes it for silence
        ByteArrayOutputStream properties = new ByteArrayOutputStream();
        if (options.sessionExpirySeconds() > 0) {
            properties.write(0x11); // Session Expiry Interval
            writeInt(properties, options.sessionExpirySeconds());
        }
        if (options.receiveMaximum() > 0) {
            properties.write(0x21); // Receive Maximum
            writeShort(properties, options.receiveMaximum());
        }
        writeProperties(body, properties);
        writeString(body, options.clientId());
        if (will != null) {
            ByteArrayOutputStream willProperties = new ByteArrayOutputStream();
            if (will.delaySeconds() > 0) {
                willProperties.write(0x18); // Will Delay Interval
                writeInt(willProperties, will.delaySeconds());
            }
            writeProperties(body, willProperties);
            writeString(body, will.topic());
            writeString(body, will.payload());
        }
        DataInputStream in = new DataInputStream(socket.getInputStream());
        try {
            MqttWire.send(socket.getOutputStream(), 0x10, body);
            int header = in.readUnsignedByte();
            byte[] connack = readBody(in);
            if ((header & 0xF0) != 0x20 || connack.length < 2 || connack[1] != 0) {
                throw new IOException("CONNECT refused: packet type 0x" + Integer.toHexString(header)
                        + ", reason code 0x" + (connack.length >= 2 ? Integer.toHexString(connack[1] & 0xFF) : "?"));
            }
            socket.setSoTimeout(0); // from now on the reader thread waits as long as the connection lasts
            RawV5Client client = new RawV5Client(socket, in, options.acking(), (connack[0] & 0x01) != 0);
            Thread reader = new Thread(client::readLoop, "raw-v5-" + options.clientId());
            reader.setDaemon(true);
            reader.start();
            return client;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    boolean sessionPresent() {
        return sessionPresent;
    }

    /** Subscribes to one filter (packet id 1) and waits for the SUBACK; a refused filter throws. */
    void subscribe(String filter, int qos) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeShort(body, 1);
        body.write(0); // no properties
        writeString(body, filter);
        body.write(qos);
        send(0x82, body);
        int reason = subAck.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (reason >= 0x80) {
            throw new IllegalStateException("SUBSCRIBE refused with reason code 0x" + Integer.toHexString(reason));
        }
    }

    /** Every PUBLISH read so far, in arrival order. */
    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The payloads of the PUBLISHes read so far on {@code topic}, in arrival order. */
    List<String> payloadsOn(String topic) {
        return received().stream().filter(m -> m.topic().equals(topic)).map(Received::payload).toList();
    }

    /** True once the server ended the connection (with or without a DISCONNECT). */
    boolean closedByServer() {
        return closedByServer;
    }

    /** The reason code of the server's DISCONNECT, or null while none came. */
    Integer serverDisconnectReason() {
        return serverDisconnectReason;
    }

    /** Closes the socket without DISCONNECT: to the edge the network connection is just lost. */
    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void readLoop() {
        try {
            while (true) {
                int header = in.readUnsignedByte();
                byte[] body = readBody(in);
                switch (header & 0xF0) {
                    case PUBLISH -> onPublish(header, body);
                    case SUBACK -> subAck.complete(subAckReason(body));
                    case DISCONNECT -> serverDisconnectReason = body.length == 0 ? 0 : body[0] & 0xFF;
                    default -> {
                        // PINGRESP, PUBREL and the like: nothing this client needs
                    }
                }
            }
        } catch (IOException e) {
            closedByServer = !socket.isClosed(); // end of stream or reset, unless this side closed it
        }
    }

    private void onPublish(int header, byte[] body) throws IOException {
        int qos = header >> 1 & 0x03;
        int position = 0;
        int topicLength = (body[0] & 0xFF) << 8 | body[1] & 0xFF;
        position += 2;
        String topic = new String(body, position, topicLength, StandardCharsets.UTF_8);
        position += topicLength;
        int packetId = 0;
        if (qos > 0) {
            packetId = (body[position] & 0xFF) << 8 | body[position + 1] & 0xFF;
            position += 2;
        }
        int[] propertiesLength = readVarInt(body, position);
        position = propertiesLength[1] + propertiesLength[0];
        String payload = new String(body, position, body.length - position, StandardCharsets.UTF_8);
        synchronized (received) {
            received.add(new Received(topic, payload, qos, (header & 0x08) != 0, packetId));
        }
        if (qos == 1 && acking) {
            ByteArrayOutputStream ack = new ByteArrayOutputStream();
            writeShort(ack, packetId);
            send(PUBACK, ack);
        }
    }

    /** The first reason code of a SUBACK: packet id, properties, reason codes. */
    private static int subAckReason(byte[] body) {
        int[] propertiesLength = readVarInt(body, 2);
        return body[propertiesLength[1] + propertiesLength[0]] & 0xFF;
    }

    private void send(int header, ByteArrayOutputStream body) throws IOException {
        MqttWire.send(socket.getOutputStream(), header, body);
    }

    /** A Variable Byte Integer at {@code position}: {value, position after it}. */
    private static int[] readVarInt(byte[] bytes, int position) {
        int value = 0;
        int shift = 0;
        int at = position;
        int digit;
        do {
            digit = bytes[at++] & 0xFF;
            value |= (digit & 0x7F) << shift;
            shift += 7;
        } while ((digit & 0x80) != 0);
        return new int[] {value, at};
    }

    private static void writeProperties(ByteArrayOutputStream out, ByteArrayOutputStream properties)
            throws IOException {
        writeVarInt(out, properties.size());
        properties.writeTo(out);
    }

    private static void writeInt(ByteArrayOutputStream out, long value) {
        out.write((int) (value >> 24) & 0xFF);
        out.write((int) (value >> 16) & 0xFF);
        out.write((int) (value >> 8) & 0xFF);
        out.write((int) value & 0xFF);
    }
}

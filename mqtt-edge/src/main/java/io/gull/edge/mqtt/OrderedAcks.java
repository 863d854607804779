package io.gull.edge.mqtt;

import java.util.ArrayDeque;

import io.netty.handler.codec.mqtt.MqttMessage;

/**
 * The packets of one connection that wait for Kafka (PUBLISH, SUBSCRIBE, UNSUBSCRIBE), in arrival order, each
 * with the reply it is owed (PUBACK, PUBREC, SUBACK, UNSUBACK, PUBCOMP, or none for QoS 0). Kafka may
 * acknowledge records of different partitions out of order; this queue releases the replies strictly in the
 * order the packets arrived (MQTT-4.6.0-2). An entry Kafka did not store ({@link #fail}) stops the release:
 * nothing after it may be answered, the connection has to close once the replies before it are out. Not
 * thread-safe: used only on the connection's event loop.
 */
public final class OrderedAcks {

    /** The reply an entry is owed, built when it is released; the reason code is 0 on success. */
    @FunctionalInterface
    public interface Reply {
        MqttMessage packet(byte reasonCode);
    }

    /** Receives a releasable reply. */
    @FunctionalInterface
    public interface AckWriter {
        void write(MqttMessage packet);
    }

    private enum State { PENDING, DONE, FAILED }

    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private long inflightBytes;

    /** Appends a pending packet of {@code bytes} bytes; {@code reply} is null when it needs none (QoS 0). */
    public Entry add(Reply reply, int bytes) {
        Entry entry = new Entry(reply, bytes);
        queue.addLast(entry);
        inflightBytes += bytes;
        return entry;
    }

    /**
     * Marks {@code entry} as answered with {@code reasonCode} (0 = stored) and hands every reply that can now be
     * sent, oldest first, to {@code writer}.
     *
     * @return true when the oldest entry left has failed: the connection must close now
     */
    public boolean complete(Entry entry, byte reasonCode, AckWriter writer) {
        entry.state = State.DONE;
        entry.reasonCode = reasonCode;
        return release(writer);
    }

    /**
     * Marks {@code entry} as not stored: no reply for it or anything after it.
     *
     * @return true when it is (now or already) the oldest entry: the connection must close now
     */
    public boolean fail(Entry entry, AckWriter writer) {
        entry.state = State.FAILED;
        return release(writer);
    }

    private boolean release(AckWriter writer) {
        while (!queue.isEmpty() && queue.peekFirst().state == State.DONE) {
            Entry head = queue.pollFirst();
            inflightBytes -= head.bytes;
            if (head.reply != null) {
                writer.write(head.reply.packet(head.reasonCode));
            }
        }
        return !queue.isEmpty() && queue.peekFirst().state == State.FAILED;
    }

    /** Packets not yet released (stored or not). */
    public int inflight() {
        return queue.size();
    }

    /** Bytes of the packets not yet released. */
    public long inflightBytes() {
        return inflightBytes;
    }

    /** Forgets everything (the connection is gone; the client resends what was not acknowledged). */
    public void clear() {
        queue.clear();
        inflightBytes = 0;
    }

    /** One pending packet. */
    public static final class Entry {
        private final Reply reply;
        private final int bytes;
        private State state = State.PENDING;
        private byte reasonCode;

        private Entry(Reply reply, int bytes) {
            this.reply = reply;
            this.bytes = bytes;
        }
    }
}

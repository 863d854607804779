package io.gull.edge.mqtt;

import java.util.ArrayDeque;

/**
 * The PUBLISHes of one connection that wait for Kafka, in arrival order. Kafka may acknowledge records of
 * different partitions out of order; this queue releases PUBACKs strictly in the order the PUBLISHes
 * arrived (MQTT-4.6.0-2). An entry Kafka did not store ({@link #fail}) stops the release: nothing after it
 * may be acknowledged, the connection has to close once the PUBACKs before it are out. Not thread-safe:
 * used only on the connection's event loop.
 */
public final class OrderedAcks {
    /** Packet id of an entry that needs no PUBACK (QoS 0). */
    public static final int NO_ACK = -1;

    /** Receives a releasable PUBACK: packet id and reason code (0 = success). */
    @FunctionalInterface
    public interface AckWriter {
        void ack(int packetId, byte reasonCode);
    }

    private enum State { PENDING, DONE, FAILED }

    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private long inflightBytes;

    /** Appends a pending PUBLISH of {@code bytes} bytes; {@code packetId} is {@link #NO_ACK} for QoS 0. */
    public Entry add(int packetId, int bytes) {
        Entry entry = new Entry(packetId, bytes);
        queue.addLast(entry);
        inflightBytes += bytes;
        return entry;
    }

    /**
     * Marks {@code entry} as answered with {@code reasonCode} (0 = stored) and hands every PUBACK that can
     * now be sent, oldest first, to {@code ack}.
     *
     * @return true when the oldest entry left has failed: the connection must close now
     */
    public boolean complete(Entry entry, byte reasonCode, AckWriter ack) {
        entry.state = State.DONE;
        entry.reasonCode = reasonCode;
        return release(ack);
    }

    /**
     * Marks {@code entry} as not stored: no PUBACK for it or anything after it.
     *
     * @return true when it is (now or already) the oldest entry: the connection must close now
     */
    public boolean fail(Entry entry, AckWriter ack) {
        entry.state = State.FAILED;
        return release(ack);
    }

    private boolean release(AckWriter ack) {
        while (!queue.isEmpty() && queue.peekFirst().state == State.DONE) {
            Entry head = queue.pollFirst();
            inflightBytes -= head.bytes;
            if (head.packetId != NO_ACK) {
                ack.ack(head.packetId, head.reasonCode);
            }
        }
        return !queue.isEmpty() && queue.peekFirst().state == State.FAILED;
    }

    /** PUBLISHes not yet released (stored or not). */
    public int inflight() {
        return queue.size();
    }

    /** Bytes of the PUBLISHes not yet released. */
    public long inflightBytes() {
        return inflightBytes;
    }

    /** Forgets everything (the connection is gone; the client resends unacknowledged QoS 1 messages). */
    public void clear() {
        queue.clear();
        inflightBytes = 0;
    }

    /** One pending PUBLISH. */
    public static final class Entry {
        private final int packetId;
        private final int bytes;
        private State state = State.PENDING;
        private byte reasonCode;

        private Entry(int packetId, int bytes) {
            this.packetId = packetId;
            this.bytes = bytes;
        }

        public int packetId() {
            return packetId;
        }
    }
}

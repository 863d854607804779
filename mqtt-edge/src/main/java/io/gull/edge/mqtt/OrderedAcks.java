package io.gull.edge.mqtt;

import java.util.ArrayDeque;
import java.util.function.IntConsumer;

/**
 * The PUBLISHes of one connection that wait for Kafka, in arrival order. Kafka may acknowledge records of
 * different partitions out of order; this queue releases PUBACKs strictly in the order the PUBLISHes
 * arrived (MQTT-4.6.0-2). Not thread-safe: used only on the connection's event loop.
 */
public final class OrderedAcks {
    /** Packet id of an entry that needs no PUBACK (QoS 0). */
    public static final int NO_ACK = -1;

    private final ArrayDeque<Entry> queue = new ArrayDeque<>();

    /** Appends a pending PUBLISH; {@code packetId} is {@link #NO_ACK} for QoS 0. */
    public Entry add(int packetId) {
        Entry entry = new Entry(packetId);
        queue.addLast(entry);
        return entry;
    }

    /**
     * Marks {@code entry} as stored and hands every packet id that can now be acknowledged, oldest first,
     * to {@code ack}.
     */
    public void complete(Entry entry, IntConsumer ack) {
        entry.done = true;
        while (!queue.isEmpty() && queue.peekFirst().done) {
            Entry head = queue.pollFirst();
            if (head.packetId != NO_ACK) {
                ack.accept(head.packetId);
            }
        }
    }

    /** PUBLISHes not yet released (stored or not). */
    public int inflight() {
        return queue.size();
    }

    /** Forgets everything (the connection is gone; the client resends unacknowledged QoS 1 messages). */
    public void clear() {
        queue.clear();
    }

    /** One pending PUBLISH. */
    public static final class Entry {
        private final int packetId;
        private boolean done;

        private Entry(int packetId) {
            this.packetId = packetId;
        }

        public int packetId() {
            return packetId;
        }
    }
}

package io.gull.edge.mqtt;

import java.util.concurrent.atomic.AtomicLong;

/** Counts of what the edge did not deliver, across connections (for metrics and tests). Thread-safe. */
public final class DeliveryCounters {
    private final AtomicLong qos0DroppedNotWritable = new AtomicLong();
    private final AtomicLong duplicatesIgnored = new AtomicLong();
    private final AtomicLong tooLargeForClient = new AtomicLong();
    private final AtomicLong heldForPacketId = new AtomicLong();

    void packetIdInUse() {
        heldForPacketId.incrementAndGet();
    }

    /** Deliveries that had to wait because their packet id was still in use by another message (after a job restore). */
    public long heldForPacketId() {
        return heldForPacketId.get();
    }

    void discardedTooLarge() {
        tooLargeForClient.incrementAndGet();
    }

    /** Deliveries discarded because they exceed the client's Maximum Packet Size. */
    public long tooLargeForClient() {
        return tooLargeForClient.get();
    }

    void qos0Dropped() {
        qos0DroppedNotWritable.incrementAndGet();
    }

    void duplicateIgnored() {
        duplicatesIgnored.incrementAndGet();
    }

    /** QoS 0 deliveries dropped because the client did not read (channel not writable). */
    public long qos0DroppedNotWritable() {
        return qos0DroppedNotWritable.get();
    }

    /** Deliveries of a message already in flight or done on their connection. */
    public long duplicatesIgnored() {
        return duplicatesIgnored.get();
    }
}

package io.gull.flink.routing;

/** Where a queued QoS 1/2 message is in its delivery. */
public enum QueuedState {
    /** Waiting for a slot in the in-flight window. */
    QUEUED,
    /** Sent with a packet id, not yet acknowledged (PUBACK, or PUBREC for QoS 2). */
    SENT,
    /** QoS 2: the client sent PUBREC; it is resumed with PUBREL, never sent again, and ends with PUBCOMP. */
    RECEIVED
}

package io.gull.flink.routing;

/** What the delivery rules count (Flink counters in the job: {@link DeliveryMetrics}). */
interface DeliveryEvents {
    /** A PUBLISH sent (QoS 0, or the first send of a QoS 1/2 message). */
    void sent();

    /** A QoS 1/2 message taken into a session's queue. */
    void queued();

    /** A message for a client without a session (or QoS 1/2 for a non-persistent offline one). */
    void droppedNoSession();

    /** A QoS 0 message for an offline session. */
    void droppedOffline();

    /** The oldest waiting message dropped because the queue was full. */
    void droppedQueueOverflow();

    /** A message that expired before it could be sent. */
    void droppedExpired();

    /** A message already in the queue (same messageId), e.g. live and retained at once. */
    void duplicate();

    /** An acknowledgement applied (PUBACK, PUBREC, PUBCOMP). */
    void acked();

    /** An acknowledgement of nothing in flight (already acked, dropped, another session's). */
    void unknownAck();

    /** A message sent again on resume (DUP PUBLISH, or PUBREL). */
    void resent();
}

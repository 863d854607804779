package io.gull.flink.routing;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/** The delivery operator's counters (names as in docs/pubsub.md). */
final class DeliveryMetrics implements DeliveryEvents {
    static final String SENT = "deliveriesSent";
    static final String QUEUED = "queued";
    static final String DROPPED_NO_SESSION = "droppedNoSession";
    static final String DROPPED_OFFLINE = "droppedOffline";
    static final String DROPPED_OVERFLOW = "droppedQueueOverflow";
    static final String DROPPED_EXPIRED = "droppedExpired";
    static final String DUPLICATES = "duplicates";
    static final String ACKS = "acks";
    static final String UNKNOWN_ACKS = "unknownAcks";
    static final String RESENDS = "resends";

    private final Counter sent;
    private final Counter queued;
    private final Counter droppedNoSession;
    private final Counter droppedOffline;
    private final Counter droppedOverflow;
    private final Counter droppedExpired;
    private final Counter duplicates;
    private final Counter acks;
    private final Counter unknownAcks;
    private final Counter resends;

    DeliveryMetrics(MetricGroup group) {
        sent = group.counter(SENT);
        queued = group.counter(QUEUED);
        droppedNoSession = group.counter(DROPPED_NO_SESSION);
        droppedOffline = group.counter(DROPPED_OFFLINE);
        droppedOverflow = group.counter(DROPPED_OVERFLOW);
        droppedExpired = group.counter(DROPPED_EXPIRED);
        duplicates = group.counter(DUPLICATES);
        acks = group.counter(ACKS);
        unknownAcks = group.counter(UNKNOWN_ACKS);
        resends = group.counter(RESENDS);
    }

    @Override
    public void sent() {
        sent.inc();
    }

    @Override
    public void queued() {
        queued.inc();
    }

    @Override
    public void droppedNoSession() {
        droppedNoSession.inc();
    }

    @Override
    public void droppedOffline() {
        droppedOffline.inc();
    }

    @Override
    public void droppedQueueOverflow() {
        droppedOverflow.inc();
    }

    @Override
    public void droppedExpired() {
        droppedExpired.inc();
    }

    @Override
    public void duplicate() {
        duplicates.inc();
    }

    @Override
    public void acked() {
        acks.inc();
    }

    @Override
    public void unknownAck() {
        unknownAcks.inc();
    }

    @Override
    public void resent() {
        resends.inc();
    }

    long sentCount() {
        return sent.getCount();
    }

    long droppedNoSessionCount() {
        return droppedNoSession.getCount();
    }

    long droppedOverflowCount() {
        return droppedOverflow.getCount();
    }

    long droppedExpiredCount() {
        return droppedExpired.getCount();
    }

    long acksCount() {
        return acks.getCount();
    }

    long resendsCount() {
        return resends.getCount();
    }
}

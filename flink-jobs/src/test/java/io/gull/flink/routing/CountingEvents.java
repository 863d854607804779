package io.gull.flink.routing;

/** Delivery events counted in plain fields. */
final class CountingEvents implements DeliveryEvents {
    int sent;
    int queued;
    int droppedNoSession;
    int droppedOffline;
    int droppedQueueOverflow;
    int droppedExpired;
    int duplicates;
    int acked;
    int unknownAcks;
    int resent;

    @Override
    public void sent() {
        sent++;
    }

    @Override
    public void queued() {
        queued++;
    }

    @Override
    public void droppedNoSession() {
        droppedNoSession++;
    }

    @Override
    public void droppedOffline() {
        droppedOffline++;
    }

    @Override
    public void droppedQueueOverflow() {
        droppedQueueOverflow++;
    }

    @Override
    public void droppedExpired() {
        droppedExpired++;
    }

    @Override
    public void duplicate() {
        duplicates++;
    }

    @Override
    public void acked() {
        acked++;
    }

    @Override
    public void unknownAck() {
        unknownAcks++;
    }

    @Override
    public void resent() {
        resent++;
    }
}

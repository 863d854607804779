package io.gull.edge.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.gull.schemas.avro.DeliveryAck;
import io.netty.channel.ChannelHandlerContext;

/**
 * Collects one connection's acknowledgements of deliveries and reports them in ACKED session events: at most
 * {@value #MAX_ACKS} per event, at most {@value #MAX_DELAY_MS} ms after the first one, never one Kafka request
 * per ack. Best effort (the job resends what it did not hear about on the next connection); the sink logs an
 * outage once. Runs on the connection's event loop.
 */
final class AckBatcher {
    static final int MAX_ACKS = 100;
    static final long MAX_DELAY_MS = 5;

    private final ChannelHandlerContext ctx;
    private final ClientSession session;
    private final ConnectionServices services;
    private List<DeliveryAck> pending = new ArrayList<>();
    private ScheduledFuture<?> flushTimer;

    AckBatcher(ChannelHandlerContext ctx, ClientSession session, ConnectionServices services) {
        this.ctx = ctx;
        this.session = session;
        this.services = services;
    }

    void add(DeliveryAck ack) {
        pending.add(ack);
        if (pending.size() >= MAX_ACKS) {
            flush();
        } else if (flushTimer == null) {
            flushTimer = ctx.executor().schedule(this::flush, MAX_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Sends what is pending now (also when the connection closes, before its DISCONNECTED). */
    void flush() {
        if (flushTimer != null) {
            flushTimer.cancel(false);
            flushTimer = null;
        }
        if (pending.isEmpty()) {
            return;
        }
        List<DeliveryAck> acks = pending;
        pending = new ArrayList<>();
        services.sessionEvents().emit(SessionEvents.acked(session, services.config().edgeId(), acks,
                services.clock()));
    }
}

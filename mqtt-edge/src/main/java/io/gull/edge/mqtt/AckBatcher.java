package io.gull.edge.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.gull.schemas.avro.DeliveryAck;
import io.netty.channel.ChannelHandlerContext;

/**
 * Collects one connection's acknowledgements of deliveries and reports them in ACKED session events: at most
 * {@value #MAX_ACKS} per event, at most {@value #MAX_DELAY_MS} ms after the first one, never one Kafka request
 * per ack. Best effort (the job resends what it did not hear about on the next connection); the sink logs an
 * outage once. An ack may come with a task to run once Kafka stored it (PUBREL waits for its PUBREC's ack: a client
 * that got PUBREL forgets the packet id, so the job must know the message was received before a resend could
 * happen). Runs on the connection's event loop.
 */
final class AckBatcher {
    static final int MAX_ACKS = 100;
    static final long MAX_DELAY_MS = 5;

    private final ChannelHandlerContext ctx;
    private final ClientSession session;
    private final ConnectionServices services;
    private List<DeliveryAck> pending = new ArrayList<>();
    private List<Runnable> whenStored = new ArrayList<>();
    private ScheduledFuture<?> flushTimer;

    AckBatcher(ChannelHandlerContext ctx, ClientSession session, ConnectionServices services) {
        this.ctx = ctx;
        this.session = session;
        this.services = services;
    }

    void add(DeliveryAck ack) {
        add(ack, null);
    }

    /** Like {@link #add(DeliveryAck)}; {@code onStored} runs on the event loop once Kafka stored it (never if not). */
    void add(DeliveryAck ack, Runnable onStored) {
        pending.add(ack);
        if (onStored != null) {
            whenStored.add(onStored);
        }
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
        List<Runnable> tasks = whenStored;
        pending = new ArrayList<>();
        whenStored = new ArrayList<>();
        CompletionStage<Void> stored = services.sessionEvents().emit(SessionEvents.acked(session,
                services.config().edgeId(), acks, services.clock()));
        if (!tasks.isEmpty()) {
            stored.whenCompleteAsync((ignored, error) -> {
                if (error == null && ctx.channel().isActive()) {
                    tasks.forEach(Runnable::run);
                }
            }, ctx.executor());
        }
    }
}

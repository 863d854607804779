package io.gull.edge.mqtt;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.netty.channel.ChannelHandlerContext;

/**
 * The packets of one connection whose reply waits for Kafka (PUBLISH → PUBACK / PUBREC, SUBSCRIBE → SUBACK,
 * UNSUBSCRIBE → UNSUBACK), answered in arrival order ({@link OrderedAcks}), with backpressure
 * ({@link ReadGate}). A write Kafka did not store stops the replies at that entry: the ones before it still go
 * out, then the connection is handed to {@code onFailure} to close. A write Kafka refuses for good may be
 * answered with an error code instead (see {@link #add}). Every method runs on the connection's event loop;
 * completions hop back onto it.
 */
final class StoredReplies {
    private final ChannelHandlerContext ctx;
    private final IngressSink sink;
    private final OrderedAcks acks = new OrderedAcks();
    private final ReadGate readGate;
    private final DrainSignal drain;
    private final BiConsumer<ChannelHandlerContext, Throwable> onFailure;
    private boolean closed;
    /** The first write that was not stored; nothing after it is sent or acknowledged. */
    private Throwable failure;
    private boolean waitingForSink;

    StoredReplies(ChannelHandlerContext ctx, ConnectionServices services,
                  BiConsumer<ChannelHandlerContext, Throwable> onFailure) {
        this.ctx = ctx;
        this.sink = services.ingress();
        this.readGate = new ReadGate(ctx.channel(), services.config().maxInflightPerConnection(),
                services.config().maxInflightBytesPerConnection());
        this.drain = services.drain();
        this.onFailure = onFailure;
    }

    /** False once a write failed or the connection closed: new packets are not taken any more. */
    boolean accepting() {
        return !closed && failure == null;
    }

    /**
     * Queues the reply of a packet of {@code bytes} bytes that waits for {@code stored}.
     *
     * @param reply          what to answer, null for nothing (QoS 0)
     * @param rejectionCode  maps an error of {@code stored} to the reason code to answer with instead of
     *                       closing, or to null: the write failed, the connection closes after the replies before it
     */
    void add(CompletionStage<?> stored, OrderedAcks.Reply reply, int bytes, Function<Throwable, Byte> rejectionCode) {
        OrderedAcks.Entry entry = acks.add(reply, Math.max(1, bytes));
        stored.whenCompleteAsync((ignored, error) -> onStored(entry, error, rejectionCode), ctx.executor());
        updateReadGate();
    }

    private void onStored(OrderedAcks.Entry entry, Throwable error, Function<Throwable, Byte> rejectionCode) {
        if (closed) {
            return;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        boolean[] wrote = {false};
        OrderedAcks.AckWriter writer = packet -> {
            ctx.write(packet);
            wrote[0] = true;
        };
        Byte rejected = cause == null ? null : rejectionCode.apply(cause);
        boolean mustClose;
        if (cause == null) {
            mustClose = acks.complete(entry, (byte) 0, writer);
        } else if (rejected != null) {
            mustClose = acks.complete(entry, rejected, writer);
        } else {
            if (failure == null) {
                failure = cause;
            }
            mustClose = acks.fail(entry, writer);
        }
        if (wrote[0]) {
            ctx.flush(); // before any close: a close discards unflushed writes
        }
        if (mustClose) {
            closed = true;
            acks.clear();
            onFailure.accept(ctx, failure);
            return;
        }
        updateReadGate();
    }

    /** Re-evaluates whether the socket may be read; registers for the sink's drain when it is saturated. */
    void updateReadGate() {
        if (closed || !ctx.channel().isActive()) {
            return;
        }
        boolean saturated = sink.saturated();
        readGate.update(acks.inflight(), acks.inflightBytes(), saturated, failure != null || drain.draining());
        if (saturated && !waitingForSink) {
            waitingForSink = true;
            sink.whenDrained(() -> ctx.executor().execute(() -> {
                waitingForSink = false;
                updateReadGate();
            }));
        }
    }

    int inflight() {
        return acks.inflight();
    }

    void connectionClosed() {
        closed = true;
        acks.clear();
    }
}

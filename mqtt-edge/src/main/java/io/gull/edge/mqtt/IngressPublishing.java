package io.gull.edge.mqtt;

import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.schemas.avro.Publish;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodes;

/**
 * The PUBLISH path of one connection: envelope, send to the {@link IngressSink}, PUBACK from the sink's
 * completion in arrival order ({@link OrderedAcks}), and backpressure ({@link ReadGate}). A send the sink
 * did not store stops the PUBACKs at that entry: the ones before it still go out, then the connection is
 * handed to {@code onFailure} to close. A send the sink refuses for good is answered on MQTT 5 with a
 * PUBACK error code (0x83 too large, 0x80 otherwise); 3.1.1 has no such code, so it ends the connection
 * like a failure. Every method runs on the connection's event loop; completions hop back onto it.
 */
final class IngressPublishing {
    private static final Logger log = LoggerFactory.getLogger(IngressPublishing.class);

    private final ChannelHandlerContext ctx;
    private final ClientSession session;
    private final IngressSink sink;
    private final PublishEnvelopes envelopes;
    private final OrderedAcks acks = new OrderedAcks();
    private final ReadGate readGate;
    private final DrainSignal drain;
    private final BiConsumer<ChannelHandlerContext, Throwable> onFailure;
    private boolean closed;
    /** The first send that was not stored; nothing after it is sent or acknowledged. */
    private Throwable failure;
    private boolean rejectionLogged;
    private boolean waitingForSink;

    IngressPublishing(ChannelHandlerContext ctx, ClientSession session, ConnectionServices services,
                      BiConsumer<ChannelHandlerContext, Throwable> onFailure) {
        this.ctx = ctx;
        this.session = session;
        this.sink = services.ingress();
        this.envelopes = new PublishEnvelopes(services.config().edgeId(), services.clock());
        this.readGate = new ReadGate(ctx.channel(), services.config().maxInflightPerConnection(),
                services.config().maxInflightBytesPerConnection());
        this.drain = services.drain();
        this.onFailure = onFailure;
    }

    /** Sends one PUBLISH (QoS 0 or 1); the caller releases {@code publish}. */
    void publish(MqttPublishMessage publish) {
        if (closed || failure != null) {
            return; // the connection closes without acknowledging this; the client resends it
        }
        Publish envelope = envelopes.envelope(publish, session);
        int packetId = publish.fixedHeader().qosLevel() == MqttQoS.AT_LEAST_ONCE
                ? publish.variableHeader().packetId() : OrderedAcks.NO_ACK;
        int bytes = Math.max(1, publish.fixedHeader().remainingLength());
        OrderedAcks.Entry entry = acks.add(packetId, bytes);
        sink.send(envelope).whenCompleteAsync((ignored, error) -> onStored(entry, envelope, error), ctx.executor());
        updateReadGate();
    }

    private void onStored(OrderedAcks.Entry entry, Publish envelope, Throwable error) {
        if (closed) {
            return;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        boolean[] wrote = {false};
        OrderedAcks.AckWriter writer = (packetId, reasonCode) -> {
            ctx.write(MqttMessageBuilders.pubAck().packetId(packetId).reasonCode(reasonCode).build());
            wrote[0] = true;
        };
        boolean mustClose;
        if (cause == null) {
            mustClose = acks.complete(entry, (byte) 0, writer);
        } else if (cause instanceof IngressRejectedException rejected && session.isV5()) {
            byte reason = rejected.tooLarge()
                    ? MqttReasonCodes.PubAck.IMPLEMENTATION_SPECIFIC_ERROR.byteValue()
                    : MqttReasonCodes.PubAck.UNSPECIFIED_ERROR.byteValue();
            logRejection(envelope, rejected, reason);
            mustClose = acks.complete(entry, reason, writer);
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

    private void logRejection(Publish envelope, IngressRejectedException rejected, byte reason) {
        if (rejectionLogged) {
            log.debug("Kafka refused another PUBLISH of client {} to {}: {}", session.clientId(), shortTopic(envelope),
                    rejected.getMessage());
            return;
        }
        rejectionLogged = true;
        log.warn("Kafka refused a PUBLISH of client {} to {} for good: {}. Answered PUBACK 0x{}; the message is "
                        + "not stored. (Logged once per connection.)", session.clientId(), shortTopic(envelope),
                rejected.getMessage(), String.format("%02X", reason & 0xFF));
    }

    private static String shortTopic(Publish envelope) {
        String topic = envelope.getTopic();
        return topic.length() <= 200 ? topic : topic.substring(0, 200) + "... (" + topic.length() + " chars)";
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

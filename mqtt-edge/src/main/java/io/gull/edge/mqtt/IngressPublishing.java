package io.gull.edge.mqtt;

import java.util.function.BiConsumer;

import io.gull.schemas.avro.Publish;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;

/**
 * The PUBLISH path of one connection: envelope, send to the {@link IngressSink}, PUBACK from the sink's
 * completion in arrival order ({@link OrderedAcks}), and backpressure ({@link ReadGate}). Every method
 * runs on the connection's event loop; completions hop back onto it.
 */
final class IngressPublishing {
    private final ChannelHandlerContext ctx;
    private final ClientSession session;
    private final IngressSink sink;
    private final PublishEnvelopes envelopes;
    private final OrderedAcks acks = new OrderedAcks();
    private final ReadGate readGate;
    private final BiConsumer<ChannelHandlerContext, Throwable> onFailure;
    private boolean closed;
    private boolean waitingForSink;

    IngressPublishing(ChannelHandlerContext ctx, ClientSession session, ConnectionServices services,
                      BiConsumer<ChannelHandlerContext, Throwable> onFailure) {
        this.ctx = ctx;
        this.session = session;
        this.sink = services.ingress();
        this.envelopes = new PublishEnvelopes(services.config().edgeId(), services.clock());
        this.readGate = new ReadGate(ctx.channel(), services.config().maxInflightPerConnection());
        this.onFailure = onFailure;
    }

    /** Sends one PUBLISH (QoS 0 or 1); the caller releases {@code publish}. */
    void publish(MqttPublishMessage publish) {
        Publish envelope = envelopes.envelope(publish, session);
        int packetId = publish.fixedHeader().qosLevel() == MqttQoS.AT_LEAST_ONCE
                ? publish.variableHeader().packetId() : OrderedAcks.NO_ACK;
        OrderedAcks.Entry entry = acks.add(packetId);
        sink.send(envelope).whenCompleteAsync((ignored, error) -> onStored(entry, error), ctx.executor());
        updateReadGate();
    }

    private void onStored(OrderedAcks.Entry entry, Throwable error) {
        if (closed) {
            return;
        }
        if (error != null) {
            closed = true;
            acks.clear();
            onFailure.accept(ctx, error);
            return;
        }
        boolean[] wrote = {false};
        acks.complete(entry, packetId -> {
            ctx.write(MqttMessageBuilders.pubAck().packetId(packetId).reasonCode((byte) 0).build());
            wrote[0] = true;
        });
        if (wrote[0]) {
            ctx.flush();
        }
        updateReadGate();
    }

    /** Re-evaluates whether the socket may be read; registers for the sink's drain when it is saturated. */
    void updateReadGate() {
        if (closed || !ctx.channel().isActive()) {
            return;
        }
        boolean saturated = sink.saturated();
        readGate.update(acks.inflight(), saturated);
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

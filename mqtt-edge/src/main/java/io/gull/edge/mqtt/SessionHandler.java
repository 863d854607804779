package io.gull.edge.mqtt;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.schemas.avro.Delivery;
import io.gull.schemas.avro.Kick;
import io.gull.schemas.avro.KickReason;
import io.gull.schemas.topic.TopicFilters;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * The packets of an accepted connection, routed to the part that owns them: PUBLISH / PUBREL to
 * {@link IngressPublishing} and {@link InboundQos2}, SUBSCRIBE / UNSUBSCRIBE to {@link SubscribeHandling},
 * PUBACK / PUBREC / PUBCOMP and inbox deliveries to {@link OutboundDeliveries}; PINGREQ, DISCONNECT, kicks, and
 * every protocol violation, which ends the connection with the 5.0 reason code it deserves (3.1.1 connections are
 * just closed). When the connection ends it reports DISCONNECTED, with publishWill for an abrupt end.
 */
public final class SessionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(SessionHandler.class);

    private final ClientSession session;
    private final ConnectionServices services;
    private StoredReplies replies;
    private IngressPublishing publishing;
    private InboundQos2 inboundQos2;
    private SubscribeHandling subscriptions;
    private AckBatcher ackBatcher;
    private OutboundDeliveries deliveries;
    private String closeReason;
    /** The will is published unless the client said DISCONNECT 0x00, or the edge itself ended it in order. */
    private boolean publishWill = true;
    private Long disconnectExpirySeconds;

    public SessionHandler(ClientSession session, ConnectionServices services) {
        this.session = session;
        this.services = services;
    }

    public ClientSession session() {
        return session;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        replies = new StoredReplies(ctx, services, this::onStoreFailed);
        inboundQos2 = new InboundQos2(session.awaitingRelease());
        publishing = new IngressPublishing(session, services, replies, inboundQos2);
        subscriptions = new SubscribeHandling(session, services, replies);
        ackBatcher = new AckBatcher(ctx, session, services);
        deliveries = new OutboundDeliveries(ctx, session, ackBatcher, services.counters());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (closeReason != null) {
                return; // closing: drop what is still in the decoder's buffer
            }
            if (!(msg instanceof MqttMessage message)) {
                violation(ctx, MqttReasonCodes.Disconnect.PROTOCOL_ERROR, "unexpected object " + msg);
            } else if (message.decoderResult().isFailure()) {
                onInvalidPacket(ctx, message);
            } else {
                onPacket(ctx, message);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onPacket(ChannelHandlerContext ctx, MqttMessage message) {
        MqttMessageType type = message.fixedHeader().messageType();
        switch (type) {
            case PUBLISH -> onPublish(ctx, (MqttPublishMessage) message);
            case PUBREL -> onPubRel(message);
            case PUBACK -> deliveries.onPubAck(message);
            case PUBREC -> deliveries.onPubRec(message);
            case PUBCOMP -> deliveries.onPubComp(message);
            case PINGREQ -> ctx.writeAndFlush(new MqttMessage(
                    new MqttFixedHeader(MqttMessageType.PINGRESP, false, MqttQoS.AT_MOST_ONCE, false, 0)));
            case SUBSCRIBE -> onSubscribe(ctx, (MqttSubscribeMessage) message);
            case UNSUBSCRIBE -> onUnsubscribe(ctx, (MqttUnsubscribeMessage) message);
            case DISCONNECT -> onDisconnect(ctx, message);
            case CONNECT -> violation(ctx, MqttReasonCodes.Disconnect.PROTOCOL_ERROR,
                    "second CONNECT (MQTT-3.1.0-2)");
            default -> violation(ctx, MqttReasonCodes.Disconnect.PROTOCOL_ERROR,
                    "unexpected " + type + " packet from a client");
        }
    }

    private void onPublish(ChannelHandlerContext ctx, MqttPublishMessage publish) {
        String topic = publish.variableHeader().topicName();
        MqttProperties properties = publish.variableHeader().properties();
        if (properties.getProperty(MqttProperties.TOPIC_ALIAS) != null) {
            violation(ctx, MqttReasonCodes.Disconnect.TOPIC_ALIAS_INVALID,
                    "topic alias used, but Topic Alias Maximum is 0 (MQTT-3.3.2-9)");
        } else if (topic == null || topic.isEmpty()) {
            violation(ctx, MqttReasonCodes.Disconnect.PROTOCOL_ERROR, "empty topic name (MQTT-4.7.3-1)");
        } else {
            Optional<String> problem = TopicFilters.topicNameProblem(topic);
            if (problem.isPresent()) {
                violation(ctx, MqttReasonCodes.Disconnect.TOPIC_NAME_INVALID,
                        "topic name '" + topic + "': " + problem.get());
            } else {
                publishing.publish(publish);
            }
        }
    }

    /** PUBREL → PUBCOMP, in order with the other replies; 5.0: 0x92 for a packet id not awaiting it. */
    private void onPubRel(MqttMessage pubRel) {
        if (!replies.accepting()) {
            return;
        }
        int packetId = MqttReplies.packetId(pubRel);
        boolean known = inboundQos2.released(packetId);
        byte reason = known || !session.isV5() ? 0
                : MqttReasonCodes.PubComp.PACKET_IDENTIFIER_NOT_FOUND.byteValue();
        if (!known) {
            log.debug("Client {} released unknown QoS 2 packet {}", session.clientId(), packetId);
        }
        replies.add(CompletableFuture.completedFuture(null), ignored -> MqttReplies.pubComp(packetId, reason),
                pubRel.fixedHeader().remainingLength(), error -> null);
    }

    private void onSubscribe(ChannelHandlerContext ctx, MqttSubscribeMessage subscribe) {
        if (subscribe.payload().topicSubscriptions().isEmpty()) {
            violation(ctx, MqttReasonCodes.Disconnect.PROTOCOL_ERROR, "SUBSCRIBE without topic filters (MQTT-3.8.3-3)");
            return;
        }
        MqttProperties.MqttProperty<?> id = subscribe.idAndPropertiesVariableHeader().properties()
                .getProperty(MqttProperties.SUBSCRIPTION_IDENTIFIER);
        if (id != null && (Integer) id.value() == 0) {
            violation(ctx, MqttReasonCodes.Disconnect.PROTOCOL_ERROR,
                    "Subscription Identifier 0 (5.0 section 3.8.2.1.2)");
            return;
        }
        boolean sharedNoLocal = subscribe.payload().topicSubscriptions().stream()
                .anyMatch(s -> s.option().isNoLocal() && s.topicFilter().startsWith(TopicFilters.SHARE_PREFIX));
        if (sharedNoLocal) {
            violation(ctx, MqttReasonCodes.Disconnect.PROTOCOL_ERROR, "No Local on a shared subscription (MQTT-3.8.3-4)");
            return;
        }
        // Netty reads the 5.0 option bits of every SUBSCRIBE; in 3.1.1 they are reserved (bits 6-7 it drops unseen)
        boolean reservedBits = !session.isV5() && subscribe.payload().topicSubscriptions().stream()
                .map(MqttTopicSubscription::option)
                .anyMatch(o -> o.isNoLocal() || o.isRetainAsPublished()
                        || o.retainHandling() != MqttSubscriptionOption.RetainedHandlingPolicy.SEND_AT_SUBSCRIBE);
        if (reservedBits) {
            violation(ctx, MqttReasonCodes.Disconnect.MALFORMED_PACKET,
                    "3.1.1 SUBSCRIBE with reserved bits of its options set (MQTT-3.8.3-4)");
            return;
        }
        subscriptions.subscribe(subscribe);
    }

    private void onUnsubscribe(ChannelHandlerContext ctx, MqttUnsubscribeMessage unsubscribe) {
        if (unsubscribe.payload().topics().isEmpty()) {
            violation(ctx, MqttReasonCodes.Disconnect.PROTOCOL_ERROR,
                    "UNSUBSCRIBE without topic filters (MQTT-3.10.3-2)");
            return;
        }
        subscriptions.unsubscribe(unsubscribe);
    }

    private void onDisconnect(ChannelHandlerContext ctx, MqttMessage disconnect) {
        if (!session.isV5() && disconnect.fixedHeader().remainingLength() != 0) {
            // Netty reads a 5.0 reason code and properties from any DISCONNECT; 3.1.1 has neither (section 3.14)
            violation(ctx, MqttReasonCodes.Disconnect.MALFORMED_PACKET, "3.1.1 DISCONNECT with a variable header");
            return;
        }
        byte reason = 0;
        Long expiry = null;
        if (disconnect.variableHeader() instanceof MqttReasonCodeAndPropertiesVariableHeader header) {
            reason = header.reasonCode();
            MqttProperties.MqttProperty<?> property = header.properties()
                    .getProperty(MqttProperties.SESSION_EXPIRY_INTERVAL);
            if (property != null) {
                expiry = Integer.toUnsignedLong((Integer) property.value());
            }
        }
        if (expiry != null && expiry != 0 && session.sessionExpirySeconds() == 0) {
            violation(ctx, MqttReasonCodes.Disconnect.PROTOCOL_ERROR,
                    "DISCONNECT sets a Session Expiry Interval, but CONNECT had 0 (MQTT-3.14.2-2)");
            return;
        }
        closeReason = reason == 0 ? "client disconnected"
                : String.format("client disconnected with reason 0x%02X", reason & 0xFF);
        publishWill = reason != 0; // 0x04 (with will) and every error reason publish it; 0x00 deletes it
        disconnectExpirySeconds = expiry;
        ctx.close();
    }

    private void onInvalidPacket(ChannelHandlerContext ctx, MqttMessage message) {
        Throwable cause = message.decoderResult().cause();
        if (cause instanceof TooLongFrameException) {
            violation(ctx, MqttReasonCodes.Disconnect.PACKET_TOO_LARGE, cause.getMessage()
                    + " (limit mqtt.max-packet-size=" + services.config().maxPacketSize() + ")");
        } else if (cause instanceof DecoderException && String.valueOf(cause.getMessage()).contains("topic name")) {
            violation(ctx, MqttReasonCodes.Disconnect.TOPIC_NAME_INVALID, cause.getMessage() + " (MQTT-3.3.2-2)");
        } else {
            violation(ctx, MqttReasonCodes.Disconnect.MALFORMED_PACKET, String.valueOf(cause.getMessage()));
        }
    }

    /** Ends the connection for a protocol violation; logged once with the client id. The will is published. */
    private void violation(ChannelHandlerContext ctx, MqttReasonCodes.Disconnect reason, String detail) {
        if (closeReason != null) {
            return;
        }
        closeReason = String.format("protocol violation 0x%02X %s: %s", reason.byteValue() & 0xFF, reason, detail);
        log.info("Closing client {}: {}", session.clientId(), closeReason);
        disconnect(ctx, reason);
    }

    /**
     * Ends the connection from the edge's side (5.0: DISCONNECT with {@code reason} first). Replies still waiting for
     * Kafka are dropped, as if the connection were gone already: nothing may follow a DISCONNECT (MQTT-3.14.4-1), and
     * the client resends what was not acknowledged.
     */
    private void disconnect(ChannelHandlerContext ctx, MqttReasonCodes.Disconnect reason) {
        replies.connectionClosed();
        Replies.disconnect(ctx.channel(), session.version(), reason);
    }

    private void onStoreFailed(ChannelHandlerContext ctx, Throwable error) {
        if (closeReason != null) {
            return;
        }
        closeReason = "Kafka did not store a packet: " + error;
        if (error instanceof IngressRejectedException rejected) {
            log.warn("Closing client {} without PUBACK: Kafka refuses its PUBLISH for good ({}). MQTT 3.1.1 cannot "
                    + "tell the client, which will resend it after reconnecting; fix the device or raise "
                    + "--mqtt.max-packet-size / --kafka.max-request-size.", session.clientId(),
                    rejected.getCause());
        } else {
            log.warn("Closing client {} without acknowledging what came after the replies before it ({}); it "
                    + "will resend after reconnecting. Kafka at {} may be unreachable.", session.clientId(),
                    error.toString(), services.config().kafkaBootstrap());
        }
        disconnect(ctx, MqttReasonCodes.Disconnect.UNSPECIFIED_ERROR);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof Delivery delivery) {
            if (closeReason == null) {
                deliveries.deliver(delivery);
            }
        } else if (evt instanceof Kick kick) {
            takenOver(ctx, kick.getReason() == KickReason.TAKEN_OVER
                    ? "session taken over by a newer connection (sessions job)" : "kicked by the sessions job");
        } else if (evt instanceof IdleStateEvent && !ctx.channel().config().isAutoRead()) {
            // the edge itself stopped reading (backpressure): the client's packets sit unread, it is not idle;
            // the ReadGate restarts the timer when reading resumes
            log.trace("Ignoring keep-alive expiry of client {} while the edge does not read", session.clientId());
        } else if (evt instanceof IdleStateEvent) {
            violation(ctx, MqttReasonCodes.Disconnect.KEEP_ALIVE_TIMEOUT,
                    "nothing received for 1.5 x keep-alive " + session.keepAliveSeconds() + " s (MQTT-3.1.2-24)");
        } else if (evt == EdgeEvents.SESSION_TAKEN_OVER) {
            takenOver(ctx, "session taken over by a newer connection on this edge");
        } else if (evt == EdgeEvents.SERVER_SHUTTING_DOWN) {
            if (closeReason != null) {
                return;
            }
            closeReason = "edge shutting down";
            // the server ends the connection, not the client: the will is due (MQTT 5.0 section 3.1.2.5)
            disconnect(ctx, MqttReasonCodes.Disconnect.SERVER_SHUTTING_DOWN);
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    /** 5.0 DISCONNECT 0x8E (MQTT-3.1.4-3), 3.1.1 close; no will: the job owns the session now and decides. */
    private void takenOver(ChannelHandlerContext ctx, String reason) {
        if (closeReason != null) {
            return;
        }
        closeReason = reason;
        publishWill = false;
        disconnect(ctx, MqttReasonCodes.Disconnect.SESSION_TAKEN_OVER);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        replies.updateReadGate();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        replies.connectionClosed();
        ackBatcher.flush();
        services.registry().unregister(session.clientId(), ctx.channel());
        String reason = closeReason != null ? closeReason : "connection lost";
        services.sessionEvents().emit(SessionEvents.disconnected(session, services.config().edgeId(), reason,
                publishWill, disconnectExpirySeconds, services.clock()));
        log.debug("Client {} disconnected: {} (will {})", session.clientId(), reason,
                publishWill ? "published" : "not published");
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (closeReason == null) {
            closeReason = "I/O error: " + cause;
            log.info("Closing client {}: {}", session.clientId(), cause.toString());
        }
        ctx.close();
    }
}

package io.gull.edge.mqtt;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * The packets of an accepted connection: PUBLISH (to the {@link IngressPublishing}), PINGREQ, SUBSCRIBE /
 * UNSUBSCRIBE (refused until subscriptions exist), DISCONNECT, and every protocol violation, which ends
 * the connection with the 5.0 reason code it deserves (3.1.1 connections are just closed).
 */
public final class SessionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(SessionHandler.class);

    private final ClientSession session;
    private final ConnectionServices services;
    private IngressPublishing publishing;
    private String closeReason;

    public SessionHandler(ClientSession session, ConnectionServices services) {
        this.session = session;
        this.services = services;
    }

    public ClientSession session() {
        return session;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        publishing = new IngressPublishing(ctx, session, services, this::onDeliveryFailed);
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
            case PINGREQ -> ctx.writeAndFlush(new MqttMessage(
                    new MqttFixedHeader(MqttMessageType.PINGRESP, false, MqttQoS.AT_MOST_ONCE, false, 0)));
            case SUBSCRIBE -> onSubscribe(ctx, (MqttSubscribeMessage) message);
            case UNSUBSCRIBE -> onUnsubscribe(ctx, (MqttUnsubscribeMessage) message);
            case DISCONNECT -> {
                closeReason = "client disconnected";
                ctx.close();
            }
            case CONNECT -> violation(ctx, MqttReasonCodes.Disconnect.PROTOCOL_ERROR,
                    "second CONNECT (MQTT-3.1.0-2)");
            default -> violation(ctx, MqttReasonCodes.Disconnect.PROTOCOL_ERROR,
                    "unexpected " + type + " packet (the edge sent nothing it could answer)");
        }
    }

    private void onPublish(ChannelHandlerContext ctx, MqttPublishMessage publish) {
        String topic = publish.variableHeader().topicName();
        MqttProperties properties = publish.variableHeader().properties();
        if (publish.fixedHeader().qosLevel() == MqttQoS.EXACTLY_ONCE) {
            violation(ctx, MqttReasonCodes.Disconnect.QOS_NOT_SUPPORTED,
                    "QoS 2 PUBLISH, but this edge supports QoS 0 and 1 (CONNACK Maximum QoS 1)");
        } else if (properties.getProperty(MqttProperties.TOPIC_ALIAS) != null) {
            violation(ctx, MqttReasonCodes.Disconnect.TOPIC_ALIAS_INVALID,
                    "topic alias used, but Topic Alias Maximum is 0 (MQTT-3.3.2-9)");
        } else if (topic == null || topic.isEmpty()) {
            violation(ctx, MqttReasonCodes.Disconnect.PROTOCOL_ERROR, "empty topic name (MQTT-4.7.3-1)");
        } else if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0 || topic.indexOf('\u0000') >= 0) {
            violation(ctx, MqttReasonCodes.Disconnect.TOPIC_NAME_INVALID,
                    "topic name '" + topic + "' contains a wildcard or NUL (MQTT-3.3.2-2)");
        } else {
            publishing.publish(publish);
        }
    }

    private void onSubscribe(ChannelHandlerContext ctx, MqttSubscribeMessage subscribe) {
        // Subscriptions arrive with the next issue: every filter is refused with 0x80.
        MqttMessageBuilders.SubAckBuilder subAck = MqttMessageBuilders.subAck()
                .packetId(subscribe.idAndPropertiesVariableHeader().messageId());
        subscribe.payload().topicSubscriptions().forEach(s -> subAck.addGrantedQos(MqttQoS.FAILURE));
        ctx.writeAndFlush(subAck.build());
    }

    private void onUnsubscribe(ChannelHandlerContext ctx, MqttUnsubscribeMessage unsubscribe) {
        MqttMessageBuilders.UnsubAckBuilder unsubAck = MqttMessageBuilders.unsubAck()
                .packetId(unsubscribe.idAndPropertiesVariableHeader().messageId());
        if (session.isV5()) {
            List<Short> codes = new ArrayList<>();
            unsubscribe.payload().topics().forEach(t ->
                    codes.add((short) MqttReasonCodes.UnsubAck.NO_SUBSCRIPTION_EXISTED.byteValue()));
            unsubAck.addReasonCodes(codes.toArray(new Short[0]));
        }
        ctx.writeAndFlush(unsubAck.build());
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

    /** Ends the connection for a protocol violation; logged once with the client id. */
    private void violation(ChannelHandlerContext ctx, MqttReasonCodes.Disconnect reason, String detail) {
        if (closeReason != null) {
            return;
        }
        closeReason = String.format("protocol violation 0x%02X %s: %s", reason.byteValue() & 0xFF, reason, detail);
        log.info("Closing client {}: {}", session.clientId(), closeReason);
        Replies.disconnect(ctx.channel(), session.version(), reason);
    }

    private void onDeliveryFailed(ChannelHandlerContext ctx, Throwable error) {
        if (closeReason != null) {
            return;
        }
        closeReason = "Kafka did not store a PUBLISH: " + error;
        if (error instanceof IngressRejectedException rejected) {
            log.warn("Closing client {} without PUBACK: Kafka refuses its PUBLISH for good ({}). MQTT 3.1.1 cannot "
                    + "tell the client, which will resend it after reconnecting; fix the device or raise "
                    + "--mqtt.max-packet-size / --kafka.max-request-size.", session.clientId(),
                    rejected.getCause());
        } else {
            log.warn("Closing client {} without PUBACK after the PUBACKs before it ({}); it will resend after "
                    + "reconnecting. Kafka at {} may be unreachable.", session.clientId(), error.toString(),
                    services.config().kafkaBootstrap());
        }
        Replies.disconnect(ctx.channel(), session.version(), MqttReasonCodes.Disconnect.UNSPECIFIED_ERROR);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && !ctx.channel().config().isAutoRead()) {
            // the edge itself stopped reading (backpressure): the client's packets sit unread, it is not idle;
            // the ReadGate restarts the timer when reading resumes
            log.trace("Ignoring keep-alive expiry of client {} while the edge does not read", session.clientId());
        } else if (evt instanceof IdleStateEvent) {
            violation(ctx, MqttReasonCodes.Disconnect.KEEP_ALIVE_TIMEOUT,
                    "nothing received for 1.5 x keep-alive " + session.keepAliveSeconds() + " s (MQTT-3.1.2-24)");
        } else if (evt == EdgeEvents.SESSION_TAKEN_OVER) {
            closeReason = "session taken over by a newer connection";
            Replies.disconnect(ctx.channel(), session.version(), MqttReasonCodes.Disconnect.SESSION_TAKEN_OVER);
        } else if (evt == EdgeEvents.SERVER_SHUTTING_DOWN) {
            if (closeReason != null) {
                return;
            }
            closeReason = "edge shutting down";
            Replies.disconnect(ctx.channel(), session.version(), MqttReasonCodes.Disconnect.SERVER_SHUTTING_DOWN);
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        publishing.updateReadGate();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        publishing.connectionClosed();
        services.registry().unregister(session.clientId(), ctx.channel());
        String reason = closeReason != null ? closeReason : "connection lost";
        services.sessionEvents().emit(SessionEvents.disconnected(session, services.config().edgeId(), reason,
                services.clock()));
        log.debug("Client {} disconnected: {}", session.clientId(), reason);
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

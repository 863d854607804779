package io.gull.edge.mqtt;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.Delivery;
import io.gull.schemas.avro.Kick;
import io.gull.schemas.topic.TopicFilters;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttIdentifierRejectedException;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * The first handler of every connection: waits for CONNECT (MQTT-3.1.0-1), validates it, asks the
 * {@link Authenticator}, answers CONNACK, and on success installs a {@link SessionHandler} in its place.
 * Packets the client pipelines behind its CONNECT are held until the decision and then passed on.
 */
public final class ConnectHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectHandler.class);
    /** Packets a client may send behind CONNECT before the CONNACK; more is abuse. */
    private static final int MAX_HELD_PACKETS = 1000;

    /** CLOSING: the connection was refused or closed before CONNACK; whatever still arrives is dropped. */
    private enum State { AWAITING_CONNECT, AUTHENTICATING, CLOSING, DONE }

    private final ConnectionServices services;
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private State state = State.AWAITING_CONNECT;

    public ConnectHandler(ConnectionServices services) {
        this.services = services;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (state == State.CLOSING) {
            ReferenceCountUtil.release(msg); // packets still in the decoder's buffer when we closed
            return;
        }
        if (state == State.AUTHENTICATING) {
            hold(ctx, msg);
            return;
        }
        if (state == State.DONE) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (!(msg instanceof MqttMessage message)) {
                log.warn("Closing {}: unexpected object {} in the pipeline", ctx.channel().remoteAddress(), msg);
                close(ctx);
            } else if (message.decoderResult().isFailure()) {
                onInvalidFirstPacket(ctx, message);
            } else if (message.fixedHeader().messageType() != MqttMessageType.CONNECT) {
                log.info("Closing {}: first packet was {}, not CONNECT (MQTT-3.1.0-1)",
                        ctx.channel().remoteAddress(), message.fixedHeader().messageType());
                close(ctx);
            } else {
                onConnect(ctx, (MqttConnectMessage) message);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void hold(ChannelHandlerContext ctx, Object msg) {
        if (held.size() >= MAX_HELD_PACKETS) {
            ReferenceCountUtil.release(msg);
            log.warn("Closing {}: more than {} packets sent before CONNACK", ctx.channel().remoteAddress(),
                    MAX_HELD_PACKETS);
            close(ctx);
            return;
        }
        held.addLast(msg);
    }

    private void onInvalidFirstPacket(ChannelHandlerContext ctx, MqttMessage message) {
        Throwable cause = message.decoderResult().cause();
        boolean isConnect = message.fixedHeader() != null
                && message.fixedHeader().messageType() == MqttMessageType.CONNECT;
        MqttVersion version = message.variableHeader() instanceof MqttConnectVariableHeader header
                ? versionOf(header) : MqttVersion.MQTT_3_1_1;
        log.info("Refusing {}: invalid {} packet: {}", ctx.channel().remoteAddress(),
                isConnect ? "CONNECT" : "first", cause.getMessage());
        if (!isConnect) {
            close(ctx);
        } else if (cause instanceof MqttUnacceptableProtocolVersionException) {
            refuse(ctx, ConnackCodes.unacceptableProtocolVersion());
        } else if (cause instanceof MqttIdentifierRejectedException) {
            refuse(ctx, ConnackCodes.identifierRejected(version));
        } else if (cause instanceof TooLongFrameException && version == MqttVersion.MQTT_5) {
            refuse(ctx, ConnackCodes.packetTooLarge());
        } else {
            close(ctx);
        }
    }

    private void onConnect(ChannelHandlerContext ctx, MqttConnectMessage connect) {
        MqttVersion version = versionOf(connect.variableHeader());
        String clientId = connect.payload().clientIdentifier();
        String username = connect.payload().userName();
        byte[] password = connect.payload().passwordInBytes();
        boolean allowAnonymous = services.config().allowAnonymous();
        if (version != MqttVersion.MQTT_3_1_1 && version != MqttVersion.MQTT_5) {
            log.info("Refusing {}: protocol {} is not supported (use MQTT 3.1.1 or 5.0)",
                    ctx.channel().remoteAddress(), version);
            refuse(ctx, ConnackCodes.unacceptableProtocolVersion());
            return;
        }
        Optional<ConnectViolations.Violation> violation = ConnectViolations.of(connect, version);
        if (violation.isPresent()) {
            log.info("Refusing {}: invalid CONNECT: {}", ctx.channel().remoteAddress(), violation.get().why());
            if (version == MqttVersion.MQTT_5) {
                refuse(ctx, violation.get().v5Code());
            } else {
                close(ctx); // 3.1.1 has no CONNACK code for a malformed CONNECT
            }
            return;
        }
        String assignedClientId = null;
        if (clientId == null || clientId.isEmpty()) {
            if (version != MqttVersion.MQTT_5 || !allowAnonymous) {
                log.info("Refusing {}: empty client id; the client id is the device id and is required{}",
                        ctx.channel().remoteAddress(), version == MqttVersion.MQTT_5
                                ? " (with --mqtt.allow-anonymous=true 5.0 clients get one assigned)" : "");
                refuse(ctx, ConnackCodes.identifierRejected(version));
                return;
            }
            assignedClientId = "gull-" + UUID.randomUUID().toString().replace("-", "");
            clientId = assignedClientId; // 5.0 section 3.1.3.1: returned as Assigned Client Identifier
        }
        boolean anonymous = password == null;
        if (anonymous && !allowAnonymous) {
            log.info("Refusing client {}: no password given (anonymous clients need --mqtt.allow-anonymous=true)",
                    clientId);
            refuse(ctx, ConnackCodes.badCredentials(version));
            return;
        }
        if (!anonymous && username != null && !username.equals(clientId)) {
            log.info("Refusing client {}: user name '{}' is not the client id", clientId, username);
            refuse(ctx, ConnackCodes.badCredentials(version));
            return;
        }
        if (services.drain().draining()) {
            log.info("Refusing client {}: the edge is stopping", clientId);
            refuse(ctx, ConnackCodes.serverUnavailable(version));
            return;
        }
        ConnectOptions options = ConnectOptions.of(connect, version);
        Optional<String> badWill = options.will() == null ? Optional.empty()
                : TopicFilters.topicNameProblem(options.will().getTopic());
        if (badWill.isPresent()) {
            log.info("Refusing client {}: will topic is not a valid topic name: {}", clientId, badWill.get());
            if (version == MqttVersion.MQTT_5) {
                refuse(ctx, ConnackCodes.topicNameInvalid());
            } else {
                close(ctx); // 3.1.1 has no code for it (MQTT-3.1.2-9 makes it a protocol violation)
            }
            return;
        }
        if (services.addressThrottle().refuses(remoteAddress(ctx))) {
            // logged by the throttle, at most once a minute: an attack must not write a line per attempt
            refuse(ctx, ConnackCodes.rateExceeded(version));
            return;
        }
        ClientSession pending = new ClientSession(UUID.randomUUID().toString(), clientId, null, version,
                connect.variableHeader().isCleanSession(), connect.variableHeader().keepAliveTimeSeconds(),
                options.sessionExpirySeconds(), List.of(), options.maximumPacketSize());
        state = State.AUTHENTICATING;
        ctx.channel().config().setAutoRead(false);
        if (ctx.pipeline().get(EdgeServer.IDLE) != null) {
            ctx.pipeline().remove(EdgeServer.IDLE); // CONNECT arrived; the auth timeout bounds the wait now
        }
        AuthRequest request = AuthRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setEdgeId(services.config().edgeId())
                .setClientId(clientId)
                .setUsername(username)
                .setPassword(anonymous ? null : ByteBuffer.wrap(password))
                .setAnonymous(anonymous)
                .setProtocolVersion(version.protocolLevel())
                .setRequestedAt(services.clock().instant())
                .setConnectionId(pending.connectionId())
                .setCleanStart(pending.cleanStart())
                .setSessionExpirySeconds(options.sessionExpirySeconds())
                .setReceiveMaximum(options.receiveMaximum())
                .setWill(options.will())
                .setTimeoutMs(services.config().authTimeout().toMillis())
                .build();
        // registered before the request leaves: deliveries right behind the decision must find the connection
        services.connections().register(pending.connectionId(), ctx.channel());
        String assigned = assignedClientId;
        services.authenticator().authenticate(request).whenCompleteAsync(
                (decision, error) -> onDecision(ctx, pending, assigned, decision, error), ctx.executor());
    }

    private void onDecision(ChannelHandlerContext ctx, ClientSession pending, String assignedClientId,
                            AuthDecision decision, Throwable error) {
        boolean allowed = error == null && decision.getOutcome() == AuthOutcome.ALLOWED;
        if (!ctx.channel().isActive() || state != State.AUTHENTICATING) {
            releaseHeld();
            if (allowed) {
                orphaned(pending, decision, "the connection closed while it waited for the decision");
            }
            return;
        }
        MqttVersion version = pending.version();
        if (error != null) {
            log.warn("Refusing client {}: no auth decision ({}). Is the sessions Flink job running and "
                    + "Kafka reachable?", pending.clientId(), error.toString());
            refuse(ctx, ConnackCodes.serverUnavailable(version));
        } else if (services.drain().draining()) {
            log.info("Refusing client {}: the edge started stopping while it authenticated", pending.clientId());
            refuse(ctx, ConnackCodes.serverUnavailable(version));
            if (allowed) {
                orphaned(pending, decision, "the edge started stopping");
            }
        } else if (!allowed) {
            services.addressThrottle().failed(remoteAddress(ctx));
            if (decision.getOutcome() == AuthOutcome.RATE_LIMITED) {
                // a brute-force run: the sessions job logs its lock-outs once a minute, not a line per attempt
                log.debug("Refusing client {}: its client id is locked out", pending.clientId());
            } else {
                log.info("Refusing client {}: auth outcome {}", pending.clientId(), decision.getOutcome());
            }
            refuse(ctx, ConnackCodes.refusal(decision.getOutcome(), version));
        } else {
            String tenant = decision.getTenant() == null ? "default" : decision.getTenant();
            Long granted = decision.getSessionExpirySeconds();
            long expiry = granted != null ? granted : pending.sessionExpirySeconds();
            accept(ctx, new ClientSession(pending.connectionId(), pending.clientId(), tenant, version,
                    pending.cleanStart(), pending.keepAliveSeconds(), expiry, decision.getAwaitingRelease(),
                    pending.maximumPacketSize()),
                    // MQTT-3.2.2-2: Session Present is 0 with clean start, whatever the job says
                    decision.getSessionPresent() && !pending.cleanStart(), granted, assignedClientId);
        }
    }

    /** The job allowed a connection that is gone: tell it, or it would think the session online. */
    private void orphaned(ClientSession pending, AuthDecision decision, String why) {
        log.debug("Client {} was allowed but {}; reporting its connection {} disconnected", pending.clientId(), why,
                pending.connectionId());
        AuthDecision addressed = AuthDecision.newBuilder(decision).setConnectionId(pending.connectionId()).build();
        services.sessionEvents().emit(SessionEvents.orphaned(addressed, services.config().edgeId(),
                pending.version().protocolLevel(), services.clock()));
    }

    /** Refusing CONNACK, then close; everything the client sent behind its CONNECT is dropped. */
    private void refuse(ChannelHandlerContext ctx, MqttConnectReturnCode code) {
        state = State.CLOSING;
        releaseHeld();
        Replies.refuseConnect(ctx.channel(), code);
    }

    private void close(ChannelHandlerContext ctx) {
        state = State.CLOSING;
        releaseHeld();
        ctx.close();
    }

    private void accept(ChannelHandlerContext ctx, ClientSession session, boolean sessionPresent,
                        Long grantedExpirySeconds, String assignedClientId) {
        state = State.DONE;
        SessionHandler sessionHandler = new SessionHandler(session, services);
        ctx.pipeline().addAfter(ctx.name(), EdgeServer.SESSION, sessionHandler);
        if (session.keepAliveSeconds() > 0) {
            // MQTT-3.1.2-24: close after one and a half times the keep-alive without a packet
            long idleMillis = session.keepAliveSeconds() * 1500L;
            ctx.pipeline().addFirst(EdgeServer.IDLE, EdgeServer.idleHandler(idleMillis));
        }
        services.registry().register(session.clientId(), ctx.channel()).ifPresent(older -> {
            log.info("Client {} connected again; closing its older connection {}", session.clientId(),
                    older.remoteAddress());
            older.eventLoop().execute(() -> older.pipeline().fireUserEventTriggered(EdgeEvents.SESSION_TAKEN_OVER));
        });
        ctx.writeAndFlush(Connacks.accepted(session, services.config(), sessionPresent, grantedExpirySeconds,
                assignedClientId));
        services.sessionEvents().emit(SessionEvents.connected(session, services.config().edgeId(),
                services.clock()));
        log.debug("Client {} connected from {} (tenant {}, {})", session.clientId(),
                ctx.channel().remoteAddress(), session.tenant(), session.version());
        ctx.channel().config().setAutoRead(true);
        while (!held.isEmpty()) {
            ctx.fireChannelRead(held.pollFirst());
        }
        ctx.pipeline().remove(this);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && state == State.AWAITING_CONNECT) {
            log.info("Closing {}: no CONNECT within {} ms", ctx.channel().remoteAddress(),
                    services.config().connectTimeout().toMillis());
            close(ctx);
        } else if (evt == EdgeEvents.SERVER_SHUTTING_DOWN) {
            close(ctx);
        } else if (evt instanceof Delivery || evt instanceof Kick) {
            // the job sends deliveries only behind its decision, which installs the SessionHandler first
            log.debug("Dropping inbox record for {} before its CONNACK: {}", ctx.channel().remoteAddress(), evt);
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseHeld();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (state != State.CLOSING) {
            log.info("Closing {} before CONNACK: {}", ctx.channel().remoteAddress(), cause.toString());
        }
        close(ctx);
    }

    private void releaseHeld() {
        while (!held.isEmpty()) {
            ReferenceCountUtil.release(held.pollFirst());
        }
    }

    /** The client's IP address, or null when the channel has none (tests' embedded channels). */
    private static InetAddress remoteAddress(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress socket ? socket.getAddress() : null;
    }

    private static MqttVersion versionOf(MqttConnectVariableHeader header) {
        try {
            return MqttVersion.fromProtocolNameAndLevel(header.name(), (byte) header.version());
        } catch (MqttUnacceptableProtocolVersionException e) {
            return MqttVersion.MQTT_3_1_1;
        }
    }
}

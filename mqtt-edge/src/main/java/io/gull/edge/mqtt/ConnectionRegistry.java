package io.gull.edge.mqtt;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.schemas.avro.Delivery;
import io.gull.schemas.avro.Kick;
import io.netty.channel.Channel;

/**
 * The connections of this edge by connection id: the address of everything the sessions job sends to one
 * connection ({@code Delivery}, {@code Kick}). A connection is registered when its CONNECT is sent for
 * authentication, before the request leaves, so that deliveries right behind the decision in the inbox find
 * it; it leaves the registry when its channel closes. Inbox records are handed to the connection's own event
 * loop as pipeline user events, in inbox order. Thread-safe; one instance per edge.
 */
public final class ConnectionRegistry {
    private static final Logger log = LoggerFactory.getLogger(ConnectionRegistry.class);

    private final ConcurrentMap<String, Channel> channels = new ConcurrentHashMap<>();
    private final AtomicLong droppedForUnknownConnections = new AtomicLong();

    /** Registers {@code channel} under {@code connectionId} until the channel closes. */
    public void register(String connectionId, Channel channel) {
        channels.put(connectionId, channel);
        channel.closeFuture().addListener(closed -> channels.remove(connectionId, channel));
    }

    public Optional<Channel> find(String connectionId) {
        return connectionId == null ? Optional.empty() : Optional.ofNullable(channels.get(connectionId));
    }

    /** Hands {@code delivery} to its connection's event loop; dropped (and counted) when it is not here. */
    public void dispatch(Delivery delivery) {
        route(delivery.getConnectionId(), delivery, "delivery " + delivery.getMessageId());
    }

    /** Hands {@code kick} to its connection's event loop; dropped when the connection is gone already. */
    public void dispatch(Kick kick) {
        route(kick.getConnectionId(), kick, "kick " + kick.getReason());
    }

    private void route(String connectionId, Object event, String what) {
        Channel channel = connectionId == null ? null : channels.get(connectionId);
        if (channel == null) {
            droppedForUnknownConnections.incrementAndGet();
            log.debug("Dropping {} for connection {}: not on this edge (closed already)", what, connectionId);
            return;
        }
        channel.eventLoop().execute(() -> channel.pipeline().fireUserEventTriggered(event));
    }

    /** Inbox records dropped because their connection is not on this edge. */
    public long droppedForUnknownConnections() {
        return droppedForUnknownConnections.get();
    }

    public int size() {
        return channels.size();
    }
}

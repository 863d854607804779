package io.gull.edge.mqtt;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.netty.channel.Channel;

/** The connected clients of this edge, by client id. Thread-safe; one instance per edge. */
public final class ClientRegistry {
    private final ConcurrentMap<String, Channel> channels = new ConcurrentHashMap<>();

    /** Registers {@code channel} for {@code clientId} and returns the channel it replaced, if any. */
    public Optional<Channel> register(String clientId, Channel channel) {
        Channel previous = channels.put(clientId, channel);
        return previous == null || previous == channel ? Optional.empty() : Optional.of(previous);
    }

    /** Removes the entry only if it still belongs to {@code channel} (a takeover may have replaced it). */
    public void unregister(String clientId, Channel channel) {
        channels.remove(clientId, channel);
    }

    public Optional<Channel> find(String clientId) {
        return Optional.ofNullable(channels.get(clientId));
    }

    public List<Channel> all() {
        return List.copyOf(channels.values());
    }

    public int size() {
        return channels.size();
    }
}

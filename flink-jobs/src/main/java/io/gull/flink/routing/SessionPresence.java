package io.gull.flink.routing;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Where the delivery operator sends a session's messages (its state, from {@link Presence}).
 *
 * @param online     held by {@code connectionId} on {@code edgeId}; false: offline, queueing when persistent
 * @param persistent the session outlives its connection: QoS 1/2 messages are queued while it is offline
 */
public record SessionPresence(String edgeId, String connectionId, int receiveMaximum, boolean online,
        boolean persistent) {

    public static final TypeInformation<SessionPresence> TYPE = Types.POJO(SessionPresence.class, Map.of(
            "edgeId", Types.STRING,
            "connectionId", Types.STRING,
            "receiveMaximum", Types.INT,
            "online", Types.BOOLEAN,
            "persistent", Types.BOOLEAN));

    static SessionPresence online(Presence presence) {
        return new SessionPresence(presence.edgeId(), presence.connectionId(), presence.receiveMaximum(), true,
                presence.persistent());
    }

    SessionPresence offline(boolean stillPersistent) {
        return new SessionPresence(edgeId, connectionId, receiveMaximum, false, stillPersistent);
    }
}

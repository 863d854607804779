package io.gull.flink.routing;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Where a session is connected, from the sessions operator to the delivery operator (keyed by client id).
 *
 * @param kind           ONLINE: the session is now held by {@code connectionId} on {@code edgeId}; OFFLINE: it has no
 *                       connection but lives on (persistent); ENDED: it is gone (clean start, expiry, clean
 *                       disconnect), its queue is dropped
 * @param resumed        ONLINE: the session existed (CONNACK Session Present); false = a new session, drop any queue
 * @param persistent     the session outlives its connection (session expiry &gt; 0): queue QoS 1/2 messages while offline
 * @param receiveMaximum ONLINE: the client's Receive Maximum
 */
public record Presence(String clientId, Kind kind, String edgeId, String connectionId, int receiveMaximum,
        int protocolVersion, boolean resumed, boolean persistent) {

    public enum Kind { ONLINE, OFFLINE, ENDED }

    public static final TypeInformation<Presence> TYPE = Types.POJO(Presence.class, Map.of(
            "clientId", Types.STRING,
            "kind", Types.ENUM(Kind.class),
            "edgeId", Types.STRING,
            "connectionId", Types.STRING,
            "receiveMaximum", Types.INT,
            "protocolVersion", Types.INT,
            "resumed", Types.BOOLEAN,
            "persistent", Types.BOOLEAN));
}

package io.gull.flink.session;

import java.time.Instant;

import io.gull.schemas.avro.EdgeHeartbeat;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;

/**
 * When an edge is dead, as pure functions: no heartbeat (RUNNING or STOPPED) within the dead-after time, or a
 * heartbeat of another incarnation (the process restarted, its connections are gone). A dead edge's connections are
 * closed abruptly: one DISCONNECTED with publishWill for each, into gull.sessions, which the sessions operator applies
 * like the edge's own (and ignores for a connection that no longer owns its session).
 */
public final class EdgeLiveness {
    /** The {@code reason} of the DISCONNECTED events of a dead edge's connections. */
    public static final String EDGE_DEAD = "edge dead";

    private EdgeLiveness() {
    }

    /** A heartbeat at {@code now}: the edge's next deadline. */
    public static EdgeLife beat(EdgeHeartbeat beat, long now, long deadAfterMillis) {
        return new EdgeLife(beat.getIncarnation(), now + deadAfterMillis, false);
    }

    /** True when {@code beat} comes from a new process of an edge that was alive: the old one's connections are gone. */
    public static boolean restarted(EdgeLife known, EdgeHeartbeat beat) {
        return known != null && !known.dead() && !known.incarnation().equals(beat.getIncarnation());
    }

    /** True when a timer at {@code timestamp} finds the edge silent past its deadline. */
    public static boolean silent(EdgeLife known, long timestamp) {
        return known != null && !known.dead() && known.deadline() <= timestamp;
    }

    /** The DISCONNECTED (abrupt: the will is published) of {@code connectionId} on the dead edge {@code edgeId}. */
    public static SessionEvent disconnected(String edgeId, String clientId, String connectionId, long now) {
        return SessionEvent.newBuilder()
                .setEventId(edgeId + "/" + connectionId + "/edge-dead")
                .setType(SessionEventType.DISCONNECTED)
                .setClientId(clientId)
                .setEdgeId(edgeId)
                .setConnectionId(connectionId)
                .setReason(EDGE_DEAD)
                .setAt(Instant.ofEpochMilli(now))
                .setPublishWill(true)
                .build();
    }
}

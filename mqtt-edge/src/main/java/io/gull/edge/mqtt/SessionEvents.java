package io.gull.edge.mqtt;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;

/** Builds the {@code SessionEvent}s this edge reports to {@code gull.sessions}. */
final class SessionEvents {

    private SessionEvents() {
    }

    static SessionEvent connected(ClientSession session, String edgeId, Clock clock) {
        return event(SessionEventType.CONNECTED, session, edgeId, null, clock);
    }

    static SessionEvent disconnected(ClientSession session, String edgeId, String reason, Clock clock) {
        return event(SessionEventType.DISCONNECTED, session, edgeId, reason, clock);
    }

    private static SessionEvent event(SessionEventType type, ClientSession session, String edgeId, String reason,
                                      Clock clock) {
        return SessionEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setType(type)
                .setConnectionId(session.connectionId())
                .setClientId(session.clientId())
                .setEdgeId(edgeId)
                .setProtocolVersion(session.version().protocolLevel())
                .setCleanStart(session.cleanStart())
                .setTopicFilters(List.of())
                .setReason(reason)
                .setAt(clock.instant())
                .build();
    }
}

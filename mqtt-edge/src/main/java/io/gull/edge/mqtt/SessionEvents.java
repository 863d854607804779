package io.gull.edge.mqtt;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.DeliveryAck;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;
import io.gull.schemas.avro.Subscription;

/** Builds the {@code SessionEvent}s this edge reports to {@code gull.sessions}. */
public final class SessionEvents {

    private SessionEvents() {
    }

    static SessionEvent connected(ClientSession session, String edgeId, Clock clock) {
        return builder(SessionEventType.CONNECTED, session, edgeId, clock).build();
    }

    /**
     * @param publishWill          abrupt end (connection lost, keep-alive, protocol error, 5.0 DISCONNECT with a
     *                             reason other than 0x00)
     * @param sessionExpirySeconds a 5.0 DISCONNECT's Session Expiry Interval, or null
     */
    static SessionEvent disconnected(ClientSession session, String edgeId, String reason, boolean publishWill,
                                     Long sessionExpirySeconds, Clock clock) {
        return builder(SessionEventType.DISCONNECTED, session, edgeId, clock)
                .setReason(reason)
                .setPublishWill(publishWill)
                .setSessionExpirySeconds(sessionExpirySeconds)
                .build();
    }

    static SessionEvent subscribed(ClientSession session, String edgeId, List<Subscription> subscriptions,
                                   Clock clock) {
        return builder(SessionEventType.SUBSCRIBED, session, edgeId, clock).setSubscriptions(subscriptions).build();
    }

    static SessionEvent unsubscribed(ClientSession session, String edgeId, List<String> filters, Clock clock) {
        return builder(SessionEventType.UNSUBSCRIBED, session, edgeId, clock).setTopicFilters(filters).build();
    }

    static SessionEvent acked(ClientSession session, String edgeId, List<DeliveryAck> acks, Clock clock) {
        return builder(SessionEventType.ACKED, session, edgeId, clock).setAcks(acks).build();
    }

    /**
     * DISCONNECTED for a connection the job allowed but that is gone (closed while it waited, or its request
     * timed out): without it the job would think the session online. No will: the client never got a CONNACK.
     */
    public static SessionEvent orphaned(AuthDecision decision, String edgeId, int protocolVersion, Clock clock) {
        return SessionEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setType(SessionEventType.DISCONNECTED)
                .setConnectionId(decision.getConnectionId())
                .setClientId(decision.getClientId())
                .setEdgeId(edgeId)
                .setProtocolVersion(protocolVersion)
                .setReason("allowed after the connection was gone (closed or auth timed out)")
                .setPublishWill(false)
                .setAt(clock.instant())
                .build();
    }

    private static SessionEvent.Builder builder(SessionEventType type, ClientSession session, String edgeId,
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
                .setAt(clock.instant());
    }
}

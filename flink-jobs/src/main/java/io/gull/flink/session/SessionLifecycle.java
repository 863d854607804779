package io.gull.flink.session;

import java.util.ArrayList;
import java.util.List;

import io.gull.flink.routing.Presence;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.Will;

/**
 * The rules of a session's life, as pure functions of the session and one input (no Flink): opening or resuming on
 * an allowed CONNECT, takeover, disconnect, will and expiry timers. docs/pubsub.md, "Sessions operator".
 */
public final class SessionLifecycle {
    private SessionLifecycle() {
    }

    /**
     * An allowed CONNECT ({@code request}) of a client of {@code tenant}, with the session {@code old} ({@code null}:
     * none).
     * <ul>
     *   <li>Session Present = a session exists, of the same tenant, and the request does not ask for a clean start.
     *       Otherwise the old session ends: its subscriptions are removed, Presence ENDED.</li>
     *   <li>Takeover: when another connection holds the session, its edge gets Kick(TAKEN_OVER); its will is published
     *       now, unless the session is resumed and the will has a delay (a new connection came before it passed).</li>
     *   <li>An offline session's waiting will is dropped by a resume, published now when the session ends.</li>
     *   <li>Expiry = min(asked, {@code maxExpirySeconds}), returned in the decision when lower than asked.</li>
     *   <li>The request's connection owns the session; Presence ONLINE (resumed = Session Present).</li>
     * </ul>
     */
    public static SessionStep open(String clientId, Session old, AuthRequest request, String tenant, long now,
            long maxExpirySeconds) {
        List<Effect> effects = new ArrayList<>();
        String connection = connectionOf(request);
        long asked = clamp(request.getSessionExpirySeconds());
        long granted = Math.min(asked, maxExpirySeconds);
        boolean present = old != null && !request.getCleanStart() && tenant.equals(old.tenant());
        if (old != null) {
            Will oldWill = old.will();
            if (old.online() && !connection.equals(old.connectionId())) {
                effects.add(new Effect.Reply(Replies.takenOver(old.edgeId(), clientId, old.connectionId())));
                effects.add(new Effect.Count(SessionMetrics.Event.TAKEOVER));
                if (oldWill != null && !(present && Wills.delaySeconds(oldWill) > 0)) {
                    effects.add(publishWill(clientId, old, oldWill, now));
                }
            } else if (!old.online() && oldWill != null && !present) {
                effects.add(publishWill(clientId, old, oldWill, now));
            }
            if (!present) {
                effects.addAll(end(clientId, old));
            }
        }
        Session opened = new Session(tenant, request.getEdgeId(), connection, true, request.getProtocolVersion(),
                granted, request.getReceiveMaximum(), request.getWill(), Session.NONE, Session.NONE);
        effects.add(new Effect.Reply(Replies.allowed(request, tenant, present, granted < asked ? granted : null, now)));
        effects.add(new Effect.Announce(new Presence(clientId, Presence.Kind.ONLINE, opened.edgeId(), connection,
                opened.receiveMaximum(), opened.protocolVersion(), present, opened.persistent())));
        effects.add(new Effect.Count(present ? SessionMetrics.Event.RESUMED : SessionMetrics.Event.OPENED));
        return new SessionStep(opened, effects);
    }

    /**
     * DISCONNECTED of the connection that owns {@code session}: the will (only when the event says so) is published
     * after min(will delay, session expiry), at once when that is 0; an expiry of 0 ends the session (subscriptions
     * removed, Presence ENDED), otherwise it goes offline (Presence OFFLINE) and ends after its expiry (never for
     * {@link Session#NEVER}). A 5.0 DISCONNECT's new expiry replaces the CONNECT's, capped like it.
     */
    public static SessionStep disconnect(String clientId, Session session, SessionEvent event, long now,
            long maxExpirySeconds) {
        List<Effect> effects = new ArrayList<>();
        long expiry = event.getSessionExpirySeconds() == null
                ? session.expirySeconds()
                : Math.min(clamp(event.getSessionExpirySeconds()), maxExpirySeconds);
        Will will = event.getPublishWill() ? session.will() : null;
        long willDelay = will == null ? 0 : Math.min(Wills.delaySeconds(will), expiry);
        if (will != null && willDelay == 0) {
            effects.add(publishWill(clientId, session, will, now));
        }
        if (expiry == 0) {
            effects.addAll(end(clientId, session));
            return new SessionStep(null, effects);
        }
        long endsAt = expiry >= Session.NEVER ? Session.NONE : now + expiry * 1000;
        long willAt = will != null && willDelay > 0 ? now + willDelay * 1000 : Session.NONE;
        if (willAt != Session.NONE) {
            effects.add(new Effect.StartTimer(willAt));
        }
        if (endsAt != Session.NONE) {
            effects.add(new Effect.StartTimer(endsAt));
        }
        Session offline = session.offline(expiry, willAt == Session.NONE ? null : will, willAt, endsAt);
        effects.add(new Effect.Announce(new Presence(clientId, Presence.Kind.OFFLINE, offline.edgeId(),
                offline.connectionId(), offline.receiveMaximum(), offline.protocolVersion(), false, true)));
        return new SessionStep(offline, effects);
    }

    /** A timer at {@code timestamp}: a waiting will that is due is published; an offline session that is due ends. */
    public static SessionStep due(String clientId, Session session, long timestamp, long now) {
        List<Effect> effects = new ArrayList<>();
        Session next = session;
        if (!next.online() && next.will() != null && next.willAt() != Session.NONE && next.willAt() <= timestamp) {
            effects.add(publishWill(clientId, next, next.will(), now));
            next = next.withoutWill();
        }
        if (!next.online() && next.endsAt() != Session.NONE && next.endsAt() <= timestamp) {
            effects.addAll(end(clientId, next));
            next = null;
        }
        return new SessionStep(next, effects);
    }

    /** The session's connection key: the request's connection id (0.1.0 edges sent none: the request id). */
    static String connectionOf(AuthRequest request) {
        return request.getConnectionId() != null ? request.getConnectionId() : request.getRequestId();
    }

    private static List<Effect> end(String clientId, Session session) {
        return List.of(
                new Effect.DropSubscriptions(session.tenant()),
                new Effect.Announce(new Presence(clientId, Presence.Kind.ENDED, session.edgeId(), session.connectionId(),
                        session.receiveMaximum(), session.protocolVersion(), false, false)),
                new Effect.Count(SessionMetrics.Event.ENDED));
    }

    private static Effect publishWill(String clientId, Session session, Will will, long now) {
        return new Effect.PublishWill(Wills.publish(clientId, session, will, now));
    }

    private static long clamp(long expirySeconds) {
        return Math.max(0, Math.min(expirySeconds, Session.NEVER));
    }
}

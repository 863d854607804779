package io.gull.flink.session;

import io.gull.flink.auth.EdgeReply;
import io.gull.flink.routing.Presence;
import io.gull.schemas.avro.Publish;

/** One thing a session rule wants done, in order, by the sessions operator. */
public sealed interface Effect {

    /** Send to an edge's inbox (a decision, a kick). */
    record Reply(EdgeReply reply) implements Effect {
    }

    /** Tell the delivery operator where the session is. */
    record Announce(Presence presence) implements Effect {
    }

    /** Remove every subscription of the session (from state and from routing, as subscriptions of {@code tenant}). */
    record DropSubscriptions(String tenant) implements Effect {
    }

    /** Publish a will (to gull.ingress). */
    record PublishWill(Publish will) implements Effect {
    }

    /** Call back at {@code at} (processing time ms). */
    record StartTimer(long at) implements Effect {
    }

    /** Count one event of {@code metric}. */
    record Count(SessionMetrics.Event metric) implements Effect {
    }
}

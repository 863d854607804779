package io.gull.flink.session;

import java.time.Instant;
import java.util.Map;

import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.Will;

/** A will as the message published for a client that went away. */
public final class Wills {
    /** Suffix of a will's messageId: {@code <connectionId>/will}, so a replayed will stays one message downstream. */
    public static final String MESSAGE_ID_SUFFIX = "/will";

    private Wills() {
    }

    /** The Publish of {@code will}, set by connection {@code connectionId} of {@code session}, published at {@code now}. */
    public static Publish publish(String clientId, Session session, Will will, long now) {
        return Publish.newBuilder()
                .setMessageId(session.connectionId() + MESSAGE_ID_SUFFIX)
                .setEdgeId(session.edgeId())
                .setClientId(clientId)
                .setTenant(session.tenant())
                .setTopic(will.getTopic())
                .setPayload(will.getPayload().duplicate())
                .setQos(will.getQos())
                .setRetain(will.getRetain())
                .setProperties(Map.copyOf(will.getProperties()))
                .setReceivedAt(Instant.ofEpochMilli(now))
                .setConnectionId(session.connectionId())
                .setWill(true)
                .build();
    }

    /** The will's delay in seconds, never negative. */
    static long delaySeconds(Will will) {
        return Math.max(0, will.getDelaySeconds());
    }
}

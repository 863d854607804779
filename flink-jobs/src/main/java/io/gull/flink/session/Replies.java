package io.gull.flink.session;

import java.time.Instant;

import io.gull.flink.auth.EdgeReply;
import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.EdgeMessage;
import io.gull.schemas.avro.Kick;
import io.gull.schemas.avro.KickReason;

/** The inbox messages of the sessions operator: decisions that open a session, and takeover kicks. */
final class Replies {
    private Replies() {
    }

    /**
     * ALLOWED for {@code request}.
     *
     * @param grantedExpiry the session expiry granted, when lower than asked (else null)
     */
    static EdgeReply allowed(AuthRequest request, String tenant, boolean sessionPresent, Long grantedExpiry, long now) {
        AuthDecision decision = AuthDecision.newBuilder()
                .setRequestId(request.getRequestId())
                .setClientId(request.getClientId())
                .setOutcome(AuthOutcome.ALLOWED)
                .setTenant(tenant)
                .setDecidedAt(Instant.ofEpochMilli(now))
                .setSessionPresent(sessionPresent)
                .setConnectionId(request.getConnectionId())
                .setSessionExpirySeconds(grantedExpiry)
                .build();
        return new EdgeReply(request.getEdgeId(), request.getClientId(), EdgeMessage.newBuilder().setBody(decision).build());
    }

    /** Tells {@code edgeId} to close {@code connectionId}: another connection took its session over. */
    static EdgeReply takenOver(String edgeId, String clientId, String connectionId) {
        Kick kick = Kick.newBuilder()
                .setClientId(clientId)
                .setConnectionId(connectionId)
                .setReason(KickReason.TAKEN_OVER)
                .build();
        return new EdgeReply(edgeId, clientId, EdgeMessage.newBuilder().setBody(kick).build());
    }
}

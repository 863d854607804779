package io.gull.flink.auth;

import java.nio.ByteBuffer;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.schemas.PasswordHashing;
import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.DeviceRecord;
import io.gull.schemas.avro.EdgeMessage;

/**
 * Gull's authentication rule: the device must be registered, the password must match its stored hash,
 * and a username, if given, must equal the client id.
 */
public final class CredentialCheck {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialCheck.class);
    private CredentialCheck() {
    }

    /** The outcome for a request of a registered device. */
    public static AuthOutcome check(DeviceRecord device, AuthRequest request) {
        String username = request.getUsername();
        if (username != null && !username.equals(request.getClientId())) {
            return AuthOutcome.BAD_CREDENTIALS;
        }
        ByteBuffer password = request.getPassword();
        if (password == null) {
            return AuthOutcome.BAD_CREDENTIALS;
        }
        boolean matches;
        try {
            matches = PasswordHashing.matches(device.getCredential(), bytes(password));
        } catch (RuntimeException e) {
            // a registry record the decoder let through but the hash function rejects: deny, never fail the job
            LOG.warn("Cannot check the password of device {} ({}); denying. Re-register the device.",
                    request.getClientId(), e.toString());
            matches = false;
        }
        return matches ? AuthOutcome.ALLOWED : AuthOutcome.BAD_CREDENTIALS;
    }

    /** The reply to a request of a registered device. */
    public static EdgeReply decide(DeviceRecord device, AuthRequest request, Instant now) {
        AuthOutcome outcome = check(device, request);
        return reply(request, outcome, outcome == AuthOutcome.ALLOWED ? device.getTenant() : null, now);
    }

    /** The reply to a request of a device that is not in the registry. */
    public static EdgeReply unknownDevice(AuthRequest request, Instant now) {
        return reply(request, AuthOutcome.UNKNOWN_DEVICE, null, now);
    }

    /** The reply refusing {@code request} with {@code outcome}. */
    public static EdgeReply refused(AuthRequest request, AuthOutcome outcome, Instant now) {
        return reply(request, outcome, null, now);
    }

    private static EdgeReply reply(AuthRequest request, AuthOutcome outcome, String tenant, Instant now) {
        AuthDecision decision = AuthDecision.newBuilder()
                .setRequestId(request.getRequestId())
                .setClientId(request.getClientId())
                .setOutcome(outcome)
                .setTenant(tenant)
                .setDecidedAt(now)
                .setConnectionId(request.getConnectionId())
                .build();
        return new EdgeReply(request.getEdgeId(), request.getClientId(),
                EdgeMessage.newBuilder().setBody(decision).build());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}

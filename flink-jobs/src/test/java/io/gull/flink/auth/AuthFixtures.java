package io.gull.flink.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.gull.schemas.PasswordHashing;
import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.DeviceRecord;

/** Registry records and auth requests for tests. */
public final class AuthFixtures {
    private AuthFixtures() {
    }

    public static DeviceRecord device(String deviceId, String password, String tenant) {
        Instant now = Instant.parse("2026-11-25T00:00:00Z");
        return DeviceRecord.newBuilder()
                .setDeviceId(deviceId)
                .setTenant(tenant)
                .setCredential(PasswordHashing.hash(password))
                .setMetadata(Map.of())
                .setCreatedAt(now)
                .setUpdatedAt(now)
                .build();
    }

    /** A request made just now (fresh by wall clock; harness processing times near 0 see it as from the future). */
    public static AuthRequest request(String requestId, String clientId, String username, String password) {
        // millisecond precision, as Avro's timestamp-millis keeps it
        return request(requestId, clientId, username, password, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    public static AuthRequest request(String requestId, String clientId, String username, String password,
            Instant requestedAt) {
        return AuthRequest.newBuilder()
                .setRequestId(requestId)
                .setEdgeId("edge-1")
                .setClientId(clientId)
                .setUsername(username)
                .setPassword(password == null ? null : ByteBuffer.wrap(password.getBytes(StandardCharsets.UTF_8)))
                .setProtocolVersion(4)
                .setRequestedAt(requestedAt)
                .build();
    }

    public static AuthDecision decision(EdgeReply reply) {
        return (AuthDecision) reply.message().getBody();
    }
}

package io.gull.schemas.evolution;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.DeviceRecord;
import io.gull.schemas.avro.EdgeMessage;
import io.gull.schemas.avro.PasswordCredential;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;

/** What today's classes hold after reading the records of {@link Release010}: their values, the new fields' defaults. */
final class Release010ReadToday {
    private Release010ReadToday() {
    }

    static Publish publish() {
        return Publish.newBuilder()
                .setMessageId("m-1").setEdgeId("edge-1").setClientId("dev1").setTenant("acme")
                .setTopic("devices/dev1/temp").setPayload(Release010.utf8("21.5")).setQos(1).setRetain(true)
                .setProperties(Map.of("unit", "C")).setReceivedAt(Instant.ofEpochMilli(Release010.RECEIVED_AT))
                .build();
    }

    static SessionEvent sessionEvent() {
        return SessionEvent.newBuilder()
                .setEventId("e-1").setType(SessionEventType.SUBSCRIBED).setClientId("dev1").setEdgeId("edge-1")
                .setConnectionId("conn-1").setProtocolVersion(5).setCleanStart(false)
                .setTopicFilters(List.of("devices/+/temp")).setAt(Instant.ofEpochMilli(Release010.RECEIVED_AT))
                .build();
    }

    static AuthRequest authRequest() {
        return AuthRequest.newBuilder()
                .setRequestId("r-1").setEdgeId("edge-1").setClientId("dev1").setUsername("dev1")
                .setPassword(Release010.utf8("secret")).setProtocolVersion(4)
                .setRequestedAt(Instant.ofEpochMilli(Release010.RECEIVED_AT))
                .build();
    }

    static EdgeMessage edgeMessage() {
        return EdgeMessage.newBuilder()
                .setBody(AuthDecision.newBuilder()
                        .setRequestId("r-1").setClientId("dev1").setOutcome(AuthOutcome.ALLOWED).setTenant("acme")
                        .setDecidedAt(Instant.ofEpochMilli(Release010.DECIDED_AT))
                        .build())
                .build();
    }

    static DeviceRecord deviceRecord() {
        return DeviceRecord.newBuilder()
                .setDeviceId("dev1").setTenant("acme")
                .setCredential(PasswordCredential.newBuilder()
                        .setAlgorithm("PBKDF2WithHmacSHA256").setIterations(10_000)
                        .setSalt(Release010.utf8("salt")).setHash(Release010.utf8("hash"))
                        .build())
                .setMetadata(Map.of("site", "lab"))
                .setCreatedAt(Instant.ofEpochMilli(Release010.RECEIVED_AT))
                .setUpdatedAt(Instant.ofEpochMilli(Release010.DECIDED_AT))
                .build();
    }
}

package io.gull.flink.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.gull.flink.auth.AuthFixtures;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;
import io.gull.schemas.avro.Subscription;
import io.gull.schemas.avro.Will;

/** CONNECTs, session events, subscriptions and wills for the sessions operator's tests. */
public final class SessionFixtures {
    /** A realistic processing time (the harness' clock is set to it), 2026-12-01T00:00:00Z. */
    public static final long T0 = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();

    private SessionFixtures() {
    }

    /** A CONNECT of dev1 with password pw from {@code edgeId}/{@code connectionId}, clean start, expiry 0. */
    public static AuthRequest.Builder connect(String requestId, String edgeId, String connectionId) {
        return AuthRequest.newBuilder(AuthFixtures.request(requestId, "dev1", null, "pw", Instant.ofEpochMilli(T0)))
                .setEdgeId(edgeId)
                .setConnectionId(connectionId)
                .setProtocolVersion(5)
                .setCleanStart(true)
                .setSessionExpirySeconds(0)
                .setReceiveMaximum(20);
    }

    /** A persistent (cleanStart false, expiry {@code expirySeconds}) CONNECT of dev1. */
    public static AuthRequest persistent(String requestId, String edgeId, String connectionId, long expirySeconds) {
        return connect(requestId, edgeId, connectionId).setCleanStart(false).setSessionExpirySeconds(expirySeconds)
                .build();
    }

    public static Will will(String topic, long delaySeconds) {
        return Will.newBuilder()
                .setTopic(topic)
                .setPayload(ByteBuffer.wrap("gone".getBytes(StandardCharsets.UTF_8)))
                .setQos(1)
                .setRetain(true)
                .setDelaySeconds(delaySeconds)
                .setProperties(Map.of("mqtt.contentType", "text/plain"))
                .build();
    }

    public static SessionEvent disconnected(String edgeId, String connectionId, boolean publishWill) {
        return event(SessionEventType.DISCONNECTED, edgeId, connectionId).setPublishWill(publishWill).build();
    }

    public static SessionEvent subscribed(String edgeId, String connectionId, Subscription... subscriptions) {
        return event(SessionEventType.SUBSCRIBED, edgeId, connectionId).setSubscriptions(Arrays.asList(subscriptions))
                .build();
    }

    public static SessionEvent unsubscribed(String edgeId, String connectionId, String... filters) {
        return event(SessionEventType.UNSUBSCRIBED, edgeId, connectionId).setTopicFilters(List.of(filters)).build();
    }

    public static SessionEvent.Builder event(SessionEventType type, String edgeId, String connectionId) {
        return SessionEvent.newBuilder()
                .setEventId(type + "-" + connectionId)
                .setType(type)
                .setClientId("dev1")
                .setEdgeId(edgeId)
                .setConnectionId(connectionId)
                .setProtocolVersion(5)
                .setAt(Instant.ofEpochMilli(T0));
    }

    public static Subscription subscription(String filter, int qos, int retainHandling) {
        return Subscription.newBuilder().setFilter(filter).setQos(qos).setRetainHandling(retainHandling).build();
    }
}

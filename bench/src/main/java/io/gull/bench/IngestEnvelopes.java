package io.gull.bench;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;

import io.gull.schemas.avro.Publish;

/**
 * The {@code Publish} envelopes the raw Kafka baseline writes: shaped as the edge's ({@code PublishEnvelopes}) for an
 * anonymous MQTT 3.1.1 client publishing QoS 1, so the records are the same size and cost the same to encode.
 * Message id = connection id and a counter, as at the edge; packet ids count 1..65535.
 */
public final class IngestEnvelopes {
    static final String EDGE_ID = "bench-kafka-raw";
    static final String TENANT = "$anonymous";

    private IngestEnvelopes() {
    }

    public static String clientId(String run, int connection) {
        return "bench-" + run + "-ingest-" + connection;
    }

    public static String topic(String run, int connection) {
        return "bench/" + run + "/ingest/" + connection;
    }

    public static String connectionId(String run, int connection) {
        return run + "-conn-" + connection;
    }

    public static Publish envelope(String run, int connection, long counter, byte[] payload, Instant receivedAt) {
        String connectionId = connectionId(run, connection);
        return Publish.newBuilder()
                .setMessageId(connectionId + ":" + counter)
                .setEdgeId(EDGE_ID)
                .setClientId(clientId(run, connection))
                .setTenant(TENANT)
                .setTopic(topic(run, connection))
                .setPayload(ByteBuffer.wrap(payload))
                .setQos(1)
                .setRetain(false)
                .setProperties(Map.of())
                .setReceivedAt(receivedAt)
                .setPacketId((int) ((counter - 1) % 65_535) + 1)
                .setDup(false)
                .setConnectionId(connectionId)
                .build();
    }
}

package io.gull.schemas.evolution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageEncoder;

import io.gull.schemas.history.SchemaHistory;

/**
 * Records as release 0.1.0 wrote them: built as generic records of the 0.1.0 writer schemas kept in
 * {@code avro/history/0.1.0} and single-object encoded with those schemas, which gives the bytes 0.1.0's
 * generated classes wrote (Avro binary depends only on the schema and the values).
 */
final class Release010 {
    static final String VERSION = "0.1.0";
    static final long RECEIVED_AT = 1_700_000_000_123L;
    static final long DECIDED_AT = 1_700_000_000_456L;

    private Release010() {
    }

    static Schema schema(String simpleName) {
        return SchemaHistory.released().of("io.gull.schemas.avro." + simpleName, VERSION).schema();
    }

    static byte[] encode(GenericRecord record) {
        try {
            ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), record.getSchema())
                    .encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GenericRecord publish() {
        return new GenericRecordBuilder(schema("Publish"))
                .set("messageId", "m-1").set("edgeId", "edge-1").set("clientId", "dev1").set("tenant", "acme")
                .set("topic", "devices/dev1/temp").set("payload", utf8("21.5")).set("qos", 1).set("retain", true)
                .set("properties", Map.of("unit", "C")).set("receivedAt", RECEIVED_AT)
                .build();
    }

    static GenericRecord sessionEvent() {
        Schema schema = schema("SessionEvent");
        return new GenericRecordBuilder(schema)
                .set("eventId", "e-1")
                .set("type", new GenericData.EnumSymbol(schema.getField("type").schema(), "SUBSCRIBED"))
                .set("clientId", "dev1").set("edgeId", "edge-1").set("connectionId", "conn-1")
                .set("protocolVersion", 5).set("cleanStart", false).set("topicFilters", List.of("devices/+/temp"))
                .set("at", RECEIVED_AT)
                .build();
    }

    static GenericRecord authRequest() {
        return new GenericRecordBuilder(schema("AuthRequest"))
                .set("requestId", "r-1").set("edgeId", "edge-1").set("clientId", "dev1").set("username", "dev1")
                .set("password", utf8("secret")).set("protocolVersion", 4).set("requestedAt", RECEIVED_AT)
                .build();
    }

    static GenericRecord edgeMessageWithAuthDecision() {
        Schema edgeMessage = schema("EdgeMessage");
        Schema decision = edgeMessage.getField("body").schema().getTypes().get(0);
        GenericRecord body = new GenericRecordBuilder(decision)
                .set("requestId", "r-1").set("clientId", "dev1")
                .set("outcome", new GenericData.EnumSymbol(decision.getField("outcome").schema(), "ALLOWED"))
                .set("tenant", "acme").set("decidedAt", DECIDED_AT)
                .build();
        return new GenericRecordBuilder(edgeMessage).set("body", body).build();
    }

    static GenericRecord deviceRecord() {
        Schema device = schema("DeviceRecord");
        GenericRecord credential = new GenericRecordBuilder(device.getField("credential").schema())
                .set("algorithm", "PBKDF2WithHmacSHA256").set("iterations", 10_000)
                .set("salt", utf8("salt")).set("hash", utf8("hash"))
                .build();
        return new GenericRecordBuilder(device)
                .set("deviceId", "dev1").set("tenant", "acme").set("credential", credential)
                .set("metadata", Map.of("site", "lab")).set("createdAt", RECEIVED_AT).set("updatedAt", DECIDED_AT)
                .build();
    }

    /** The records above, by the name of their golden file under {@code avro/golden/0.1.0/}. */
    static Map<String, GenericRecord> all() {
        return Map.of("Publish", publish(), "SessionEvent", sessionEvent(), "AuthRequest", authRequest(),
                "EdgeMessage", edgeMessageWithAuthDecision(), "DeviceRecord", deviceRecord());
    }

    static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}

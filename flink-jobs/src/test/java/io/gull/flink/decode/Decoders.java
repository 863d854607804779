package io.gull.flink.decode;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import io.gull.flink.auth.DeviceChange;
import io.gull.flink.session.LivenessInput;
import io.gull.flink.session.SessionDecoders;
import io.gull.flink.session.SessionInput;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.Command;
import io.gull.schemas.avro.DeviceRecord;
import io.gull.schemas.avro.EdgeHeartbeat;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SharedHandoff;
import io.gull.schemas.history.HistoricSchema;
import io.gull.schemas.history.SchemaHistory;

/** Every {@link RecordDecoder} the jobs decode a topic with, and the record type it expects there. */
enum Decoders {
    PUBLISH(Topics.INGRESS, Publish.getClassSchema(), GullDecoders::publish),
    SESSION_EVENT(Topics.SESSIONS, SessionEvent.getClassSchema(), GullDecoders::sessionEvent),
    COMMAND(Topics.COMMANDS, Command.getClassSchema(), GullDecoders::command),
    SHARED_HANDOFF(Topics.SHARED_HANDOFFS, SharedHandoff.getClassSchema(), GullDecoders::sharedHandoff),
    AUTH_REQUEST(Topics.AUTH_REQUESTS, AuthRequest.getClassSchema(), GullDecoders::authRequest),
    DEVICE_CHANGE(Topics.DEVICES, DeviceRecord.getClassSchema(), GullDecoders::deviceChange),
    EDGE_HEARTBEAT(Topics.EDGES, EdgeHeartbeat.getClassSchema(), GullDecoders::edgeHeartbeat),
    SESSIONS_DEVICE_CHANGE(Topics.DEVICES, DeviceRecord.getClassSchema(), SessionDecoders::deviceChange),
    SESSIONS_AUTH_REQUEST(Topics.AUTH_REQUESTS, AuthRequest.getClassSchema(), SessionDecoders::authRequest),
    LIVENESS_EDGE_HEARTBEAT(Topics.EDGES, EdgeHeartbeat.getClassSchema(), SessionDecoders::edgeHeartbeat);

    final String topic;
    final Schema schema;
    final RecordDecoder<?> decoder;

    Decoders(String topic, Schema schema, RecordDecoder<?> decoder) {
        this.topic = topic;
        this.schema = schema;
        this.decoder = decoder;
    }

    /** The schemas records of this type were written with: the current one and every released one. */
    List<Schema> writerSchemas() {
        List<Schema> schemas = new ArrayList<>(List.of(schema));
        SchemaHistory.released().of(schema.getFullName()).stream().map(HistoricSchema::schema).forEach(schemas::add);
        return schemas;
    }

    /** True for the registry topic, whose key must be the device id and whose null value deletes. */
    boolean keyedByDevice() {
        return schema.getFullName().equals(DeviceRecord.getClassSchema().getFullName());
    }

    /** The Avro records inside what this decoder returned. */
    static List<SpecificRecord> recordsIn(Object decoded) {
        if (decoded instanceof SpecificRecord record) {
            return List.of(record);
        }
        if (decoded instanceof DeviceChange change) {
            return change.isDeletion() ? List.of() : List.of(change.device());
        }
        if (decoded instanceof SessionInput input) {
            List<SpecificRecord> records = new ArrayList<>();
            if (input.deviceChange() != null) {
                records.addAll(recordsIn(input.deviceChange()));
            }
            if (input.authRequest() != null) {
                records.add(input.authRequest());
            }
            if (input.event() != null) {
                records.add(input.event());
            }
            return records;
        }
        if (decoded instanceof LivenessInput input && input.heartbeat() != null) {
            return List.of(input.heartbeat());
        }
        throw new AssertionError("a decoder returned an unexpected " + decoded.getClass().getName());
    }
}

package io.gull.flink.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.SessionEvent;

/** Writes a session event (a dead edge's connection closed) to gull.sessions, key = client id, as edges do. */
public final class SessionEventSerializer implements KafkaRecordSerializationSchema<SessionEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(SessionEvent event, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(Topics.SESSIONS, event.getClientId().getBytes(StandardCharsets.UTF_8),
                Codecs.SESSION_EVENT.encode(event));
    }
}

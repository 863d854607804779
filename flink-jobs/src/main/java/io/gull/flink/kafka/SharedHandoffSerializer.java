package io.gull.flink.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.SharedHandoff;

/** Writes a handed-back shared message to gull.shared.handoffs, key = tenant + NUL + $share filter. */
public final class SharedHandoffSerializer implements KafkaRecordSerializationSchema<SharedHandoff> {
    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(SharedHandoff handoff, KafkaSinkContext context, Long timestamp) {
        byte[] key = (handoff.getTenant() + '\u0000' + handoff.getFilter()).getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(Topics.SHARED_HANDOFFS, key, Codecs.SHARED_HANDOFF.encode(handoff));
    }
}

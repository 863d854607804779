package io.gull.flink.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.Publish;

/** Writes a message (a will the sessions job publishes) to gull.ingress, key = client id, as edges do. */
public final class IngressSerializer implements KafkaRecordSerializationSchema<Publish> {
    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(Publish message, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(Topics.INGRESS, message.getClientId().getBytes(StandardCharsets.UTF_8),
                Codecs.PUBLISH.encode(message));
    }
}

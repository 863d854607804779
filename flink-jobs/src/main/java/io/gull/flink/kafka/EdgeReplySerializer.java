package io.gull.flink.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.gull.flink.auth.EdgeReply;
import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;

/** Writes each reply to its edge's inbox, {@code gull.edge.<edgeId>}, key = client id. */
public final class EdgeReplySerializer implements KafkaRecordSerializationSchema<EdgeReply> {
    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(EdgeReply reply, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(Topics.edgeInbox(reply.edgeId()),
                reply.clientId().getBytes(StandardCharsets.UTF_8),
                Codecs.EDGE_MESSAGE.encode(reply.message()));
    }
}

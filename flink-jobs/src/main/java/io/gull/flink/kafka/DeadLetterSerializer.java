package io.gull.flink.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import io.gull.flink.decode.DeadLetter;
import io.gull.schemas.Topics;

/**
 * Writes a dead letter to gull.deadletter: the original key and value unchanged, and headers saying why
 * ({@value #REASON}) and where it came from ({@value #SOURCE_TOPIC}, {@value #SOURCE_PARTITION},
 * {@value #SOURCE_OFFSET}).
 */
public final class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {
    public static final String REASON = "gull.reason";
    public static final String SOURCE_TOPIC = "gull.source.topic";
    public static final String SOURCE_PARTITION = "gull.source.partition";
    public static final String SOURCE_OFFSET = "gull.source.offset";
    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter letter, KafkaSinkContext context, Long timestamp) {
        List<Header> headers = List.of(
                header(REASON, letter.reason() == null ? "unknown" : letter.reason()),
                header(SOURCE_TOPIC, letter.sourceTopic()),
                header(SOURCE_PARTITION, Integer.toString(letter.partition())),
                header(SOURCE_OFFSET, Long.toString(letter.offset())));
        return new ProducerRecord<>(Topics.DEADLETTER, null, null, letter.key(), letter.value(), headers);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

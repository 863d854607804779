package io.gull.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.Command;

class KafkaCommandSenderTest {
    @Test
    void sendsAnAvroCommandKeyedByDeviceToGullCommands() throws Exception {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        byte[] payload = PayloadCodec.encode(new ProbeStamp(2, 5, 77, false), 64);
        try (KafkaCommandSender sender = new KafkaCommandSender(producer)) {
            sender.send("bench-r-9", "bench-r-dev-2", "bench/r/cmd/2", payload, 1).get();
        }
        assertThat(producer.history()).hasSize(1);
        ProducerRecord<String, byte[]> record = producer.history().get(0);
        assertThat(record.topic()).isEqualTo(Topics.COMMANDS);
        assertThat(record.key()).isEqualTo("bench-r-dev-2");
        Command command = Codecs.COMMAND.decode(record.value());
        assertThat(command.getCommandId()).isEqualTo("bench-r-9");
        assertThat(command.getTopic()).isEqualTo("bench/r/cmd/2");
        assertThat(command.getQos()).isEqualTo(1);
        assertThat(command.getExpiresAt()).isAfter(command.getCreatedAt());
        assertThat(PayloadCodec.decode(command.getPayload())).isEqualTo(new ProbeStamp(2, 5, 77, false));
        assertThat(command.getPayload()).isEqualTo(ByteBuffer.wrap(payload));
    }

    @Test
    void aRefusedSendFailsItsFuture() {
        MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        KafkaCommandSender sender = new KafkaCommandSender(producer);
        var future = sender.send("c", "d", "t", new byte[PayloadCodec.HEADER_BYTES], 1);
        producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("no broker"));
        assertThat(future).isCompletedExceptionally();
    }
}

package io.gull.cli.send;

import org.apache.kafka.clients.producer.RecordMetadata;

import io.gull.cli.connect.HostPort;
import io.gull.cli.connect.KafkaWriter;
import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.Command;

/** Writes a command to {@code gull.commands} (key = device id) and waits for Kafka's acknowledgement. */
public final class CommandWriter {
    private final KafkaWriter kafka;

    public CommandWriter(HostPort bootstrap) {
        this.kafka = new KafkaWriter(bootstrap);
    }

    public RecordMetadata write(Command command) {
        return kafka.write(Topics.COMMANDS, command.getDeviceId(), Codecs.COMMAND.encode(command));
    }
}

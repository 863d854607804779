package io.gull.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.Command;

/**
 * Commands into Gull the way an application sends them: an Avro {@code Command} on {@code gull.commands}, key =
 * device id. The producer is tuned for latency (linger 0), as a request/response application would be.
 */
public final class KafkaCommandSender implements CommandSender {
    private static final Duration EXPIRY = Duration.ofMinutes(1);
    private final Producer<String, byte[]> producer;

    KafkaCommandSender(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** A sender with a producer of its own on {@code bootstrapServers}. */
    public static KafkaCommandSender connect(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "gull-bench-commands");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaCommandSender(new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer()));
    }

    /** Fails fast (within 10 s) with a clear message when Kafka is not there or gull.commands does not exist. */
    public void checkReachable() {
        try {
            producer.partitionsFor(Topics.COMMANDS);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot reach topic " + Topics.COMMANDS + " on Kafka: " + e.getMessage()
                    + " (is Gull running? check --gull-kafka)", e);
        }
    }

    static Command command(String commandId, String deviceId, String topic, byte[] payload, int qos, Instant now) {
        return Command.newBuilder()
                .setCommandId(commandId)
                .setDeviceId(deviceId)
                .setTopic(topic)
                .setPayload(ByteBuffer.wrap(payload))
                .setQos(qos)
                .setProperties(Map.of())
                .setCreatedAt(now)
                .setExpiresAt(now.plus(EXPIRY))
                .build();
    }

    @Override
    public CompletableFuture<?> send(String commandId, String deviceId, String topic, byte[] payload, int qos) {
        byte[] value = Codecs.COMMAND.encode(command(commandId, deviceId, topic, payload, qos, Instant.now()));
        CompletableFuture<Void> done = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(Topics.COMMANDS, deviceId, value), (metadata, error) -> {
            if (error == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(error);
            }
        });
        return done;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}

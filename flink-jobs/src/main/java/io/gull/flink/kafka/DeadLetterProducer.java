package io.gull.flink.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.gull.flink.decode.DeadLetter;

/**
 * Sends dead letters to gull.deadletter from inside an operator (same records and headers as the jobs' dead-letter
 * sink, {@link DeadLetterSerializer}). {@link #send} is asynchronous; {@link #flush} returns once Kafka acknowledged
 * every letter sent so far, and throws if any was not.
 */
public final class DeadLetterProducer implements AutoCloseable {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaProducer<byte[], byte[]> producer;
    private final DeadLetterSerializer serializer = new DeadLetterSerializer();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public DeadLetterProducer(String bootstrap, String clientId) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5);
        // serializer instances, not class names: no lookup through Flink's user-code class loader
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public void send(DeadLetter letter) throws IOException {
        throwIfFailed();
        producer.send(serializer.serialize(letter, null, null), (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
    }

    /** Blocks until every letter sent so far is acknowledged. */
    public void flush() throws IOException {
        producer.flush();
        throwIfFailed();
    }

    private void throwIfFailed() throws IOException {
        Exception error = failure.get();
        if (error != null) {
            throw new IOException("Could not write a dead letter to Kafka (" + error + "); the job restarts from its "
                    + "last checkpoint and retries. Check that Kafka is reachable.", error);
        }
    }

    /** Closes without waiting long for unacknowledged letters: only {@link #flush} promises delivery. */
    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
